// package.json `contributes` is the source of truth; client/src/contributes.ts mirrors it. These tests fail on
// drift either way, on `when` clauses that read context keys nothing sets, and on menus/welcome links to
// commands that are not contributed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Commands, ContextKeys, Settings, Views } from '../../client/src/contributes';
import { contextKeysIn, settingsIn, commandLinksIn } from './views/whenClause';
import { CONFIG_FILE_NAME } from '@shared';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) ? [path] : [];
  });
}
const sources = sourceFiles(join(root, 'client', 'src'))
  .filter((f) => !f.endsWith('contributes.ts'))
  .map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

/** Every string under a `when` or `enablement` key anywhere in `contributes`. */
function whenClauses(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => whenClauses(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'when' || key === 'enablement') && typeof value === 'string') out.push(value);
      else whenClauses(value, out);
    }
  }
  return out;
}

/** Every `command` a menu, keybinding or welcome/walkthrough link points at. */
function referencedCommands(): string[] {
  const fromMenus = Object.values(contributes.menus ?? {}).flatMap((items) =>
    (items as { command?: string }[]).map((i) => i.command).filter((c): c is string => !!c),
  );
  const fromKeys = (contributes.keybindings ?? []).map((k: { command: string }) => k.command);
  const text = JSON.stringify([contributes.viewsWelcome ?? [], contributes.walkthroughs ?? []]);
  return [...fromMenus, ...fromKeys, ...commandLinksIn(text)];
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

test('every contributed command is in the mirror and every mirrored command is contributed', () => {
  const contributed = (contributes.commands ?? []).map((c: { command: string }) => c.command);
  assert.deepEqual(sorted(contributed), sorted(Object.values(Commands)));
});

test('every contributed view and the container are in the mirror, and nothing more', () => {
  const contributed = Object.values(contributes.views ?? {}).flatMap((vs) => (vs as { id: string }[]).map((v) => v.id));
  const containers = (contributes.viewsContainers?.activitybar ?? []).map((c: { id: string }) => c.id);
  const { container, ...views } = Views;
  assert.deepEqual(sorted(contributed), sorted(Object.values(views)));
  assert.ok(containers.includes(container), `activity-bar container ${container} is contributed`);
  assert.deepEqual(Object.keys(contributes.views ?? {}), [container], 'all views live in the Tilebox container');
});

test('every contributed setting is in the mirror and every mirrored setting is contributed, with a description', () => {
  const properties = contributes.configuration?.properties ?? {};
  assert.deepEqual(sorted(Object.keys(properties)), sorted(Object.values(Settings)));
  for (const [key, schema] of Object.entries(properties) as [string, Record<string, unknown>][]) {
    assert.ok(schema.description || schema.markdownDescription, `${key} has a description`);
  }
});

test('the CLI path is a user setting a workspace cannot set, shown under User in every window; descriptions are not markdown by accident', () => {
  const properties = contributes.configuration?.properties ?? {};
  // `machine` settings are hidden from the User tab in a remote or browser window (code-server); `application`
  // shows there and, like `machine`, cannot be set by a workspace's .vscode/settings.json.
  assert.equal(properties['tilebox.cli.path'].scope, 'application');
  assert.equal(properties['tilebox.cli.path'].restricted, true);
  // A plain `description` is shown as typed: code spans belong in markdownDescription.
  const plain: string[] = [];
  const walk = (o: unknown, at: string): void => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'description' || k === 'enumDescriptions') && JSON.stringify(v).includes('`')) plain.push(`${at}.${k}`);
      else walk(v, `${at}.${k}`);
    }
  };
  walk(
    { configuration: contributes.configuration, taskDefinitions: contributes.taskDefinitions, commands: contributes.commands },
    'contributes',
  );
  assert.deepEqual(plain, []);
});

test('settings read in the sources are declared', () => {
  const declared = new Set(Object.keys(contributes.configuration?.properties ?? {}));
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/getConfiguration\(\s*['"](tilebox[\w.]*)['"]\s*\)\s*\.get(?:<[^>]*>)?\(\s*['"]([\w.]+)['"]/g)) {
      const key = m[1] === 'tilebox' ? `tilebox.${m[2]}` : `${m[1]}.${m[2]}`;
      assert.ok(declared.has(key), `${file} reads undeclared setting ${key}`);
    }
  }
});

test('every tilebox context key in a when clause is set by the code', () => {
  const setByCode = new Set<string>();
  for (const { text } of sources) {
    for (const m of text.matchAll(/['"]setContext['"]\s*,\s*['"](tilebox\.[\w.]+)['"]/g)) setByCode.add(m[1]);
    if (!/setContext/.test(text)) continue;
    for (const m of text.matchAll(/ContextKeys\.(\w+)/g)) {
      const key = (ContextKeys as Record<string, string>)[m[1]];
      if (key) setByCode.add(key);
    }
  }
  const used = sorted(whenClauses(contributes).flatMap(contextKeysIn));
  assert.ok(used.length > 0, 'the when clauses use tilebox context keys');
  const unset = used.filter((k) => !setByCode.has(k));
  assert.deepEqual(unset, [], `context keys used in when clauses but never set: ${unset.join(', ')}`);
});

test('every setting a when clause reads (config.tilebox.*) is declared', () => {
  const declared = new Set(Object.keys(contributes.configuration?.properties ?? {}));
  const read = sorted(whenClauses(contributes).flatMap(settingsIn));
  assert.deepEqual(
    read.filter((k) => !declared.has(k)),
    [],
  );
});

test('every command a menu, keybinding, welcome view or walkthrough points at is contributed', () => {
  const contributed = new Set((contributes.commands ?? []).map((c: { command: string }) => c.command));
  const missing = sorted(referencedCommands().filter((c) => c.startsWith('tilebox.') && !contributed.has(c)));
  assert.deepEqual(missing, [], `referenced but not contributed: ${missing.join(', ')}`);
});

test('every contributed command is registered somewhere in the client sources', () => {
  const entries = Object.entries(Commands);
  const unregistered = entries
    .filter(([name, id]) => !sources.some(({ text }) => text.includes(`Commands.${name}`) || text.includes(`'${id}'`)))
    .map(([, id]) => id);
  assert.deepEqual(unregistered, []);
});

test('every walkthrough completion event names a context key the code sets or a contributed command', () => {
  const events = (contributes.walkthroughs ?? []).flatMap((w: { steps: { completionEvents?: string[] }[] }) =>
    w.steps.flatMap((s) => s.completionEvents ?? []),
  );
  const contributed = new Set((contributes.commands ?? []).map((c: { command: string }) => c.command));
  const problems = events.filter((e: string) => {
    const [kind, name] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
    if (kind === 'onContext') return !sources.some(({ text }) => text.includes(`'${name}'`));
    if (kind === 'onCommand') return !contributed.has(name);
    return false;
  });
  assert.deepEqual(problems, []);
});

test('a config at the workspace root activates the extension without a workspace search; one deeper still does', () => {
  const events: string[] = pkg.activationEvents;
  // VS Code checks a plain file name with one stat and activates at once; a glob waits for a search of the whole
  // workspace (seconds on a 60,000-file monorepo, and given up after a timeout).
  assert.ok(events.includes(`workspaceContains:${CONFIG_FILE_NAME}`), events.join(', '));
  assert.ok(events.includes(`workspaceContains:**/${CONFIG_FILE_NAME}`), events.join(', '));
});
