// Reads the names out of VS Code `when` clauses and `command:` links, for the contributes drift tests.

/** `tilebox.*` context keys a when clause reads (not the values it compares them with). */
export function contextKeysIn(when: string): string[] {
  const withoutRegexes = when.replace(/=~\s*\/(?:\\.|[^/\\])*\/[a-z]*/g, ' ');
  const withoutValues = withoutRegexes.replace(/(==|!=|<=|>=|<|>)\s*('[^']*'|[^\s&|)!]+)/g, ' ');
  return [...withoutValues.matchAll(/[A-Za-z_][\w.-]*/g)].map((m) => m[0]).filter((k) => k.startsWith('tilebox.'));
}

/** `tilebox.*` setting keys a when clause reads through `config.`. */
export function settingsIn(when: string): string[] {
  return [...when.matchAll(/\bconfig\.(tilebox\.[\w.]+)/g)].map((m) => m[1]);
}

/** Command ids in `command:<id>` links (welcome views, walkthroughs, markdown). */
export function commandLinksIn(text: string): string[] {
  return [...text.matchAll(/command:([\w.-]+)/g)].map((m) => m[1]);
}

/** A menu `when` reduced to what decides where it shows: the view and the item's contextValue. */
export interface MenuWhen {
  views(viewId: string): boolean;
  items(contextValue: string): boolean;
}

/** Reads `a && b && …` terms on `view` and `viewItem` (`==`, `=~ /re/`); other terms are context keys. */
export function parseMenuWhen(when: string): MenuWhen {
  if (when.includes('||')) throw new Error(`'||' is not supported by this reader: ${when}`);
  const viewTests: ((v: string) => boolean)[] = [];
  const itemTests: ((v: string) => boolean)[] = [];
  for (const term of when.split('&&').map((t) => t.trim())) {
    const m = /^(view|viewItem)\s*(==|=~)\s*(.+)$/.exec(term);
    if (!m) continue;
    const [, key, op, rhs] = m;
    let check: (v: string) => boolean;
    if (op === '==') check = (v) => v === rhs.trim();
    else {
      const re = /^\/(.*)\/([a-z]*)$/.exec(rhs.trim());
      if (!re) throw new Error(`not a regex: ${rhs}`);
      const regex = new RegExp(re[1], re[2]);
      check = (v) => regex.test(v);
    }
    (key === 'view' ? viewTests : itemTests).push(check);
  }
  return { views: (v) => viewTests.every((t) => t(v)), items: (v) => itemTests.length > 0 && itemTests.every((t) => t(v)) };
}

export function menuApplies(when: MenuWhen, viewId: string, contextValue: string): boolean {
  return when.views(viewId) && when.items(contextValue);
}
