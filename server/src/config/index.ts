// Public API of the pure `tilebox.workflow.toml` language service. The LSP server and the
// headless `check` command call only these functions; nothing here imports `vscode`.
// Every entry point is total: editors send half-typed or binary text, so an unexpected
// exception becomes "no result" instead of a crashed server.
import {
  DiagnosticSeverity,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
} from 'vscode-languageserver-types';
import { codeActions, type FixContext } from './codeActions';
import { DIAGNOSTIC_CODES as CODES } from './codes';
import { complete, runnerCompletionRoot, type CompletionContext } from './completion';
import { hover } from './hover';
import { findRunners } from './runnerCandidates';
import { symbols } from './symbols';
import { applyDiagnosticSettings as applySettings, type SeverityOverrides } from './settings';
import type { ValidationResult } from './types';
import { validate, type ValidateOptions } from './validate';

export type { SeverityOverrides } from './settings';
export type { ValidateOptions } from './validate';
export type { CompletionContext } from './completion';
export type { FixContext } from './codeActions';
export type { FileFacts, ValidationResult, WorkflowConfig } from './types';

/** Logs (stderr: the server's output channel, the CLI's error stream), so a bug is not invisible. */
function safely<T>(fallback: T | ((error: unknown) => T), fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    console.error(`tilebox: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return typeof fallback === 'function' ? (fallback as (error: unknown) => T)(error) : fallback;
  }
}

export function validateWorkflowConfig(text: string, options?: ValidateOptions): ValidationResult {
  // One error at the top instead of none: `check` must not pass a file the build then cannot read.
  return safely<ValidationResult>(
    (error) => ({ diagnostics: [internalError(error)] }),
    () => validate(text, options),
  );
}

function internalError(error: unknown): Diagnostic {
  const why = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'tilebox',
    message: `This file could not be checked: internal error (${why}). Please report it with the file.`,
  };
}

export function applyDiagnosticSettings(text: string, diagnostics: Diagnostic[], severity?: SeverityOverrides): Diagnostic[] {
  return safely(diagnostics, () => applySettings(text, diagnostics, severity));
}

export function completeAt(text: string, offset: number, ctx: CompletionContext): CompletionItem[] {
  return safely([], () => complete(text, offset, ctx));
}

/** See completion.ts: the root to gate before listing runner candidates, or undefined when none are needed. */
export function runnerCompletionRootAt(text: string, offset: number): string | undefined {
  return safely(undefined, () => runnerCompletionRoot(text, offset));
}

export function hoverAt(text: string, offset: number, extraCodes?: readonly { code: string; description: string }[]): Hover | undefined {
  return safely(undefined, () => hover(text, offset, extraCodes));
}

/** Quick fixes for the given diagnostics; every WorkspaceEdit is keyed by `uri`. */
export function codeActionsFor(text: string, uri: string, diagnostics: Diagnostic[], context?: FixContext): CodeAction[] {
  return safely([], () => codeActions(text, uri, diagnostics, context));
}

export function documentSymbols(text: string): DocumentSymbol[] {
  return safely([], () => symbols(text));
}

/** `files`: paths relative to the project root (POSIX). Returns `<module>:<name>` for top-level `name = Runner(...)`. */
export function findRunnerCandidates(files: { path: string; text: string }[]): string[] {
  return safely([], () => findRunners(files));
}

export const DIAGNOSTIC_CODES: readonly { code: string; description: string }[] = CODES;
