// Wires the pure config and artifact modules into a language server on any connection
// (stdio, node-ipc, or in-process streams in tests). server.ts only creates the connection.
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type ArtifactPreview,
  artifactChangedNotification,
  artifactPreviewRequest,
  deployedReleasesNotification,
  pythonOutlineRequest,
  type DeployedRelease,
} from '../shared/protocol';
import { buildLenses, lensTitle } from './codeLens';
import { ConfigStore, findConfigs } from './configStore';
import { checkConfig, emptyPreview } from './checkConfig';
import { ProjectMemory } from '../artifact/preview/index';
import { startStatHelpers } from '../artifact/fileSizes';
import { registerEditorFeatures } from './editorFeatures';
import { handleFileEvents } from './fileEvents';
import { isConfigPath, isInside, uriToPath } from './paths';
import { PythonBuffers } from './pythonBuffers';
import { PythonDiagnostics } from './pythonDiagnostics';
import { TaskFeatures, inRange } from './taskFeatures';
import { RunnerCandidates } from './runnerCandidates';
import { SentPreviews } from './sentPreviews';
import { guard } from './guard';
import { SeveritySettings } from './settings';
import { ValidationScheduler } from './validationScheduler';
import { outputSent } from './outputSent';
import { collectWhileWaiting, tightenHeapGrowth } from './heapGrowth';
import * as path from 'node:path';

/** Quiet time after a keystroke before the config is checked again. */
export const TYPING_DEBOUNCE_MS = 150;

/**
 * Notifications (and the lens refresh) are fire-and-forget: one that a check finishing late sends while the client disconnects rejects, and
 * an unhandled rejection would end the process with a stack trace instead of the quiet exit LSP expects.
 */
function quietly(sent: Promise<void>): void {
  sent.catch(() => undefined);
}

export function startServer(connection: Connection): Connection {
  const log = connection.console;
  const documents = new TextDocuments(TextDocument);
  const store = new ConfigStore();
  const candidates = new RunnerCandidates();
  const client = { configuration: false, dynamicConfiguration: false, lensRefresh: false, folderEvents: false };
  let folders: string[] = [];
  const settings = new SeveritySettings(connection, () => client.configuration);
  const python = new PythonDiagnostics((uri, diagnostics) => quietly(connection.sendDiagnostics({ uri, diagnostics })));
  const lensTitles = new Map<string, string>();
  /** What the client was last told changed, per config: a keystroke that leaves the preview as it was sends nothing (the client would fetch 20,000 entries again). */
  const announced = new Map<string, ArtifactPreview | string | undefined>();
  const pythonBuffers = new PythonBuffers();
  const inWorkspace = (configPath: string) => folders.some((f) => configPath.startsWith(f.endsWith(path.sep) ? f : f + path.sep));

  // The project index and per-file caches, kept current by workspace/didChangeWatchedFiles.
  const memory = new ProjectMemory(outputSent);
  const sent = new SentPreviews();
  /** Tells the client when what it would be sent for a config changed (the preview object, or why there is none). */
  const announce = (configPath: string, shown: ArtifactPreview | string | undefined) => {
    if (announced.has(configPath) && announced.get(configPath) === shown) return;
    announced.set(configPath, shown);
    quietly(connection.sendNotification(artifactChangedNotification, { uri: store.uriFor(configPath) }));
  };
  /** What the client last said is deployed (its cluster list); undefined until it says anything. */
  let deployed: { releases: DeployedRelease[]; key: string } | undefined;
  const scheduler = new ValidationScheduler(
    store,
    {
      severity: (uri) => settings.forDocument(uri),
      publish: (uri, diagnostics, version) => quietly(connection.sendDiagnostics({ uri, version, diagnostics })),
      checked: (state, result) => {
        tightenHeapGrowth();
        if (result.pythonDiagnostics) python.set(state.path, result.pythonDiagnostics);
        announce(state.path, result.preview ?? result.previewBlocked);
        const title = lensTitle(result);
        if (client.lensRefresh && store.isOpen(state.path) && lensTitles.get(state.path) !== title) {
          quietly(connection.sendRequest(CodeLensRefreshRequest.type));
        }
        lensTitles.set(state.path, title);
      },
      filesKnown: (state, result) => announce(state.path, result.preview),
      forgotten: (configPath, uri) => {
        python.set(configPath, []);
        lensTitles.delete(configPath);
        announced.delete(configPath);
        sent.forget(configPath);
        memory.forgetConfig(path.dirname(configPath));
        quietly(connection.sendNotification(artifactChangedNotification, { uri }));
      },
      log: (message) => log.error(message),
      pythonOverlay: pythonBuffers,
    },
    (configPath, text, severity, stages) => checkConfig(configPath, text, severity, { ...stages, deployed: deployed?.releases }, memory),
  );
  let foundConfigs!: () => void;
  const tasks = new TaskFeatures(
    scheduler,
    store,
    new Promise<void>((resolve) => {
      foundConfigs = resolve;
    }),
  );
  /** A Python buffer changed: every config whose folder holds it is checked again (its preview decides whether it selects it). */
  const pythonChanged = (fsPath: string) => {
    for (const state of scheduler.configs())
      if (isInside(path.dirname(state.path), fsPath)) scheduler.touch(state.path, TYPING_DEBOUNCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // The first previews walk the workspace: their stats go to helper threads started now, not after the first thousands.
    startStatHelpers();
    const caps = params.capabilities;
    client.configuration = caps.workspace?.configuration === true;
    client.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.lensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    client.folderEvents = caps.workspace?.workspaceFolders === true;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['[', '.', '"', '=', ' ', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tilebox-workflows' },
    };
  });

  connection.onInitialized(
    guard(log, 'initialized', undefined, async () => {
      try {
        if (client.dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, undefined);
        if (client.folderEvents) {
          connection.workspace.onDidChangeWorkspaceFolders(
            guard(log, 'workspace folders', undefined, async (event) => {
              const removed = event.removed.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
              const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
              folders = [...folders.filter((f) => !removed.includes(f)), ...added];
              for (const state of scheduler.configs()) {
                if (!inWorkspace(state.path) && !store.isOpen(state.path)) scheduler.forget(state.path);
              }
              for (const configPath of await findConfigs(added, memory.index)) scheduler.touch(configPath, 0);
            }),
          );
        }
        // The configs open in the editor first: the scan walks the same trees, and on a 2-core machine it slowed
        // their first preview by about a tenth.
        await scheduler.settled();
        for (const configPath of await findConfigs(folders, memory.index)) {
          if (!scheduler.get(configPath)) scheduler.touch(configPath, 0);
        }
      } finally {
        foundConfigs(); // also when the scan failed: requests then answer from what is known
      }
    }),
  );

  documents.onDidChangeContent(
    guard(log, 'document change', undefined, ({ document }) => {
      const wasOpen = store.isOpen(uriToPath(document.uri) ?? '');
      const configPath = store.opened(document);
      // Opening is not typing: no debounce before the first check.
      if (configPath) scheduler.touch(configPath, wasOpen ? TYPING_DEBOUNCE_MS : 0);
      const pythonPath = pythonBuffers.changed(document);
      if (pythonPath) pythonChanged(pythonPath);
    }),
  );
  documents.onDidClose(
    guard(log, 'document close', undefined, ({ document }) => {
      // Unsaved Python edits are gone: the disk is the truth again.
      const pythonPath = pythonBuffers.closed(document.uri);
      if (pythonPath) pythonChanged(pythonPath);
      const configPath = store.closed(document.uri);
      if (!configPath) return;
      // Unsaved edits are gone: the file on disk (if any) is the config again.
      if (inWorkspace(configPath)) {
        scheduler.touch(configPath, 0);
        return;
      }
      // Outside every workspace folder nothing watches the file: its problems go with its editor.
      scheduler.forget(configPath);
      if (store.uriFor(configPath) !== document.uri) quietly(connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
    }),
  );

  connection.onDidChangeConfiguration(
    guard(log, 'configuration change', undefined, ({ settings: pushed }) => {
      settings.changed(pushed);
      for (const state of scheduler.configs()) scheduler.touch(state.path, 0);
    }),
  );

  // The views refreshed their cluster list: the retry check on task identifiers reads it. The same list again
  // (every poll) changes nothing, so it checks nothing again.
  connection.onNotification(
    deployedReleasesNotification,
    guard(log, 'deployed releases', undefined, ({ releases }) => {
      const key = JSON.stringify(releases);
      if (deployed?.key === key) return;
      deployed = { releases, key };
      for (const state of scheduler.configs()) scheduler.touch(state.path, 0);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard(log, 'file events', undefined, ({ changes }) => {
      handleFileEvents(changes, store, scheduler, candidates, memory.index);
      collectWhileWaiting(); // the file-event debounce has begun
    }),
  );

  connection.onRequest(
    artifactPreviewRequest,
    guard(log, 'artifact preview', emptyPreview(''), async ({ uri, rewalk, have }) => {
      const configPath = uriToPath(uri);
      if (!configPath || !isConfigPath(configPath)) {
        return { ...emptyPreview(''), error: `Not a tilebox.workflow.toml: ${uri}` };
      }
      if (rewalk) {
        memory.rewalk(scheduler.get(configPath)?.result?.root ?? path.dirname(configPath));
        scheduler.touch(configPath, 0);
      }
      const result = await scheduler.fresh(configPath, true);
      if (!result) return { ...emptyPreview(path.dirname(configPath)), error: `${configPath} does not exist.` };
      return sent.answer(configPath, result.preview ?? { ...emptyPreview(result.root), error: result.previewBlocked }, have);
    }),
  );

  connection.onCodeLens(
    guard(log, 'code lens', [], ({ textDocument }) => {
      const configPath = uriToPath(textDocument.uri);
      const document = documents.get(textDocument.uri);
      if (!configPath || !document || !isConfigPath(configPath)) return [];
      return buildLenses(textDocument.uri, document.getText(), scheduler.get(configPath)?.result);
    }),
  );

  connection.onRequest(
    pythonOutlineRequest,
    guard(log, 'python outline', null, async ({ uri }) => {
      const fsPath = uriToPath(uri);
      return fsPath?.endsWith('.py') ? tasks.outline(fsPath) : null;
    }),
  );
  connection.onReferences(
    guard(log, 'references', [], async ({ textDocument, position, context }) => {
      const fsPath = uriToPath(textDocument.uri);
      return fsPath?.endsWith('.py') ? tasks.references(fsPath, position, context.includeDeclaration) : [];
    }),
  );
  connection.onWorkspaceSymbol(guard(log, 'workspace symbols', [], ({ query }) => tasks.workspaceSymbols(query)));
  connection.onDocumentLinks(
    guard(log, 'document links', [], ({ textDocument }) => {
      const configPath = uriToPath(textDocument.uri);
      const target = configPath && isConfigPath(configPath) ? tasks.runnerTarget(configPath) : undefined;
      if (!target?.location) return [];
      const { uri, range } = target.location;
      return [{ range: target.range, target: `${uri}#L${range.start.line + 1}`, tooltip: 'Go to the Runner object' }];
    }),
  );
  connection.onDefinition(
    guard(log, 'definition', null, ({ textDocument, position }) => {
      const configPath = uriToPath(textDocument.uri);
      const target = configPath && isConfigPath(configPath) ? tasks.runnerTarget(configPath) : undefined;
      return target?.location && inRange(target.range, position) ? target.location : null;
    }),
  );

  registerEditorFeatures(connection, documents, candidates, tasks, (configPath) => scheduler.get(configPath)?.result?.preview);
  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
  connection.listen();
  return connection;
}
