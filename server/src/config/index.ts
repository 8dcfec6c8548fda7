// Public API of the pure `tilebox.workflow.toml` language service. The LSP server and the
// headless `check` command call only these functions; nothing here imports `vscode`.
// Every entry point is total: editors send half-typed or binary text, so an unexpected
// exception becomes "no result" instead of a crashed server.
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { codeActions } from './codeActions';
import { DIAGNOSTIC_CODES as CODES } from './codes';
import { complete, type CompletionContext } from './completion';
import { hover } from './hover';
import { findRunners } from './runnerCandidates';
import { symbols } from './symbols';
import { applyDiagnosticSettings as applySettings, type SeverityOverrides } from './settings';
import type { ValidationResult } from './types';
import { validate, type ValidateOptions } from './validate';

export type { SeverityOverrides } from './settings';
export type { ValidateOptions } from './validate';
export type { CompletionContext } from './completion';
export type { FileFacts, ValidationResult, WorkflowConfig } from './types';

function safely<T>(fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function validateWorkflowConfig(text: string, options?: ValidateOptions): ValidationResult {
  return safely<ValidationResult>({ diagnostics: [] }, () => validate(text, options));
}

export function applyDiagnosticSettings(text: string, diagnostics: Diagnostic[], severity?: SeverityOverrides): Diagnostic[] {
  return safely(diagnostics, () => applySettings(text, diagnostics, severity));
}

export function completeAt(text: string, offset: number, ctx: CompletionContext): CompletionItem[] {
  return safely([], () => complete(text, offset, ctx));
}

export function hoverAt(text: string, offset: number, extraCodes?: readonly { code: string; description: string }[]): Hover | undefined {
  return safely(undefined, () => hover(text, offset, extraCodes));
}

/** Quick fixes for the given diagnostics; every WorkspaceEdit is keyed by `uri`. */
export function codeActionsFor(text: string, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  return safely([], () => codeActions(text, uri, diagnostics));
}

export function documentSymbols(text: string): DocumentSymbol[] {
  return safely([], () => symbols(text));
}

/** `files`: paths relative to the project root (POSIX). Returns `<module>:<name>` for top-level `name = Runner(...)`. */
export function findRunnerCandidates(files: { path: string; text: string }[]): string[] {
  return safely([], () => findRunners(files));
}

export const DIAGNOSTIC_CODES: readonly { code: string; description: string }[] = CODES;
