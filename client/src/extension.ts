// Entry point. Activation stays cheap: the output channel, the context keys and the project registry start at
// once; the language server (validation and artifact preview work in untrusted workspaces too) right after; the
// CLI adapter, views and commands only in a trusted workspace (and when trust is granted later). Nothing runs the
// CLI before that. Only this file and what it imports statically are in dist/extension.js.
import * as vscode from 'vscode';
import { CommandHolds, registerTrustRequired } from './commandHolds';
import { Commands, ContextKeys } from './contributes';
import { WorkspaceProjects } from './projects/WorkspaceProjects';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('Tilebox', { log: true });
  // The log is there in every workspace, trusted or not (the alias is the failure messages' "Show Output" button).
  context.subscriptions.push(
    log,
    ...[Commands.showOutput, Commands.showOutputAlias].map((id) => vscode.commands.registerCommand(id, () => log.show())),
  );

  const trusted = vscode.workspace.isTrusted;
  void vscode.commands.executeCommand('setContext', ContextKeys.untrusted, !trusted);

  const projects = new WorkspaceProjects(context.workspaceState);
  context.subscriptions.push(projects);
  const setProjectKeys = () => {
    void vscode.commands.executeCommand('setContext', ContextKeys.noProject, projects.all().length === 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.multiProject, projects.all().length > 1);
  };
  context.subscriptions.push(projects.onDidChange(setProjectKeys));
  // The last session's projects stand in until the scan; with none, "no project" waits for the scan (no welcome flash).
  if (projects.all().length > 0) setProjectKeys();
  projects.ready().catch((e: unknown) => log.error(`Looking for tilebox.workflow.toml files failed: ${(e as Error)?.message ?? e}`));

  // The rest (language client, artifact UI, views, commands, CLI adapter) is ./lazyFeatures, its own bundle file:
  // loading and initialising it is ~30-50 ms. A macrotask later it runs after VS Code has seen activate() resolve,
  // so it is not on the activation path (a microtask would still run before VS Code's `.then`).
  const artifactIds = Object.values(Commands).filter((id) => id.startsWith('tilebox.artifact.'));
  const trustedIds = Object.values(Commands).filter(
    (id) => id !== Commands.showOutput && id !== Commands.showOutputAlias && !artifactIds.includes(id),
  );
  const languageStarted = deferred();
  const artifactHolds = new CommandHolds(artifactIds, languageStarted.promise);
  context.subscriptions.push(artifactHolds);
  later(
    () =>
      void startLanguageFeatures(context, log, projects, () => artifactHolds.release(artifactIds), languageStarted.resolve).finally(
        languageStarted.resolve,
      ),
  );

  const startTrusted = (holds?: CommandHolds) =>
    import('./lazyFeatures')
      .then((m) => m.startTrustedFeatures(context, log, projects, () => holds?.release(trustedIds)))
      .catch((e: unknown) => {
        log.error(`Starting the Tilebox views and commands failed: ${(e as Error)?.stack ?? e}`);
      });
  const holdUntilStarted = () => {
    const trustedStarted = deferred();
    const holds = new CommandHolds(trustedIds, trustedStarted.promise);
    context.subscriptions.push(holds);
    return { holds, started: trustedStarted.resolve };
  };
  if (trusted) {
    const { holds, started } = holdUntilStarted();
    later(() => void startTrusted(holds).finally(started));
  } else {
    log.info('Workspace not trusted: validation and artifact preview only; the tilebox CLI and runners are disabled.');
    const trustRequired = registerTrustRequired(trustedIds);
    context.subscriptions.push(
      trustRequired,
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void vscode.commands.executeCommand('setContext', ContextKeys.untrusted, false);
        trustRequired.dispose();
        const { holds, started } = holdUntilStarted();
        void startTrusted(holds).finally(started);
      }),
    );
  }

  log.info(`activated in ${Date.now() - started} ms`);
}

async function startLanguageFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  projects: WorkspaceProjects,
  beforeRegister: () => void,
  registered: () => void,
): Promise<void> {
  try {
    const { startLanguageClient, registerArtifactUi, registerPythonLenses } = await import('./lazyFeatures');
    beforeRegister();
    // The artifact UI goes up first: it says when the server is starting or failed, and archives need no server.
    const client = startLanguageClient(context, log);
    const source = registerArtifactUi(context, client);
    registerPythonLenses(context, client, source.onDidChangeArtifact, projects);
    registered();
    await client;
  } catch (e) {
    log.error(`The Tilebox language server did not start: ${(e as Error)?.stack ?? e}`);
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function later(fn: () => void): void {
  setImmediate(fn);
}

export function deactivate(): void {}
