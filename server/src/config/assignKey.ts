// Schema stage: where a [header] or a `key = value` lands once dotted keys, headers and inline tables are reduced
// to full key paths, and which checks (keyChecks.ts, checkType.ts) it passes before recordValue.ts keeps it.
import type { Range } from 'vscode-languageserver-types';
import { checkType } from './checkType';
import { checkKey, checkTopLevel, notATable } from './keyChecks';
import { type KeyDoc, keyDoc } from './keyDocs';
import type { ModelBuild } from './modelBuild';
import { addTarget, recordValue } from './recordValue';
import { type KeyPart, type Span, type ValueNode, valueKindName } from './toml/ast';

/** A table is defined at `parts` (by a header or an inline table value). */
export function defineTable(build: ModelBuild, parts: KeyPart[], at: Range): void {
  if (!checkTopLevel(build, parts[0])) return;
  const top = parts[0].name;
  if (top === 'workflow' || top === 'build') {
    if (parts.length === 1) {
      build.model.tables[top] ??= at;
      return;
    }
    if (checkKey(build, top, parts[1])) notATable(build, parts);
    return;
  }
  if (parts.length === 1) return;
  if (parts.length === 2) {
    addTarget(build, parts[1], at);
    return;
  }
  if (checkKey(build, 'target', parts[2])) notATable(build, parts);
}

/** A value is set at the full key path `parts`: check where and what it is, then record it. */
export function assign(build: ModelBuild, parts: KeyPart[], value: ValueNode, span: Span): void {
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
    build.error(
      'wrong-type',
      value,
      `${what} must be a table, not ${valueKindName(value)}. Write it as a ${what} header with its keys below it.`,
    );
    return;
  }
  const table = top === 'targets' ? 'target' : (top as KeyDoc['table']);
  if (top === 'workflow' || top === 'build') model.tables[top] ??= range(parts[0]);
  else addTarget(build, parts[1], range(parts[1]));
  const keyPart = parts[tableDepth];
  if (!checkKey(build, table, keyPart)) return;
  if (parts.length > tableDepth + 1) {
    notATable(build, parts.slice(0, tableDepth + 1));
    return;
  }
  const doc = keyDoc(table, keyPart.name)!;
  const name = top === 'targets' ? `targets.${parts[1].name}.clusters` : `${top}.${keyPart.name}`;
  model.present.add(name);
  if (!checkType(build, doc, value)) return;
  model.values.set(name, { keyRange: range(keyPart), valueRange: range(value), value, span });
  recordValue(build, doc, parts, value, range(keyPart));
}
