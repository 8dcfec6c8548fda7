// Quick-fix edits that add a missing key where the file defines its table (a [table] header, dotted keys or an
// inline table), and an item to build.exclude (creating the key below include). Undefined when there is no safe place.
import type { TextEdit } from 'vscode-languageserver-types';
import { addArrayItem, insertLineAfter, insertLineBefore } from './edits';
import type { ConfigModel } from './model';
import type { TomlDocument } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

/**
 * Adds `key = value` to the table wherever the file defines it: below a [table] header
 * (indented like its first key), as `table.key = value` next to top-level dotted keys, or into
 * a one-level inline table. Undefined when there is no safe place (e.g. an unclosed `{`).
 */
export function addKey(doc: TomlDocument, lines: LineIndex, table: string, key: string, value: string): TextEdit | undefined {
  const section = doc.sections.find(
    (s) => s.header && !s.header.arrayOfTables && s.header.key.length === 1 && s.header.key[0].name === table,
  );
  if (section) {
    const headerLine = lines.position(section.header!.end).line;
    const first = section.entries[0];
    return insertLineAfter(lines, headerLine, `${key} = ${value}`, first ? lines.position(first.start).line : headerLine);
  }
  const top = doc.sections[0].entries.find((e) => e.key[0]?.name === table);
  if (!top) return undefined;
  if (top.key.length > 1) return insertLineBefore(lines, lines.position(top.start).line, `${table}.${key} = ${value}`);
  const inline = top.value;
  if (inline?.kind !== 'table' || !inline.closed) return undefined;
  const first = inline.entries[0];
  const at = lines.position(first ? first.start : inline.start + 1);
  return { range: { start: at, end: at }, newText: first ? `${key} = ${value}, ` : ` ${key} = ${value} ` };
}

/** Adds `item` to build.exclude (creating the key below include); undefined when it is there already. */
export function addExclude(model: ConfigModel, doc: TomlDocument, lines: LineIndex, item: string): TextEdit | undefined {
  const folder = item.replace(/\/\*\*$/, '');
  if (
    model.config.exclude.some(
      (e) => e.value === item || (item === '.venv/**' && /(^|\/)\.venv(\/|$)/.test(e.value.replace(/^\.\//, ''))) || e.value === folder,
    )
  )
    return undefined;
  const exclude = model.values.get('build.exclude')?.value;
  if (exclude?.kind === 'array') return addArrayItem(lines, exclude, item);
  if (model.present.has('build.exclude')) return undefined;
  const build = doc.sections.find((s) => s.header?.key.length === 1 && s.header.key[0].name === 'build' && !s.header.arrayOfTables);
  if (!build) return undefined;
  const include = build.entries.find((e) => e.key.length === 1 && e.key[0].name === 'include');
  const anchor = include ?? build.entries[build.entries.length - 1];
  const line = lines.position(anchor ? anchor.end : build.header!.end).line;
  return insertLineAfter(lines, line, `exclude = [${JSON.stringify(item)}]`, anchor ? lines.position(anchor.start).line : line);
}
