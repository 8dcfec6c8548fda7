// One full check of one config: validator first, then (only when the config has no error)
// the artifact preview, whose warnings join the config's diagnostics. No timers, no LSP.
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyDiagnosticSettings, validateWorkflowConfig, type SeverityOverrides } from '../config/index';
import type { WorkflowConfig } from '../config/types';
import { createFileFacts } from '../artifact/fileFacts';
import { gateRoot } from '../artifact/rootGate';
import { buildPreview, type ProjectMemory, type PythonOverlay } from '../artifact/preview/index';
import { toSelectionConfig } from '../artifact/project';
import { retryDiagnostics, type Discovery } from '../artifact/discovery/index';
import type { ArtifactPreview, DeployedRelease } from '../shared/protocol';
import { ARTIFACT_CODES } from './diagnosticCodes';
import { describeError } from './guard';

export interface CheckResult {
  text: string;
  config?: WorkflowConfig;
  /** Absolute artifact root (`[workflow].root` against the config's folder; that folder when the root gate refuses it). */
  root: string;
  diagnostics: Diagnostic[];
  /** Undefined when there is no preview; `preview.error` says why when there is one but it failed. */
  preview?: ArtifactPreview;
  /** Why no preview was computed (syntax or config errors). */
  previewBlocked?: string;
  /** Undefined when no preview ran: keep what the last successful one reported. */
  pythonDiagnostics?: { path: string; diagnostics: Diagnostic[] }[];
  /** What task discovery found (with spans), for navigation and the Python outline. */
  discovery?: Discovery;
  /** The preview threw: the stack, for the server log. */
  failure?: string;
}

export interface CheckStages {
  /** Asked after the (slow) preview: false when the input changed meanwhile and the result is stale. */
  stillWanted(): boolean;
  /** The validator's diagnostics (syntax, schema, cross-field), published before the preview that needs files. */
  validated?(diagnostics: Diagnostic[]): void;
  /** Python files open in the editor (their unsaved text wins over the disk). */
  pythonOverlay?: PythonOverlay;
  /** A first result whose preview lists the files and not yet the tasks, when many Python files are still to be read. */
  filesKnown?(result: CheckResult): void;
  /** The releases deployed now, as the client last reported them; undefined while it has not. */
  deployed?: readonly DeployedRelease[];
}
/** The selection compiles every pattern synchronously (seconds for 20,000): past this many the
 *  live preview is skipped, so the server keeps answering. `check`/`preview` on the CLI still work. */
export const MAX_PREVIEW_PATTERNS = 1000;

/** `memory`: the language server's project index and caches (without it, the preview walks the disk). */
export async function checkConfig(
  configPath: string,
  text: string,
  severity: SeverityOverrides,
  stages: CheckStages,
  memory?: ProjectMemory,
): Promise<CheckResult | undefined> {
  const dir = path.dirname(configPath);
  const { config, diagnostics } = validateWorkflowConfig(text, {
    facts: createFileFacts(dir, memory?.index),
    severity,
    otherCodes: ARTIFACT_CODES,
  });
  const gate = config && gateRoot(dir, config.root?.value);
  const root = gate && gate.ok ? gate.rootAbs : dir;
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  if (!config || errors > 0) {
    const previewBlocked = !config
      ? 'tilebox.workflow.toml could not be read; fix its syntax first.'
      : `tilebox.workflow.toml has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} to see the artifact.`;
    return { text, config, root, diagnostics, previewBlocked };
  }
  const patterns = config.include.length + config.exclude.length;
  if (patterns > MAX_PREVIEW_PATTERNS) {
    return {
      text,
      config,
      root,
      diagnostics,
      previewBlocked: `The live preview handles up to ${MAX_PREVIEW_PATTERNS} include/exclude patterns and this config has ${patterns}; run \`tilebox-workflow-check preview\` to see the artifact.`,
    };
  }
  try {
    // The validator's verdict is known now: publish it, unless the artifact is already in memory (then one publish says all).
    if (stages.validated && !memory?.remembers(dir, toSelectionConfig(config), stages.pythonOverlay)) {
      stages.validated(diagnostics);
      // The JSON-RPC writer sends on a later turn of the event loop: let the notification leave
      // before the preview (which may compile thousands of globs synchronously) takes the thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { filesKnown } = stages;
    const early = filesKnown && ((preview: ArtifactPreview) => filesKnown({ text, config, root, diagnostics, preview }));
    const built = await buildPreview(dir, config, memory, stages.pythonOverlay, early);
    if (!stages.stillWanted()) return undefined;
    const artifact = applyDiagnosticSettings(text, built.diagnostics, severity);
    // Task problems live in Python files: the severity setting applies, ignore comments (TOML) do not.
    const retry = retryDiagnostics(built.discovery?.tasks ?? [], config.slug?.value, stages.deployed).map(({ file, diagnostic }) => ({
      path: path.join(built.preview.root, file),
      diagnostics: [diagnostic],
    }));
    const pythonDiagnostics = [...built.pythonDiagnostics, ...retry].map((f) => ({
      path: f.path,
      diagnostics: applyDiagnosticSettings('', f.diagnostics, severity),
    }));
    return {
      text,
      config,
      root,
      diagnostics: [...diagnostics, ...artifact],
      preview: built.preview,
      pythonDiagnostics,
      discovery: built.discovery,
    };
  } catch (error) {
    if (!stages.stillWanted()) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return {
      text,
      config,
      root,
      diagnostics,
      pythonDiagnostics: [],
      preview: { ...emptyPreview(root), error: `The artifact preview failed: ${message}` },
      failure: describeError(error),
    };
  }
}

export function emptyPreview(root: string): ArtifactPreview {
  return { root, files: [], excluded: [], totalBytes: 0, tasks: [] };
}
