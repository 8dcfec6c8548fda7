// Starts the bundled language server (dist/server.js) over node-ipc and keeps it fed with
// file events, so configs are re-checked when the files they select change. Validation is
// read-only and runs nothing, so it stays on in untrusted workspaces.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Every file: includes can match anything. The server drops .git/node_modules/.venv noise itself. */
const WATCH_GLOB = '**/*';

export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Python files too: outline, references and task checks follow unsaved edits.
    documentSelector: [
      { scheme: 'file', pattern: '**/tilebox.workflow.toml' },
      { scheme: 'file', language: 'python' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel: log,
  };
  const client = new LanguageClient('tilebox', 'Tilebox Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return client;
}
