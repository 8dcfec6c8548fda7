// Minimal text edits for quick fixes: insert one line, add one array item, delete one
// statement. They never reformat: new lines copy the indentation and line ending around them.
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { KeyValue, ValueNode } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function indentOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))![0];
}

/** A new line below `line`, indented like `indentLine` (default: `line`). */
export function insertLineAfter(lines: LineIndex, line: number, content: string, indentLine = line): TextEdit {
  const at = lines.position(lines.lineEnd(line));
  return { range: { start: at, end: at }, newText: `${eolOf(lines.text)}${indentOf(lines, indentLine)}${content}` };
}

/** Where a new line above `line` goes: its start, but after a byte order mark. */
export function lineStart(lines: LineIndex, line: number): Position {
  return { line, character: line === 0 && lines.text.startsWith('\uFEFF') ? 1 : 0 };
}

export function insertLineBefore(lines: LineIndex, line: number, content: string): TextEdit {
  const at = lineStart(lines, line);
  return { range: { start: at, end: at }, newText: `${indentOf(lines, line)}${content}${eolOf(lines.text)}` };
}

/** Adds a string item in front of the array's first item, matching its one-line/multi-line layout. */
export function addArrayItem(lines: LineIndex, array: ValueNode & { kind: 'array' }, item: string): TextEdit {
  const quoted = JSON.stringify(item);
  const first = array.items[0];
  if (!first) {
    const at = lines.position(array.start + 1);
    return { range: { start: at, end: at }, newText: quoted };
  }
  const at = lines.position(first.start);
  const multiLine = at.line > lines.position(array.start).line;
  const separator = multiLine ? `,${eolOf(lines.text)}${lines.lineText(at.line).slice(0, at.character)}` : ', ';
  return { range: { start: at, end: at }, newText: `${quoted}${separator}` };
}

/** Deletes the whole lines a key/value occupies (with its trailing comment and line break). */
export function deleteStatement(lines: LineIndex, kv: KeyValue): TextEdit {
  const startLine = lines.position(kv.start).line;
  const endLine = lines.position(kv.end).line;
  const end = endLine + 1 < lines.lineCount ? { line: endLine + 1, character: 0 } : lines.position(lines.lineEnd(endLine));
  return { range: { start: { line: startLine, character: 0 }, end }, newText: '' };
}

/** Deletes one array item with its separator; the last item takes the comma before it, a sole item
 *  leaves `[]` (a trailing comma alone, `[,]`, would not parse). */
export function removeArrayItem(lines: LineIndex, array: ValueNode & { kind: 'array' }, index: number): TextEdit {
  const { items } = array;
  const [start, end] =
    items.length === 1
      ? [array.start + 1, array.end - (array.closed ? 1 : 0)]
      : index + 1 < items.length
        ? [items[index].start, items[index + 1].start]
        : [items[index - 1].end, items[index].end];
  return { range: lines.range(start, end), newText: '' };
}
