// A thin fake of `vscode` for the artifact UI tests: real URI semantics (vscode-uri, the library VS Code
// uses), events the tests fire by hand, a settable workspace file list, and tree items as plain objects.
import { URI } from 'vscode-uri';

export const Uri = URI;
const disposable = { dispose() {} };

export class EventEmitter {
  listeners = [];
  event = (l) => { this.listeners.push(l); return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } }; };
  fire(v) { for (const l of [...this.listeners]) l(v); }
  dispose() { this.listeners = []; }
}

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

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export class TreeItem { constructor(label, collapsibleState = 0) { this.label = label; this.collapsibleState = collapsibleState; } }
export class ThemeIcon {
  static File = new ThemeIcon('file');
  static Folder = new ThemeIcon('folder');
  constructor(id, color) { this.id = id; this.color = color; }
}
export class ThemeColor { constructor(id) { this.id = id; } }
export class MarkdownString { constructor(value = '') { this.value = value; } }
export class RelativePattern { constructor(base, pattern) { this.base = base; this.pattern = pattern; } }
export class Position { constructor(line, character) { Object.assign(this, { line, character }); } }
export class Range { constructor(l1, c1, l2, c2) { this.start = new Position(l1, c1); this.end = new Position(l2, c2); } }

export class Disposable { constructor(fn) { this.dispose = fn; } }
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
export const FilePermission = { Readonly: 1 };
export class FileSystemError extends Error {
  constructor(message, code) { super(String(message)); this.code = code; }
  static FileNotFound(u) { return new FileSystemError(u, 'FileNotFound'); }
  static FileIsADirectory(u) { return new FileSystemError(u, 'FileIsADirectory'); }
  static FileNotADirectory(u) { return new FileSystemError(u, 'FileNotADirectory'); }
  static NoPermissions(m) { return new FileSystemError(m, 'NoPermissions'); }
  static Unavailable(m) { return new FileSystemError(m, 'Unavailable'); }
}

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
export { disposable };
