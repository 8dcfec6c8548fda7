// Stage 2 (schema): walks the TOML tree, reports tables/keys the file may not have and values
// of the wrong type, and builds the located WorkflowConfig. Dotted keys, [headers] and inline
// tables all reduce to the same full key paths, so `workflow.slug = ...` at the top level is
// the same as `slug = ...` under [workflow].
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic, ERROR } from './codes';
import { closest } from './didYouMean';
import { keyDoc, KEY_DOCS, keysOf, type KeyDoc } from './keyDocs';
import { valueKindName, type KeyPart, type Span, type TomlDocument, type ValueNode } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';
import type { Located, TargetConfig, WorkflowConfig } from './types';

const TABLES = ['workflow', 'build', 'targets'];

export const EXAMPLES: Record<string, string> = {
  slug: 'slug = "my-workflow"',
  root: 'root = "."',
  runner: 'runner = "my_workflow.runner:runner"',
  command: 'command = ["uv", "run", "python", "-m", "my_workflow.worker"]',
  include: 'include = ["pyproject.toml", "uv.lock", "my_workflow/**"]',
  exclude: 'exclude = [".venv/**", "**/__pycache__/**"]',
  use_gitignore: 'use_gitignore = true',
  clusters: 'clusters = ["dev-cluster"]',
};

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

export function buildModel(doc: TomlDocument, lines: LineIndex, diagnostics: Diagnostic[]): ConfigModel {
  const config: WorkflowConfig = { include: [], exclude: [], useGitignore: true, targets: [], headers: {} };
  const model: ConfigModel = { config, tables: {}, values: new Map(), targets: new Map(), present: new Set(), lines };
  const range = (s: Span) => lines.range(s.start, s.end);
  const pathRange = (parts: KeyPart[]) => lines.range(parts[0].start, parts[parts.length - 1].end);
  const reported = new Set<string>();
  const error = (code: Parameters<typeof diagnostic>[0], span: Span | Range, message: string, data?: unknown) => {
    const r = typeof span.start === 'number' ? range(span as Span) : span as Range;
    // A header's unknown table is met again by every key below it: report it once.
    const id = `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    if (reported.has(id)) return;
    reported.add(id);
    diagnostics.push(diagnostic(code, ERROR, r, message, data));
  };

  /** A table is defined at `parts` (by a header or an inline table value). */
  function defineTable(parts: KeyPart[], at: Range): void {
    if (!checkTopLevel(parts[0])) return;
    const top = parts[0].name;
    if (top === 'workflow' || top === 'build') {
      if (parts.length === 1) { model.tables[top] ??= at; return; }
      if (checkKey(top, parts[1])) notATable(parts);
      return;
    }
    if (parts.length === 1) return;
    if (parts.length === 2) { target(parts[1], at); return; }
    if (checkKey('target', parts[2])) notATable(parts);
  }

  function assign(parts: KeyPart[], value: ValueNode, span: Span): void {
    if (value.kind === 'table') {
      defineTable(parts, pathRange(parts));
      for (const entry of value.entries) if (entry.value) assign([...parts, ...entry.key], entry.value, entry);
      return;
    }
    if (!checkTopLevel(parts[0])) return;
    const top = parts[0].name;
    const tableDepth = top === 'targets' ? 2 : 1;
    if (parts.length <= tableDepth) {
      const what = top === 'targets' && parts.length === 2 ? `[targets.${parts[1].name}]` : `[${top}]`;
      error('wrong-type', value, `${what} must be a table, not ${valueKindName(value)}. Write it as a ${what} header with its keys below it.`);
      return;
    }
    const table = top === 'targets' ? 'target' : top as KeyDoc['table'];
    if (top === 'workflow' || top === 'build') model.tables[top] ??= range(parts[0]);
    else target(parts[1], range(parts[1]));
    const keyPart = parts[tableDepth];
    if (!checkKey(table, keyPart)) return;
    if (parts.length > tableDepth + 1) { notATable(parts.slice(0, tableDepth + 1)); return; }
    const doc = keyDoc(table, keyPart.name)!;
    const name = top === 'targets' ? `targets.${parts[1].name}.clusters` : `${top}.${keyPart.name}`;
    model.present.add(name);
    if (!checkType(doc, value)) return;
    model.values.set(name, { keyRange: range(keyPart), valueRange: range(value), value, span });
    record(doc, parts, value, range(keyPart));
  }

  function record(doc: KeyDoc, parts: KeyPart[], value: ValueNode, keyRange: Range): void {
    const str = (v: ValueNode): Located<string> => ({ value: v.kind === 'string' ? v.value : '', range: range(v) });
    const items = (v: ValueNode) => (v.kind === 'array' ? v.items.map(str) : []);
    switch (doc.key) {
      case 'slug': case 'root': case 'runner':
        config[doc.key] = { ...str(value), keyRange };
        break;
      case 'command':
        config.command = { value: items(value).map((i) => i.value), range: range(value), keyRange };
        break;
      case 'include': case 'exclude':
        config[doc.key] = items(value);
        break;
      case 'use_gitignore':
        config.useGitignore = value.kind === 'boolean' ? value.value : true;
        break;
      case 'clusters': {
        const t = model.targets.get(parts[1].name)!;
        t.clusters = items(value);
        t.clustersValue = value;
        break;
      }
    }
  }

  function target(namePart: KeyPart, at: Range): void {
    if (model.targets.has(namePart.name)) return;
    const t = { name: { value: namePart.name, range: range(namePart) }, clusters: [], definedAt: at };
    model.targets.set(namePart.name, t);
    config.targets.push(t);
  }

  function checkTopLevel(part: KeyPart): boolean {
    if (TABLES.includes(part.name)) return true;
    const guess = closest(part.name, TABLES);
    const hint = guess ? `Did you mean "${guess}"?` : 'This file has only [workflow], [build] and [targets.<name>].';
    error('unknown-table', part, `Unknown table "${part.name}": the Tilebox CLI rejects it. ${hint}`, guess ? { replacement: guess } : undefined);
    return false;
  }

  function checkKey(table: KeyDoc['table'], part: KeyPart): boolean {
    const keys = keysOf(table).map((k) => k.key);
    if (keys.includes(part.name)) return true;
    const where = table === 'target' ? '[targets.<name>]' : `[${table}]`;
    const guess = closest(part.name, keys);
    const elsewhere = KEY_DOCS.find((k) => k.key === part.name);
    let hint = guess ? `Did you mean "${guess}"?` : `Keys allowed here: ${keys.join(', ')}.`;
    if (!guess && elsewhere) hint = `"${part.name}" belongs in ${elsewhere.table === 'target' ? '[targets.<name>]' : `[${elsewhere.table}]`}.`;
    error('unknown-key', part, `Unknown key "${part.name}" in ${where}: the Tilebox CLI rejects unknown keys. ${hint}`, guess ? { replacement: guess } : undefined);
    return false;
  }

  function notATable(parts: KeyPart[]): void {
    const key = parts[parts.length - 1].name;
    error('wrong-type', pathRange(parts), `"${key}" is a value, not a table. Write it as ${EXAMPLES[key] ?? `${key} = ...`}.`);
  }

  function checkType(doc: KeyDoc, value: ValueNode): boolean {
    const example = EXAMPLES[doc.key];
    if (doc.type === 'boolean' && value.kind !== 'boolean') {
      const quoted = value.kind === 'string' && /^(true|false)$/i.test(value.value);
      error('wrong-type', value, `${doc.key} must be true or false, not ${valueKindName(value)}. Write ${example}${quoted ? ' (without quotes)' : ''}.`,
        quoted ? { replacement: value.value.toLowerCase() } : undefined);
      return false;
    }
    if (doc.type === 'string' && value.kind !== 'string') {
      error('wrong-type', value, `${doc.key} must be a string in quotes, not ${valueKindName(value)}. Write ${example}.`, quotedData(value));
      return false;
    }
    if (doc.type === 'string-array') {
      if (value.kind !== 'array') {
        const wrap = value.kind === 'string';
        error('wrong-type', value, `${doc.key} must be an array of strings, not ${valueKindName(value)}. Write ${wrap ? `${doc.key} = [${value.value === '' ? '""' : JSON.stringify(value.value)}]` : example}.`,
          wrap ? { wrapInArray: true } : undefined);
        return false;
      }
      let ok = true;
      for (const item of value.items) {
        if (item.kind === 'string') continue;
        error('wrong-type', item, `Every item of ${doc.key} must be a string in quotes, not ${valueKindName(item)}. Example: ${example}.`, quotedData(item));
        ok = false;
      }
      return ok;
    }
    return true;
  }

  for (const section of doc.sections) {
    const header = section.header;
    if (header && header.key.length) {
      if (header.arrayOfTables) {
        error('table-array-not-allowed', header, `[[${header.key.map((k) => k.name).join('.')}]] defines a list of tables, which this file does not use. Write [${header.key.map((k) => k.name).join('.')}] with single brackets.`);
        continue;
      }
      defineTable(header.key, range(header));
      if (header.key.length === 1 && (header.key[0].name === 'workflow' || header.key[0].name === 'build')) {
        config.headers[header.key[0].name as 'workflow' | 'build'] ??= range(header);
      }
    }
    const prefix = header?.key ?? [];
    for (const entry of section.entries) {
      if (entry.value && entry.key.length) assign([...prefix, ...entry.key], entry.value, entry);
    }
  }
  return model;
}

/** A bare scalar where a string belongs (`slug = 42`, `clusters = [dev]`): the fix puts it in quotes;
 *  a one-string array where a string belongs (`slug = ["a"]`) is unwrapped. */
function quotedData(value: ValueNode): { replacement: string } | undefined {
  if (value.kind === 'number' || value.kind === 'datetime' || value.kind === 'bare') return { replacement: JSON.stringify(value.raw) };
  if (value.kind === 'boolean') return { replacement: JSON.stringify(String(value.value)) };
  if (value.kind === 'array' && value.items.length === 1 && value.items[0].kind === 'string') return { replacement: JSON.stringify(value.items[0].value) };
  return undefined;
}
