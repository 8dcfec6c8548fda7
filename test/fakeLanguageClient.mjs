// Stands in for `vscode-languageclient/node` in the views' activation tests: no server process is started,
// `start()` fails the way a server that cannot start does (the extension logs it and carries on).
const disposable = { dispose() {} };
export const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };
export const State = { Stopped: 1, Running: 2, Starting: 3 };
export class LanguageClient {
  state = State.Stopped;
  constructor(id, name) {
    this.id = id;
    this.name = name;
  }
  start() {
    return Promise.reject(new Error('no language server in unit tests'));
  }
  stop() {
    return Promise.resolve();
  }
  onDidChangeState() {
    return disposable;
  }
  onNotification() {
    return disposable;
  }
  sendRequest() {
    return Promise.reject(new Error('no language server in unit tests'));
  }
  dispose() {
    return Promise.resolve();
  }
}
