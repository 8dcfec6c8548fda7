// One full check of one config: validator first, then (only when the config has no error)
// the artifact preview, whose warnings join the config's diagnostics. No timers, no LSP.
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyDiagnosticSettings, validateWorkflowConfig, type SeverityOverrides } from '../config/index';
import type { WorkflowConfig } from '../config/types';
import { createFileFacts } from '../artifact/fileFacts';
import { gateRoot } from '../artifact/rootGate';
import { buildPreview } from '../artifact/preview/index';
import type { ArtifactPreview } from '../shared/protocol';
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
  /** The preview threw: the stack, for the server log. */
  failure?: string;
}

export interface CheckStages {
  /** Asked after the (slow) preview: false when the input changed meanwhile and the result is stale. */
  stillWanted(): boolean;
  /** The preview will be or turned out slow: the validator's diagnostics, to show before it ends. */
  validated?(diagnostics: Diagnostic[]): void;
}

/** A preview still running after this long gets the validator's diagnostics published first. */
export const PREVIEW_GRACE_MS = 300;
/** Configs this big (a generated include list, a pasted file) publish first without waiting:
 *  their preview compiles every pattern and may block for seconds. */
const EARLY_PUBLISH_CHARS = 100_000;
const EARLY_PUBLISH_PATTERNS = 200;
/** The selection compiles every pattern synchronously (seconds for 20,000): past this many the
 *  live preview is skipped, so the server keeps answering. `check`/`preview` on the CLI still work. */
export const MAX_PREVIEW_PATTERNS = 1000;

export async function checkConfig(configPath: string, text: string, severity: SeverityOverrides, stages: CheckStages): Promise<CheckResult | undefined> {
  const dir = path.dirname(configPath);
  const { config, diagnostics } = validateWorkflowConfig(text, { facts: createFileFacts(dir), severity, otherCodes: ARTIFACT_CODES });
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
    return { text, config, root, diagnostics, previewBlocked: `The live preview handles up to ${MAX_PREVIEW_PATTERNS} include/exclude patterns and this config has ${patterns}; run \`tilebox-workflow-check preview\` to see the artifact.` };
  }
  try {
    const big = text.length > EARLY_PUBLISH_CHARS || patterns > EARLY_PUBLISH_PATTERNS;
    if (big && stages.validated) {
      stages.validated(diagnostics);
      // The JSON-RPC writer sends on a later turn of the event loop: let the notification leave
      // before the preview (which may compile thousands of globs synchronously) takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const built = await noticeIfSlow(buildPreview(dir, config), big ? undefined : () => stages.validated?.(diagnostics));
    if (!stages.stillWanted()) return undefined;
    const artifact = applyDiagnosticSettings(text, built.diagnostics, severity);
    // Task problems live in Python files: the severity setting applies, ignore comments (TOML) do not.
    const pythonDiagnostics = built.pythonDiagnostics.map((f) => ({ path: f.path, diagnostics: applyDiagnosticSettings('', f.diagnostics, severity) }));
    return { text, config, root, diagnostics: [...diagnostics, ...artifact], preview: built.preview, pythonDiagnostics };
  } catch (error) {
    if (!stages.stillWanted()) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return {
      text, config, root, diagnostics, pythonDiagnostics: [],
      preview: { ...emptyPreview(root), error: `The artifact preview failed: ${message}` },
      failure: describeError(error),
    };
  }
}

async function noticeIfSlow<T>(work: Promise<T>, notice: (() => void) | undefined): Promise<T> {
  const timer = notice ? setTimeout(notice, PREVIEW_GRACE_MS) : undefined;
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}

export function emptyPreview(root: string): ArtifactPreview {
  return { root, files: [], excluded: [], totalBytes: 0, tasks: [] };
}
