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
