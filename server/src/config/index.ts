// Public API of the pure `tilebox.workflow.toml` language service. The LSP server and the
// headless `check` command call only these functions; nothing here imports `vscode`.
import type {
  CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover,
} from 'vscode-languageserver-types';
import type { FileFacts, ValidationResult } from './types';

export type SeverityOverrides = Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
export interface ValidateOptions { facts?: FileFacts; severity?: SeverityOverrides }

export function validateWorkflowConfig(_text: string, _options?: ValidateOptions): ValidationResult {
  return { diagnostics: [] };
}
export function applyDiagnosticSettings(_text: string, diagnostics: Diagnostic[], _severity?: SeverityOverrides): Diagnostic[] {
  return diagnostics;
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
export const DIAGNOSTIC_CODES: readonly { code: string; description: string }[] = [];
