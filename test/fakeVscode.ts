// The one fake of the `vscode` module for unit tests (test/vscodeHook.mjs resolves `import 'vscode'` to it): the
// value classes and enums the client uses, and window/workspace/commands that record instead of rendering. Tests
// script it through `state` (commands, messages, answers), `views` (trees, status bar, logs, workspace files and
// trust) and `fake` (the artifact UI's files, watchers, file systems). Each namespace's keys are checked against
// the real API's, so the fake cannot grow a member VS Code does not have.
import type * as vscode from 'vscode';
import { URI, Utils } from 'vscode-uri';

type Api<K extends keyof typeof vscode> = { [P in keyof (typeof vscode)[K]]?: any };
interface DisposableLike {
  dispose(): unknown;
}
export const disposable: DisposableLike = { dispose() {} };

/** A listener can be removed, and `disposables` collects it, as in VS Code (activation tests start the extension repeatedly). */
export class EventEmitter<T = void> implements Pick<vscode.EventEmitter<T>, 'event' | 'fire' | 'dispose'> {
  readonly listeners = new Set<(v: T) => void>();
  event = (listener: (v: T) => unknown, thisArg?: unknown, disposables?: DisposableLike[]): vscode.Disposable => {
    const entry = (v: T) => listener.call(thisArg, v);
    this.listeners.add(entry);
    const d = { dispose: () => this.listeners.delete(entry) };
    if (Array.isArray(disposables)) disposables.push(d);
    return d;
  };
  /** The argument may be left out, as a test firing a `void` or "anything changed" event does. */
  fire(v?: T): void {
    for (const l of [...this.listeners]) l(v as T);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Disposable {
  constructor(public dispose: () => unknown) {}
  static from(...ds: DisposableLike[]): Disposable {
    return new Disposable(() => {
      for (const d of ds) d.dispose();
    });
  }
}
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
/** `new Range(start, end)` or `new Range(startLine, startCharacter, endLine, endCharacter)`, as in VS Code. */
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
export class Selection extends Range {}
export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: vscode.Command,
  ) {}
}
export class RelativePattern {
  constructor(
    readonly base: unknown,
    readonly pattern: string,
  ) {}
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export class TreeItem {
  [key: string]: unknown;
  constructor(
    public label: unknown,
    public collapsibleState = 0,
  ) {}
}
export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class MarkdownString {
  constructor(
    public value = '',
    public supportThemeIcons = false,
  ) {}
  appendMarkdown(v: string): this {
    this.value += v;
    return this;
  }
}

export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const TextEditorRevealType = { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 } as const;
export const TaskScope = { Global: 1, Workspace: 2 } as const;
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;
export const FilePermission = { Readonly: 1 } as const;
export class FileSystemError extends Error {
  constructor(
    message: unknown,
    readonly code: string,
  ) {
    super(String(message));
  }
  static FileNotFound = (u?: unknown) => new FileSystemError(u, 'FileNotFound');
  static FileIsADirectory = (u?: unknown) => new FileSystemError(u, 'FileIsADirectory');
  static FileNotADirectory = (u?: unknown) => new FileSystemError(u, 'FileNotADirectory');
  static NoPermissions = (m?: unknown) => new FileSystemError(m, 'NoPermissions');
  static Unavailable = (m?: unknown) => new FileSystemError(m, 'Unavailable');
}
export class ProcessExecution {
  constructor(
    readonly process: string,
    readonly args: string[],
    readonly options?: unknown,
  ) {}
}
export class Task {
  constructor(
    readonly definition: vscode.TaskDefinition,
    readonly scope: unknown,
    readonly name: string,
    readonly source: string,
    readonly execution?: ProcessExecution,
  ) {}
}

/** vscode-uri is the URI implementation VS Code itself uses; VS Code adds `joinPath` as a static. */
export const Uri: typeof URI & { joinPath: typeof Utils.joinPath } = Object.assign(URI, { joinPath: Utils.joinPath });

interface Message {
  level: string;
  text: string;
  items: string[];
  /** Titles of MessageItems marked isCloseAffordance (the dialog's own close button). */
  closers?: string[];
}
export interface FakePanel {
  viewType: string;
  title: string;
  revealed: number;
  disposed: boolean;
  webview: { html: string; posted: any[] };
  body(): string;
  send(message: unknown): void;
  dispose(): void;
}
interface Editor {
  document: { uri: any; getText(): string };
  selection?: { start: { line: number } };
  revealed: unknown[];
}
/** What the command-layer tests script and read. */
export const state = {
  commands: new Map<string, (...args: any[]) => Promise<void>>(),
  executed: [] as { id: string; args: any[] }[],
  messages: [] as Message[],
  /** Answers to questions, in order; a function answer is called with what was asked (e.g. the quick pick items). */
  answers: [] as unknown[],
  terminals: [] as any[],
  taskProviders: [] as { type: string; p: unknown }[],
  /** `configuration:tilebox`, `adapter:tilebox`, … for each debugger registration. */
  debugRegistrations: [] as string[],
  linkProviders: [] as unknown[],
  codeLensProviders: [] as { selector: unknown; provider: any }[],
  panels: [] as FakePanel[],
  contentProviders: new Map<string, vscode.TextDocumentContentProvider>(),
  config: { 'jobs.notifyOnCompletion': true } as Record<string, unknown>,
  /** When set, answers notifications by their text instead of the `answers` queue. */
  respond: undefined as ((m: Message) => string | undefined) | undefined,
  contexts: new Map<string, unknown>(),
  editors: [] as Editor[],
  workspaceFolders: [] as { uri: any; name: string; index: number }[],
  clipboard: undefined as string | undefined,
  opened: undefined as string[] | undefined,
};

interface FakeTree {
  id: string;
  provider: any;
  visible: boolean;
  description?: string;
  revealed: { node: any; o: any }[];
  setVisible(v: boolean): void;
}
/** What the view, status bar and activation tests script and read. */
export const views = {
  /** Tree views by id, with their provider and the values the extension set on them. */
  trees: new Map<string, FakeTree>(),
  statusItems: [] as { id: string; text?: string; tooltip?: any; command?: any; backgroundColor?: any; visible: boolean }[],
  logs: [] as { level: string; text: string }[],
  /** `tilebox.workflow.toml` files `workspace.findFiles` reports: fsPath → text. */
  files: new Map<string, string>(),
  trusted: true,
  grantTrust: new EventEmitter<unknown>(),
  configChanged: new EventEmitter<{ affectsConfiguration(key: string): boolean }>(),
  activeEditorChanged: new EventEmitter<unknown>(),
  /** Every quick pick shown: its items and options. An answer that is a function picks from the items. */
  quickPicks: [] as { items: any[]; options: any }[],
};

interface FakeWatcher {
  glob: any;
  created: EventEmitter<unknown>;
  deleted: EventEmitter<unknown>;
  changed: EventEmitter<unknown>;
}
/** What the artifact UI tests script and read. */
export const fake = {
  /** Config files `workspace.findFiles` reports and `workspace.fs.stat` finds (URI strings). */
  files: new Set<string>(),
  settings: { 'explorer.decorations': true } as Record<string, unknown>,
  configChanged: views.configChanged,
  activeEditorChanged: views.activeEditorChanged,
  documentChanged: new EventEmitter<unknown>(),
  watchers: [] as FakeWatcher[],
  memento: new Map<string, unknown>(),
  fileSystems: new Map<string, { provider: any; options: { isReadonly?: boolean } }>(),
};

/** The last value each context key was set to with `setContext`. */
export function contextKeys(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of state.executed) if (e.id === 'setContext') out[e.args[0]] = e.args[1];
  return out;
}

const answer = (...asked: unknown[]) => {
  const a = state.answers.shift();
  return Promise.resolve(typeof a === 'function' ? a(...asked) : a);
};
type Item = string | { title: string; isCloseAffordance?: boolean };
/** Items are strings or MessageItems (recorded by title; an answer naming one returns that item, as VS Code does). */
const message =
  (level: string) =>
  (text: string, ...rest: unknown[]) => {
    const given = rest.filter((r): r is Item => typeof r === 'string' || typeof (r as { title?: unknown })?.title === 'string');
    const items = given.map((r) => (typeof r === 'string' ? r : r.title));
    const closers = given.filter((r) => typeof r !== 'string' && r.isCloseAffordance).map((r) => (r as { title: string }).title);
    state.messages.push({ level, text, items, ...(closers.length ? { closers } : {}) });
    const pick = (a: unknown) => given.find((r) => r === a || (typeof r !== 'string' && r.title === a)) ?? a;
    return (state.respond ? Promise.resolve(state.respond({ level, text, items })) : answer()).then(pick);
  };

/** A webview panel: records the HTML and the messages posted to it; `send` delivers a message as its script would. */
function webviewPanel(viewType: string, title: string, _column: unknown, options: unknown) {
  const on = { message: [] as ((m: unknown) => void)[], dispose: [] as (() => void)[] };
  const panel = {
    viewType,
    title,
    options,
    active: true,
    visible: true,
    disposed: false,
    revealed: 0,
    webview: {
      html: '',
      cspSource: 'vscode-webview://fake',
      posted: [] as any[],
      asWebviewUri: (u: { path: string }) => ({ toString: () => `https://fake.vscode-resource${u.path}` }),
      postMessage(m: unknown) {
        panel.webview.posted.push(m);
        return Promise.resolve(true);
      },
      onDidReceiveMessage(l: (m: unknown) => void) {
        on.message.push(l);
        return disposable;
      },
    },
    /** The body the page shows now: the last render message, else what the first HTML holds. */
    body(): string {
      const render = panel.webview.posted.filter((m) => m.type === 'render').at(-1);
      return render ? render.html : (/<main id="root">([\s\S]*)<\/main>/.exec(panel.webview.html)?.[1] ?? '');
    },
    send(m: unknown) {
      for (const l of on.message) l(m);
    },
    reveal() {
      panel.revealed++;
    },
    onDidDispose(l: () => void) {
      on.dispose.push(l);
      return disposable;
    },
    onDidChangeViewState: () => disposable,
    dispose() {
      panel.disposed = true;
      for (const l of on.dispose) l();
    },
  };
  state.panels.push(panel);
  return panel;
}
function outputChannel(name: string) {
  const line = (level: string) => (text: unknown) => views.logs.push({ level, text: String(text) });
  return {
    name,
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    debug: line('debug'),
    trace: line('trace'),
    appendLine: line('info'),
    show() {},
    dispose() {},
  };
}

export const commands: Api<'commands'> = {
  registerCommand(id: string, fn: (...args: any[]) => Promise<void>) {
    if (state.commands.has(id)) throw new Error(`command ${id} registered twice`);
    state.commands.set(id, fn);
    return { dispose: () => state.commands.delete(id) };
  },
  executeCommand(id: string, ...args: any[]) {
    if (id === 'setContext') state.contexts.set(args[0], args[1]);
    // `<view id>.focus` shows that view, as VS Code does.
    if (id.endsWith('.focus')) views.trees.get(id.slice(0, -'.focus'.length))?.setVisible(true);
    state.executed.push({ id, args });
    return Promise.resolve();
  },
  getCommands: () => Promise.resolve([...state.commands.keys()]),
};

export const languages: Api<'languages'> = {
  registerCodeLensProvider(selector: unknown, provider: unknown) {
    const entry = { selector, provider };
    state.codeLensProviders.push(entry);
    return { dispose: () => state.codeLensProviders.splice(state.codeLensProviders.indexOf(entry), 1) };
  },
};

export const window: Api<'window'> = {
  activeTextEditor: undefined,
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  async showQuickPick(items: unknown, options: unknown) {
    const list = await items;
    views.quickPicks.push({ items: list as any[], options });
    const a = state.answers.shift();
    return typeof a === 'function' ? a(list, options) : a;
  },
  showInputBox: (options: unknown) => answer(options),
  showOpenDialog: () => answer(),
  withProgress: (_o: unknown, work: (p: unknown, t: unknown) => unknown) =>
    work({ report() {} }, { onCancellationRequested: () => disposable }),
  createWebviewPanel: webviewPanel,
  createTerminal(o: object) {
    const t = { ...o, show() {} };
    state.terminals.push(t);
    return t;
  },
  onDidCloseTerminal: () => disposable,
  registerTerminalLinkProvider(p: unknown) {
    state.linkProviders.push(p);
    return disposable;
  },
  showTextDocument: (document: Editor['document']) => {
    const editor: Editor = { document, selection: undefined, revealed: [] };
    Object.assign(editor, { revealRange: (range: unknown) => editor.revealed.push(range) });
    state.editors.push(editor);
    return Promise.resolve(editor);
  },
  createOutputChannel: (name: string) => outputChannel(name),
  createTreeView(id: string, options: { treeDataProvider: unknown }) {
    if (views.trees.has(id)) throw new Error(`tree view ${id} created twice`);
    const visibility = new EventEmitter<{ visible: boolean }>();
    const tree = {
      id,
      provider: options.treeDataProvider,
      visible: false,
      description: undefined as string | undefined,
      revealed: [] as { node: any; o: any }[],
      onDidChangeVisibility: visibility.event,
      setVisible(v: boolean) {
        tree.visible = v;
        visibility.fire({ visible: v });
      },
      reveal(node: unknown, o: unknown) {
        tree.revealed.push({ node, o });
        return Promise.resolve();
      },
      dispose() {
        views.trees.delete(id);
      },
    };
    views.trees.set(id, tree);
    return tree;
  },
  createStatusBarItem(id: string, alignment: number, priority: number) {
    const item = {
      id,
      alignment,
      priority,
      visible: false,
      show: () => void (item.visible = true),
      hide: () => void (item.visible = false),
      dispose() {},
    };
    views.statusItems.push(item);
    return item;
  },
  onDidChangeActiveTextEditor: views.activeEditorChanged.event,
  registerFileDecorationProvider: () => disposable,
  onDidChangeVisibleTextEditors: () => disposable,
};

export const workspace: Api<'workspace'> = {
  getConfiguration: () => ({
    get: (k: string, d?: unknown) => (k in state.config ? state.config[k] : k in fake.settings ? fake.settings[k] : d),
    update: (k: string, v: unknown) => {
      state.config[k] = v;
      return Promise.resolve();
    },
  }),
  registerTextDocumentContentProvider(scheme: string, p: vscode.TextDocumentContentProvider) {
    state.contentProviders.set(scheme, p);
    return disposable;
  },
  onDidCloseTextDocument: () => disposable,
  openTextDocument: (uri: vscode.Uri) =>
    Promise.resolve({
      uri,
      // Like VS Code: the text comes from the content provider registered for the scheme.
      getText: () => state.contentProviders.get(uri?.scheme)?.provideTextDocumentContent(uri, {} as never) ?? '',
    }),
  getWorkspaceFolder: (uri: vscode.Uri) =>
    state.workspaceFolders.find((f) => uri.fsPath === f.uri.fsPath || uri.fsPath.startsWith(`${f.uri.fsPath}/`)),
  get workspaceFolders() {
    return state.workspaceFolders;
  },
  get isTrusted() {
    return views.trusted;
  },
  onDidGrantWorkspaceTrust: views.grantTrust.event,
  onDidChangeConfiguration: views.configChanged.event,
  onDidChangeWorkspaceFolders: () => disposable,
  onDidOpenTextDocument: () => disposable,
  onDidChangeTextDocument: fake.documentChanged.event,
  createFileSystemWatcher(glob: any) {
    const w = { glob, created: new EventEmitter<unknown>(), deleted: new EventEmitter<unknown>(), changed: new EventEmitter<unknown>() };
    fake.watchers.push(w);
    return { ...w, onDidCreate: w.created.event, onDidDelete: w.deleted.event, onDidChange: w.changed.event, dispose() {} };
  },
  registerFileSystemProvider(scheme: string, provider: unknown, options: { isReadonly?: boolean }) {
    fake.fileSystems.set(scheme, { provider, options });
    return disposable;
  },
  /** The artifact UI's config URIs (`fake.files`), then the views' project files (`views.files`, by path). */
  findFiles: async () => [...[...fake.files].map((s) => Uri.parse(s)), ...[...views.files.keys()].map((p) => Uri.file(p))],
  fs: {
    // The artifact UI's config URIs exist as `fake.files`; any other path (the job panel's traceback links) is the disk's.
    stat: async (uri: vscode.Uri) => {
      if (fake.files.has(uri.toString())) return {};
      if (uri.scheme !== 'file') throw new Error('ENOENT');
      return (await import('node:fs/promises')).stat(uri.fsPath);
    },
    readFile: async (uri: vscode.Uri) => new TextEncoder().encode(views.files.get(uri.fsPath) ?? ''),
  },
  asRelativePath: (uri: string | vscode.Uri) => (typeof uri === 'string' ? uri : uri.path.split('/').slice(-2).join('/')),
};

/** The debugger registrations (issue 14); sessions never start in these tests. */
const registered = (kind: string) => (type: string) => {
  state.debugRegistrations.push(`${kind}:${type}`);
  return disposable;
};
export const debug: Api<'debug'> = {
  registerDebugConfigurationProvider: registered('configuration'),
  registerDebugAdapterDescriptorFactory: registered('adapter'),
  registerDebugAdapterTrackerFactory: registered('tracker'),
  onDidStartDebugSession: () => disposable,
  onDidTerminateDebugSession: () => disposable,
  startDebugging: () => Promise.resolve(false),
  stopDebugging: () => Promise.resolve(),
};
export const DebugConfigurationProviderTriggerKind = { Initial: 1, Dynamic: 2 } as const;
export class DebugAdapterExecutable {
  constructor(
    readonly command: string,
    readonly args?: string[],
  ) {}
}

export const tasks: Api<'tasks'> = {
  registerTaskProvider(type: string, p: unknown) {
    state.taskProviders.push({ type, p });
    return disposable;
  },
};

export const env: Api<'env'> = {
  clipboard: {
    writeText: (t: string) => {
      state.clipboard = t;
      return Promise.resolve();
    },
  },
  openExternal: (uri: vscode.Uri) => {
    state.opened = [...(state.opened ?? []), uri.toString()];
    return Promise.resolve(true);
  },
};

/** A minimal ExtensionContext: mementos and secrets in memory. */
export function extensionContext(secrets = new Map<string, string>()): any {
  const memento = () => {
    const m = new Map<string, unknown>();
    return {
      get: (k: string, d?: unknown) => (m.has(k) ? m.get(k) : d),
      update: (k: string, v: unknown) => {
        m.set(k, v);
        return Promise.resolve();
      },
      keys: () => [...m.keys()],
    };
  };
  const changed = new EventEmitter<{ key: string }>();
  return {
    subscriptions: [],
    workspaceState: memento(),
    globalState: memento(),
    extensionUri: Uri.file('/ext'),
    extensionPath: '/ext',
    asAbsolutePath: (p: string) => `/ext/${p}`,
    secrets: {
      get: (k: string) => Promise.resolve(secrets.get(k)),
      store: (k: string, v: string) => {
        secrets.set(k, v);
        changed.fire({ key: k });
        return Promise.resolve();
      },
      delete: (k: string) => {
        secrets.delete(k);
        changed.fire({ key: k });
        return Promise.resolve();
      },
      onDidChange: changed.event,
    },
  };
}
