// Stage 2 (schema): walks the TOML tree, reports tables/keys the file may not have (keyChecks.ts) and values of
// the wrong type (checkType.ts), and builds the located WorkflowConfig (recordValue.ts). Dotted keys, [headers] and
// inline tables all reduce to the same full key paths, so `workflow.slug = ...` at the top level is the same as
// `slug = ...` under [workflow].
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { checkType } from './checkType';
import { checkKey, checkTopLevel, notATable } from './keyChecks';
import { type KeyDoc, keyDoc } from './keyDocs';
import { type ConfigModel, type ModelBuild, startModelBuild } from './modelBuild';
import { addTarget, recordValue } from './recordValue';
import { type KeyPart, type Span, type TomlDocument, type ValueNode, valueKindName } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

export type { ConfigModel } from './modelBuild';

export function buildModel(doc: TomlDocument, lines: LineIndex, diagnostics: Diagnostic[]): ConfigModel {
  const build = startModelBuild(lines, diagnostics);
  const { model, range } = build;
  for (const section of doc.sections) {
    const header = section.header;
    if (header && header.key.length) {
      if (header.arrayOfTables) {
        const name = header.key.map((k) => k.name).join('.');
        build.error('table-array-not-allowed', header, `[[${name}]] defines a list of tables, which this file does not use. Write [${name}] with single brackets.`);
        continue;
      }
      defineTable(build, header.key, range(header));
      if (header.key.length === 1 && (header.key[0].name === 'workflow' || header.key[0].name === 'build')) {
        model.config.headers[header.key[0].name as 'workflow' | 'build'] ??= range(header);
      }
    }
    const prefix = header?.key ?? [];
    for (const entry of section.entries) {
      if (entry.value && entry.key.length) assign(build, [...prefix, ...entry.key], entry.value, entry);
    }
  }
  return model;
}

/** A table is defined at `parts` (by a header or an inline table value). */
function defineTable(build: ModelBuild, parts: KeyPart[], at: Range): void {
  if (!checkTopLevel(build, parts[0])) return;
  const top = parts[0].name;
  if (top === 'workflow' || top === 'build') {
    if (parts.length === 1) { build.model.tables[top] ??= at; return; }
    if (checkKey(build, top, parts[1])) notATable(build, parts);
    return;
  }
  if (parts.length === 1) return;
  if (parts.length === 2) { addTarget(build, parts[1], at); return; }
  if (checkKey(build, 'target', parts[2])) notATable(build, parts);
}

/** A value is set at the full key path `parts`: check where and what it is, then record it. */
function assign(build: ModelBuild, parts: KeyPart[], value: ValueNode, span: Span): void {
  const { model, range } = build;
  if (value.kind === 'table') {
    defineTable(build, parts, build.pathRange(parts));
    for (const entry of value.entries) if (entry.value) assign(build, [...parts, ...entry.key], entry.value, entry);
    return;
  }
  if (!checkTopLevel(build, parts[0])) return;
  const top = parts[0].name;
  const tableDepth = top === 'targets' ? 2 : 1;
  if (parts.length <= tableDepth) {
    const what = top === 'targets' && parts.length === 2 ? `[targets.${parts[1].name}]` : `[${top}]`;
    build.error('wrong-type', value, `${what} must be a table, not ${valueKindName(value)}. Write it as a ${what} header with its keys below it.`);
    return;
  }
  const table = top === 'targets' ? 'target' : (top as KeyDoc['table']);
  if (top === 'workflow' || top === 'build') model.tables[top] ??= range(parts[0]);
  else addTarget(build, parts[1], range(parts[1]));
  const keyPart = parts[tableDepth];
  if (!checkKey(build, table, keyPart)) return;
  if (parts.length > tableDepth + 1) { notATable(build, parts.slice(0, tableDepth + 1)); return; }
  const doc = keyDoc(table, keyPart.name)!;
  const name = top === 'targets' ? `targets.${parts[1].name}.clusters` : `${top}.${keyPart.name}`;
  model.present.add(name);
  if (!checkType(build, doc, value)) return;
  model.values.set(name, { keyRange: range(keyPart), valueRange: range(value), value, span });
  recordValue(build, doc, parts, value, range(keyPart));
}
