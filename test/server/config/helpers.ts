// Shared helpers for the config tests: `|` marks the cursor in inline documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../../server/src/config/toml/lineIndex';
import { validateWorkflowConfig, type ValidateOptions } from '../../../server/src/config/index';
import type { FileFacts } from '../../../server/src/config/types';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/real-configs/', import.meta.url));

export function realConfigs(): { name: string; text: string }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') }));
}

export function docExamples(): { name: string; text: string }[] {
  const dir = join(FIXTURES, 'doc-examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Splits a document at its single `|` into text and cursor offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark exactly one cursor with |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Our diagnostics always carry a plain-string message. */
export type Diag = Diagnostic & { message: string };

export function diagnose(text: string, options?: ValidateOptions): Diag[] {
  const ds = validateWorkflowConfig(text, options).diagnostics;
  for (const d of ds) if (typeof d.message !== 'string') throw new Error('markup message');
  return ds as Diag[];
}

/** `[code, line, startChar, endChar]` of every diagnostic, for compact assertions. */
export function where(ds: Diagnostic[]): [string, number, number, number][] {
  return ds.map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character]);
}

export function errors(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 1);
}

export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(range.start), lines.offset(range.end));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** In-memory FileFacts over a list of POSIX paths relative to the config folder; `links` maps a
 *  path to where it leads (`../elsewhere` for outside). */
export function memoryFacts(
  files: string[],
  matches: (root: string, pattern: string) => boolean = () => true,
  links: Record<string, string> = {},
): FileFacts {
  const set = new Set(files);
  const dirs = new Set<string>(['.']);
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const realPath = (p: string) => links[p] ?? (set.has(p) || dirs.has(p) ? p : undefined);
  return { isFile: (p) => set.has(p), isDirectory: (p) => dirs.has(p), includeMatches: matches, realPath };
}

export const VALID = `[workflow]
slug = "my-workflow"
runner = "my_workflow.runner:runner"

[build]
include = ["pyproject.toml", "uv.lock", "my_workflow/**"]
`;
