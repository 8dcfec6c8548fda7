// The commands tests' thin fake of `vscode` (test/commands/fakeVscode.mjs), plus what views, the status bar and
// activation touch: tree items, tree views, status bar items, output channels, workspace trust and files.
// Records instead of rendering; tests read `views` and the shared `state`.
import * as base from '../commands/fakeVscode.mjs';

export * from '../commands/fakeVscode.mjs';
const { state, Uri, EventEmitter, disposable } = base;

export const views = {
  /** Tree views by id, with their provider and the values the extension set on them. */
  trees: new Map(),
  statusItems: [],
  logs: [],
  /** `tilebox.workflow.toml` files `workspace.findFiles` reports: fsPath → text. */
  files: new Map(),
  trusted: true,
  grantTrust: new EventEmitter(),
  configChanged: new EventEmitter(),
  activeEditorChanged: new EventEmitter(),
  /** Every quick pick shown: its items and options. An answer that is a function picks from the items. */
  quickPicks: [],
};

/** The last value each context key was set to with `setContext`. */
export function contextKeys() {
  const out = {};
  for (const e of state.executed) if (e.id === 'setContext') out[e.args[0]] = e.args[1];
  return out;
}

function outputChannel(name) {
  const line = (level) => (text) => views.logs.push({ level, text: String(text) });
  return { name, info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug'), trace: line('trace'), appendLine: line('info'), show() {}, dispose() {} };
}

export const window = {
  ...base.window,
  createOutputChannel: (name) => outputChannel(name),
  async showQuickPick(items, options) {
    const list = await items;
    views.quickPicks.push({ items: list, options });
    const a = state.answers.shift();
    return typeof a === 'function' ? a(list) : a;
  },
  createTreeView(id, options) {
    if (views.trees.has(id)) throw new Error(`tree view ${id} created twice`);
    const visibility = new EventEmitter();
    const tree = {
      id, provider: options.treeDataProvider, visible: false, description: undefined, revealed: [],
      onDidChangeVisibility: visibility.event,
      setVisible(v) { tree.visible = v; visibility.fire({ visible: v }); },
      reveal(node, o) { tree.revealed.push({ node, o }); return Promise.resolve(); },
      dispose() { views.trees.delete(id); },
    };
    views.trees.set(id, tree);
    return tree;
  },
  createStatusBarItem(id, alignment, priority) {
    const item = { id, alignment, priority, visible: false, show() { item.visible = true; }, hide() { item.visible = false; }, dispose() {} };
    views.statusItems.push(item);
    return item;
  },
  onDidChangeActiveTextEditor: views.activeEditorChanged.event,
  registerFileDecorationProvider: () => disposable,
  onDidChangeVisibleTextEditors: () => disposable,
};

export const workspace = {
  ...base.workspace,
  get isTrusted() { return views.trusted; },
  onDidGrantWorkspaceTrust: views.grantTrust.event,
  onDidChangeConfiguration: views.configChanged.event,
  onDidChangeWorkspaceFolders: () => disposable,
  onDidOpenTextDocument: () => disposable,
  onDidChangeTextDocument: () => disposable,
  createFileSystemWatcher: () => ({ onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable, dispose() {} }),
  registerFileSystemProvider: () => disposable,
  asRelativePath: (p) => String(p?.fsPath ?? p),
  findFiles: async () => [...views.files.keys()].map((p) => Uri.file(p)),
  fs: { readFile: async (uri) => new TextEncoder().encode(views.files.get(uri.fsPath) ?? '') },
};

/** A minimal ExtensionContext: mementos and secrets in memory. */
export function extensionContext(secrets = new Map()) {
  const memento = () => {
    const m = new Map();
    return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: (k, v) => { m.set(k, v); return Promise.resolve(); }, keys: () => [...m.keys()] };
  };
  const changed = new EventEmitter();
  return {
    subscriptions: [],
    workspaceState: memento(),
    globalState: memento(),
    extensionUri: Uri.file('/ext'),
    extensionPath: '/ext',
    asAbsolutePath: (p) => `/ext/${p}`,
    secrets: {
      get: (k) => Promise.resolve(secrets.get(k)),
      store: (k, v) => { secrets.set(k, v); changed.fire({ key: k }); return Promise.resolve(); },
      delete: (k) => { secrets.delete(k); changed.fire({ key: k }); return Promise.resolve(); },
      onDidChange: changed.event,
    },
  };
}
