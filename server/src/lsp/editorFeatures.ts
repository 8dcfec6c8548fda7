// Completion, hover, quick fixes and symbols: thin adapters from LSP positions to the pure
// config language service (quick fixes also get the project's Runners and top-level files).
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ARTIFACT_DIAGNOSTIC_CODES } from '../artifact/preview/index';
import { gateRoot } from '../artifact/rootGate';
import { codeActionsFor, completeAt, documentSymbols, hoverAt, runnerCompletionRootAt, validateWorkflowConfig } from '../config/index';
import type { ArtifactPreview } from '../shared/protocol';
import { isConfigPath, uriToPath } from './paths';
import { projectFiles } from './projectFiles';
import type { RunnerCandidates } from './runnerCandidates';
import { guard } from './guard';
import { inRange, type TaskFeatures } from './taskFeatures';

export function registerEditorFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  candidates: RunnerCandidates,
  tasks: TaskFeatures,
  /** The last artifact preview of a config (its discovered Runners), when one ran. */
  lastPreview: (configPath: string) => ArtifactPreview | undefined = () => undefined,
): void {
  const configDocument = (uri: string) => {
    const fsPath = uriToPath(uri);
    const document = documents.get(uri);
    return fsPath && document && isConfigPath(fsPath) ? { fsPath, document } : undefined;
  };
  const log = connection.console;

  connection.onCompletion(
    guard(log, 'completion', [], async ({ textDocument, position }, token): Promise<CompletionList | CompletionItem[]> => {
      const found = configDocument(textDocument.uri);
      if (!found) return [];
      const text = found.document.getText();
      const offset = found.document.offsetAt(position);
      const rootValue = runnerCompletionRootAt(text, offset);
      // Stop walking once the editor cancels the request or the text moves on.
      const version = found.document.version;
      const stale = () => token.isCancellationRequested || documents.get(textDocument.uri)?.version !== version;
      const listed = rootValue === undefined ? { names: [] } : await candidates.get(path.dirname(found.fsPath), rootValue, stale);
      // The preview's warnings land in the config too, so their codes can be ignored there.
      const items = completeAt(text, offset, {
        runnerCandidates: listed.names,
        runnerNotice: listed.cut,
        extraCodes: ARTIFACT_DIAGNOSTIC_CODES,
      });
      return listed.cut ? { isIncomplete: true, items } : items;
    }),
  );

  connection.onHover(
    guard(log, 'hover', null, ({ textDocument, position }) => {
      const found = configDocument(textDocument.uri);
      if (!found) return null;
      const runner = tasks.runnerTarget(found.fsPath);
      if (runner?.hover && inRange(runner.range, position))
        return { contents: { kind: 'markdown', value: runner.hover }, range: runner.range };
      return hoverAt(found.document.getText(), found.document.offsetAt(position), ARTIFACT_DIAGNOSTIC_CODES) ?? null;
    }),
  );

  connection.onCodeAction(
    guard(log, 'code actions', [], async ({ textDocument, context }) => {
      const found = configDocument(textDocument.uri);
      const fsPath = uriToPath(textDocument.uri);
      if (!found) return fsPath?.endsWith('.py') ? tasks.codeActions(fsPath, context.diagnostics) : [];
      const text = found.document.getText();
      const configDir = path.dirname(found.fsPath);
      const rootValue = validateWorkflowConfig(text).config?.root?.value;
      // The preview's Runners when it ran (it knows which files ship), else every Runner(...) in the project.
      const previewed = lastPreview(found.fsPath)?.runners?.flatMap((r) => (r.path ? [r.path] : [])) ?? [];
      const runners = previewed.length ? previewed : (await candidates.get(configDir, rootValue ?? '.')).names;
      const gate = gateRoot(configDir, rootValue);
      const files =
        gate.ok && context.diagnostics.some((d) => /^(include-empty|missing-include|missing-build-table)$/.test(String(d.code)))
          ? await projectFiles(gate.root)
          : undefined;
      const actions = codeActionsFor(text, textDocument.uri, context.diagnostics, { runners, files });
      return actions
        .map(
          (action): CodeAction => ({
            ...action,
            kind: action.kind ?? CodeActionKind.QuickFix,
            diagnostics: action.diagnostics ?? (context.diagnostics.length === 1 ? context.diagnostics : undefined),
          }),
        )
        .filter((action) => !context.only || context.only.some((kind) => action.kind === kind || action.kind!.startsWith(`${kind}.`)));
    }),
  );

  connection.onDocumentSymbol(
    guard(log, 'document symbols', [], ({ textDocument }) => {
      const found = configDocument(textDocument.uri);
      return found ? documentSymbols(found.document.getText()) : [];
    }),
  );
}
