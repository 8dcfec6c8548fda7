// Diagnostics users can steer: `tilebox.diagnostics.severity` re-grades or turns off a code, and ignore comments
// (ignoreComments.ts) silence codes on a line.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ignoredCodesByLine } from './ignoreComments';
import type { TomlDocument } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

export type SeverityOverrides = Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;

const LEVELS: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `parsed`: the caller's parse of `text`, so a large file is not parsed once more per stage. */
export function applyDiagnosticSettings(
  text: string,
  diagnostics: Diagnostic[],
  severity?: SeverityOverrides,
  parsed?: { doc: TomlDocument; lines: LineIndex },
): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const ignored = /tilebox/i.test(text) ? ignoredCodesByLine(text, parsed?.lines, parsed?.doc) : new Map<number, Set<string>>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const code = typeof d.code === 'string' ? d.code : d.code === undefined ? '' : String(d.code);
    if (code && ignored.get(d.range.start.line)?.has(code.toLowerCase())) continue;
    const level = severity && code && Object.hasOwn(severity, code) ? String(severity[code]).toLowerCase() : undefined;
    if (level === 'off') continue;
    out.push(level && LEVELS[level] ? { ...d, severity: LEVELS[level] } : d);
  }
  return out;
}
