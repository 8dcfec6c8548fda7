// A thin fake of the `vscode` module for registerCommands tests: records registrations and
// messages, answers messages from a queue. Only what the commands layer touches.
import { disposable } from '../fakeVscodeBasics.mjs';

export * from '../fakeVscodeBasics.mjs';
export const state = {
  commands: new Map(),
  executed: [],
  messages: [],
  answers: [],
  terminals: [],
  taskProviders: [],
  contentProviders: new Map(),
  config: { 'jobs.notifyOnCompletion': true },
  /** When set, answers notifications by their text instead of the `answers` queue. */
  respond: undefined,
  contexts: new Map(),
  editors: [],
  workspaceFolders: [],
  debugRegistrations: [],
  linkProviders: [],
  codeLensProviders: [],
  panels: [],
};

/** A webview panel: records the HTML and the messages posted to it; `send` delivers a message as its script would. */
function webviewPanel(viewType, title, _column, options) {
  const on = { message: [], dispose: [] };
  const panel = {
    viewType, title, options, active: true, visible: true, disposed: false, revealed: 0,
    webview: {
      html: '', cspSource: 'vscode-webview://fake', posted: [],
      asWebviewUri: (u) => ({ toString: () => `https://fake.vscode-resource${u.path}` }),
      postMessage(m) { panel.webview.posted.push(m); return Promise.resolve(true); },
      onDidReceiveMessage(l) { on.message.push(l); return disposable; },
    },
    /** The body the page shows now: the last render message, else what the first HTML holds. */
    body() {
      const render = panel.webview.posted.filter((m) => m.type === 'render').at(-1);
      return render ? render.html : (/<main id="root">([\s\S]*)<\/main>/.exec(panel.webview.html)?.[1] ?? '');
    },
    send(m) { for (const l of on.message) l(m); },
    reveal() { panel.revealed++; },
    onDidDispose(l) { on.dispose.push(l); return disposable; },
    onDidChangeViewState: () => disposable,
    dispose() { panel.disposed = true; for (const l of on.dispose) l(); },
  };
  state.panels.push(panel);
  return panel;
}
export const ViewColumn = { Active: -1, Beside: -2, One: 1 };

/** The next queued answer; a function answer is called with what was asked (e.g. the quick pick items). */
const answer = (...asked) => {
  const a = state.answers.shift();
  return Promise.resolve(typeof a === 'function' ? a(...asked) : a);
};
/** Items are strings or MessageItems (recorded by title; an answer naming one returns that item, as VS Code does). */
const message = (level) => (text, ...rest) => {
  const given = rest.filter((r) => typeof r === 'string' || typeof r?.title === 'string');
  const items = given.map((r) => (typeof r === 'string' ? r : r.title));
  const closers = given.filter((r) => r.isCloseAffordance).map((r) => r.title);
  state.messages.push({ level, text, items, ...(closers.length ? { closers } : {}) });
  const pick = (a) => given.find((r) => r === a || r.title === a) ?? a;
  return (state.respond ? Promise.resolve(state.respond({ level, text, items })) : answer()).then(pick);
};

export class Uri {
  constructor(scheme, path) { this.scheme = scheme; this.path = path; this.fsPath = path; }
  static file(p) { return new Uri('file', p); }
  static parse(s) { const i = s.indexOf(':'); return new Uri(s.slice(0, i), s.slice(i + 1)); }
  static from({ scheme, path }) { return new Uri(scheme, path); }
  static joinPath(u, ...parts) { return new Uri(u.scheme, [u.path, ...parts].join('/').replace(/\/[^/]+\/\.\.$/, '')); }
  toString() { return `${this.scheme}:${this.path}`; }
}
export class ProcessExecution { constructor(process, args, options) { Object.assign(this, { process, args, options }); } }
export class Task { constructor(definition, scope, name, source, execution) { Object.assign(this, { definition, scope, name, source, execution }); } }

export const commands = {
  registerCommand(id, fn) {
    if (state.commands.has(id)) throw new Error(`command ${id} registered twice`);
    state.commands.set(id, fn);
    return { dispose: () => state.commands.delete(id) };
  },
  executeCommand(id, ...args) {
    if (id === 'setContext') state.contexts.set(args[0], args[1]);
    state.executed.push({ id, args });
    return Promise.resolve();
  },
  getCommands: () => Promise.resolve([...state.commands.keys()]),
};
export const languages = {
  registerCodeLensProvider(selector, provider) {
    const entry = { selector, provider };
    state.codeLensProviders.push(entry);
    return { dispose: () => state.codeLensProviders.splice(state.codeLensProviders.indexOf(entry), 1) };
  },
};
export const window = {
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  showQuickPick: (items, options) => answer(items, options),
  showInputBox: (options) => answer(options),
  showOpenDialog: () => answer(),
  withProgress: (_o, work) => work({ report() {} }, { onCancellationRequested: () => disposable }),
  createWebviewPanel: webviewPanel,
  createTerminal(o) { const t = { ...o, show() {} }; state.terminals.push(t); return t; },
  onDidCloseTerminal: () => disposable,
  registerTerminalLinkProvider(p) { state.linkProviders.push(p); return disposable; },
  showTextDocument: (document) => {
    const editor = { document, selection: undefined, revealed: [], revealRange(range) { editor.revealed.push(range); } };
    state.editors.push(editor);
    return Promise.resolve(editor);
  },
  activeTextEditor: undefined,
};
export const workspace = {
  getConfiguration: () => ({
    get: (k, d) => (k in state.config ? state.config[k] : d),
    update: (k, v) => { state.config[k] = v; return Promise.resolve(); },
  }),
  registerTextDocumentContentProvider(scheme, p) { state.contentProviders.set(scheme, p); return disposable; },
  onDidCloseTextDocument: () => disposable,
  fs: { stat: (uri) => import('node:fs/promises').then((fs) => fs.stat(uri.fsPath)) },
  openTextDocument: (uri) => Promise.resolve({
    uri,
    // Like VS Code: the text comes from the content provider registered for the scheme.
    getText: () => state.contentProviders.get(uri?.scheme)?.provideTextDocumentContent(uri) ?? '',
  }),
  getWorkspaceFolder: (uri) => state.workspaceFolders.find((f) => uri.fsPath === f.uri.fsPath || uri.fsPath.startsWith(`${f.uri.fsPath}/`)),
  get workspaceFolders() { return state.workspaceFolders; },
};
/** The debugger registrations (issue 14); sessions never start in these tests. */
const registered = (kind) => (type) => { state.debugRegistrations.push(`${kind}:${type}`); return disposable; };
export const debug = {
  registerDebugConfigurationProvider: registered('configuration'),
  registerDebugAdapterDescriptorFactory: registered('adapter'),
  registerDebugAdapterTrackerFactory: registered('tracker'),
  onDidStartDebugSession: () => disposable,
  onDidTerminateDebugSession: () => disposable,
  startDebugging: () => Promise.resolve(false),
  stopDebugging: () => Promise.resolve(),
};
export const DebugConfigurationProviderTriggerKind = { Initial: 1, Dynamic: 2 };
export class DebugAdapterExecutable { constructor(command, args) { this.command = command; this.args = args; } }
export const tasks = { registerTaskProvider(type, p) { state.taskProviders.push({ type, p }); return disposable; } };
export const env = {
  clipboard: { writeText: (t) => { state.clipboard = t; return Promise.resolve(); } },
  openExternal: (uri) => { state.opened = [...(state.opened ?? []), uri.toString()]; return Promise.resolve(true); },
};
