// A real LSP client talking to the real server over in-memory streams (or to a spawned
// `node dist/server.js --stdio`), plus helpers to wait for what a user would see.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { artifactPreviewRequest, type ArtifactPreview } from '../../../server/src/shared/protocol';
import { isPreviewPatch } from '../../../server/src/shared/previewPatch';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  CodeLensRefreshRequest,
  CompletionRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/lsp/languageServer';
import { artifactChangedNotification } from '../../../server/src/shared/protocol';

export const EXAMPLE_PROJECT = fileURLToPath(new URL('../../fixtures/example-project', import.meta.url));
export const REAL_CONFIGS = fileURLToPath(new URL('../../fixtures/real-configs', import.meta.url));

export const uriOf = (path: string) => pathToFileURL(path).href;

/** A fresh temp folder; `copyFrom` is copied into it. Removed by the returned cleanup. */
export function tempWorkspace(copyFrom?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-lsp-'));
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestClient {
  connection: ProtocolConnection;
  /** Latest diagnostics per URI, as the Problems panel would show them. */
  diagnostics: Map<string, Diagnostic[]>;
  artifactChanges: string[];
  /** Value answered to workspace/configuration for `tilebox.diagnostics.severity`. */
  severity: Record<string, string>;
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  open(uri: string, text: string): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  /** Closes the editor tab of `uri` (didClose). */
  closeDocument(uri: string): Promise<void>;
  close(): Promise<void>;
}

function wire(connection: ProtocolConnection, stop: () => void): TestClient {
  const diagnostics = new Map<string, Diagnostic[]>();
  const artifactChanges: string[] = [];
  const listeners = new Set<() => void>();
  const client: TestClient = {
    connection,
    diagnostics,
    artifactChanges,
    severity: {},
    waitFor(what, probe, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const value = probe();
          if (value === undefined || value === false) return false;
          listeners.delete(check);
          clearTimeout(timer);
          clearInterval(poll);
          resolve(value as never);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          clearInterval(poll);
          reject(new Error(`timed out waiting for ${what}; diagnostics: ${JSON.stringify([...diagnostics])}`));
        }, timeoutMs);
        const poll = setInterval(check, 50);
        listeners.add(check);
        check();
      });
    },
    async open(uri, text) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'toml', version: 1, text },
      });
    },
    async change(uri, version, text) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async closeDocument(uri) {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.dispose();
      stop();
    },
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    for (const listener of [...listeners]) listener();
  });
  connection.onNotification(artifactChangedNotification, ({ uri }) => {
    artifactChanges.push(uri);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.severity));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(CodeLensRefreshRequest.type, () => undefined);
  connection.listen();
  return client;
}

export async function initialize(client: TestClient, folders: string[]): Promise<void> {
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: folders[0] ? uriOf(folders[0]) : null,
    workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        codeLens: { refreshSupport: true },
        workspaceFolders: true,
      },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
}

/** Server and client in this process, joined by two in-memory pipes. */
export async function startInProcess(folders: string[], severity: Record<string, string> = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const client = wire(connection, () => server.dispose());
  client.severity = severity;
  await initialize(client, folders);
  return client;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((acc, e) => acc.slice(0, offset(e.range.start)) + e.newText + acc.slice(offset(e.range.end)), text);
}

export const SERVER_BUNDLE = fileURLToPath(new URL('../../../dist/server.js', import.meta.url));

/** `node [nodeArgs] dist/server.js --stdio` as a child process, with a client on its pipes. */
export async function startSpawned(
  folders: string[],
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestClient & { stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = wire(connection, () => undefined);
  const close = async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    const timer = setTimeout(() => child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    connection.dispose();
  };
  await initialize(client, folders);
  return { ...client, close, stderr: () => stderr, exited };
}

/**
 * Completion at `position`, asked again while the answer says it is incomplete, as VS Code does while the user types:
 * the runner search is resumable (each request advances it for a bounded time), so on a loaded machine the first
 * answer can be partial.
 */
export async function completeUntilDone(
  client: TestClient,
  uri: string,
  position: { line: number; character: number },
): Promise<CompletionItem[]> {
  let answer: CompletionItem[] | CompletionList | null = null;
  for (let asked = 0; asked < 50; asked++) {
    answer = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (!(answer && 'isIncomplete' in answer && answer.isIncomplete)) break;
  }
  return completionItems(answer);
}

/** The items of a completion answer, whichever of its shapes the server chose. */
export const completionItems = (answer: CompletionItem[] | CompletionList | null): CompletionItem[] =>
  Array.isArray(answer) ? answer : (answer?.items ?? []);

/** The whole preview of a config, as a client that holds none gets it (a request naming `have` may get a patch). */
export async function requestPreview(client: TestClient, uri: string): Promise<ArtifactPreview> {
  const answer = await client.connection.sendRequest(artifactPreviewRequest, { uri });
  if (isPreviewPatch(answer)) throw new Error('asked without `have`, the server answered with a patch');
  return answer;
}
