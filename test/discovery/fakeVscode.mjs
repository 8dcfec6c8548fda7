// A thin fake of `vscode` for the artifact UI tests: real URI semantics (vscode-uri, the library VS Code
// uses), events the tests fire by hand, a settable workspace file list, and tree items as plain objects.
import { URI } from 'vscode-uri';
import { EventEmitter, disposable } from '../fakeVscodeBasics.mjs';

export * from '../fakeVscodeBasics.mjs';

export const Uri = URI;
export const fake = {
  /** Config files `workspace.findFiles` reports and `workspace.fs.stat` finds (URI strings). */
  files: new Set(),
  settings: { 'explorer.decorations': true },
  configChanged: new EventEmitter(),
  activeEditorChanged: new EventEmitter(),
  documentChanged: new EventEmitter(),
  watchers: [],
  memento: new Map(),
  fileSystems: new Map(),
};

export const window = {
  activeTextEditor: undefined,
  onDidChangeActiveTextEditor: (l) => fake.activeEditorChanged.event(l),
};
export const commands = { executeCommand: () => Promise.resolve() };
export const workspace = {
  onDidChangeTextDocument: (l) => fake.documentChanged.event(l),
  onDidChangeConfiguration: (l) => fake.configChanged.event(l),
  getConfiguration: () => ({ get: (k, d) => (k in fake.settings ? fake.settings[k] : d) }),
  createFileSystemWatcher(glob) {
    const w = { glob, created: new EventEmitter(), deleted: new EventEmitter(), changed: new EventEmitter(), dispose() {} };
    w.onDidCreate = w.created.event;
    w.onDidDelete = w.deleted.event;
    w.onDidChange = w.changed.event;
    fake.watchers.push(w);
    return w;
  },
  registerFileSystemProvider(scheme, provider, options) {
    fake.fileSystems.set(scheme, { provider, options });
    return disposable;
  },
  findFiles: async () => [...fake.files].map((s) => URI.parse(s)),
  fs: { stat: async (uri) => { if (!fake.files.has(uri.toString())) throw new Error('ENOENT'); return {}; } },
  asRelativePath: (uri) => (typeof uri === 'string' ? uri : uri.path.split('/').slice(-2).join('/')),
};
