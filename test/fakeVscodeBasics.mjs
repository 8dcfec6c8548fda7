// The value classes and enums of `vscode` that every test fake needs alike (test/commands, test/views and
// test/discovery each fake the API surface their layer touches, and re-export these).
export const disposable = { dispose() {} };

/** A listener can be removed, and `disposables` collects it, as in VS Code (activation tests start the extension repeatedly). */
export class EventEmitter {
  listeners = new Set();
  event = (listener, thisArg, disposables) => {
    const entry = (v) => listener.call(thisArg, v);
    this.listeners.add(entry);
    const d = { dispose: () => this.listeners.delete(entry) };
    if (Array.isArray(disposables)) disposables.push(d);
    return d;
  };
  fire(v) { for (const l of [...this.listeners]) l(v); }
  dispose() { this.listeners.clear(); }
}

export class Disposable {
  constructor(fn) { this.dispose = fn; }
  static from(...ds) { return new Disposable(() => ds.forEach((d) => d.dispose())); }
}
export class Position { constructor(line, character) { Object.assign(this, { line, character }); } }
/** `new Range(start, end)` or `new Range(startLine, startCharacter, endLine, endCharacter)`, as in VS Code. */
export class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') Object.assign(this, { start: new Position(a, b), end: new Position(c, d) });
    else Object.assign(this, { start: a, end: b });
  }
}
export class Selection extends Range {}
export class CodeLens { constructor(range, command) { Object.assign(this, { range, command }); } }
export class RelativePattern { constructor(base, pattern) { Object.assign(this, { base, pattern }); } }

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export class TreeItem { constructor(label, collapsibleState = 0) { Object.assign(this, { label, collapsibleState }); } }
export class ThemeIcon {
  static File = new ThemeIcon('file');
  static Folder = new ThemeIcon('folder');
  constructor(id, color) { Object.assign(this, { id, color }); }
}
export class ThemeColor { constructor(id) { this.id = id; } }
export class MarkdownString {
  constructor(value = '', supportThemeIcons = false) { Object.assign(this, { value, supportThemeIcons }); }
  appendMarkdown(v) { this.value += v; return this; }
}

export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const TextEditorRevealType = { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 };
export const TaskScope = { Global: 1, Workspace: 2 };
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
