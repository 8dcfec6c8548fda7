// Public API of the pure `tilebox.workflow.toml` language service. The LSP server and the
// headless `check` command call only these functions; nothing here imports `vscode`.
// Every entry point is total: editors send half-typed or binary text, so an unexpected
// exception becomes "no result" instead of a crashed server.
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES as CODES } from './codes';
import { applyDiagnosticSettings as applySettings, type SeverityOverrides } from './settings';
import type { ValidationResult } from './types';
import { validate, type ValidateOptions } from './validate';

export type { SeverityOverrides } from './settings';
export type { ValidateOptions } from './validate';
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

export function completeAt(_text: string, _offset: number, _ctx: { runnerCandidates: string[] }): CompletionItem[] {
  return [];
}
export function hoverAt(_text: string, _offset: number): Hover | undefined {
  return undefined;
}
export function codeActionsFor(_text: string, _uri: string, _diagnostics: Diagnostic[]): CodeAction[] {
  return [];
}
export function documentSymbols(_text: string): DocumentSymbol[] {
  return [];
}
export function findRunnerCandidates(_files: { path: string; text: string }[]): string[] {
  return [];
}

export const DIAGNOSTIC_CODES: readonly { code: string; description: string }[] = CODES;
