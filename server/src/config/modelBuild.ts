// What one buildModel run (model.ts) shares between its steps: the model being filled, ranges from offsets, and an
// error reporter that reports each problem once.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { type DiagnosticCode, diagnostic, ERROR } from './codes';
import type { KeyPart, Span, ValueNode } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';
import type { TargetConfig, WorkflowConfig } from './types';

/** Where each table was defined (header or first key), and each set key's whole value node. */
export interface ConfigModel {
  config: WorkflowConfig;
  tables: { workflow?: Range; build?: Range };
  values: Map<string, { keyRange: Range; valueRange: Range; value: ValueNode; span: Span }>;
  lines: LineIndex;
  targets: Map<string, TargetConfig & { definedAt: Range; clustersValue?: ValueNode }>;
  /** Keys written in the file, even with a wrong type (so "missing" is not reported on top). */
  present: Set<string>;
}

export interface ModelBuild {
  model: ConfigModel;
  range(span: Span): Range;
  /** From the first to the last part of a dotted key. */
  pathRange(parts: KeyPart[]): Range;
  error(code: DiagnosticCode, at: Span | Range, message: string, data?: unknown): void;
}

export function startModelBuild(lines: LineIndex, diagnostics: Diagnostic[]): ModelBuild {
  const config: WorkflowConfig = { include: [], exclude: [], useGitignore: true, targets: [], headers: {} };
  const model: ConfigModel = { config, tables: {}, values: new Map(), targets: new Map(), present: new Set(), lines };
  const range = (s: Span) => lines.range(s.start, s.end);
  const reported = new Set<string>();
  return {
    model,
    range,
    pathRange: (parts) => lines.range(parts[0].start, parts[parts.length - 1].end),
    error(code, at, message, data) {
      const r = typeof at.start === 'number' ? range(at as Span) : (at as Range);
      // A header's unknown table is met again by every key below it: report it once.
      const id = `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      if (reported.has(id)) return;
      reported.add(id);
      diagnostics.push(diagnostic(code, ERROR, r, message, data));
    },
  };
}
