// Where a TOML syntax error is, in the text: smol-toml reports a line and column; these find the span worth
// underlining there (the key holding it, the string left open before it, or the word under it).
import type { TomlDocument, ValueNode } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

/** smol-toml counts lines split on \r?\n with 1-based columns. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/** The dotted key (of a pair or header) that contains the offset: [start, end, text]. */
export function keySpanAt(doc: TomlDocument, offset: number): [number, number, string] | undefined {
  for (const section of doc.sections) {
    const keys = section.header ? [section.header.key, ...section.entries.map((e) => e.key)] : section.entries.map((e) => e.key);
    for (const key of keys) {
      if (key.length && key[0].start <= offset && offset < key[key.length - 1].end) {
        return [key[0].start, key[key.length - 1].end, key.map((k) => k.name).join('.')];
      }
    }
  }
  return undefined;
}

/** An unclosed string on the error's line: underline it from its opening quote. */
export function unclosedStringBefore(doc: TomlDocument, offset: number, lines: LineIndex): [number, number] | undefined {
  const line = lines.position(offset).line;
  const stack: ValueNode[] = [];
  for (const s of doc.sections) for (const e of s.entries) if (e.value) stack.push(e.value);
  while (stack.length) {
    const v = stack.pop()!;
    if (v.kind === 'string' && !v.closed && lines.position(v.start).line === line) return [v.start, v.end];
    if (v.kind === 'array') stack.push(...v.items);
    if (v.kind === 'table') for (const e of v.entries) if (e.value) stack.push(e.value);
  }
  return undefined;
}

/** The run of non-blank characters at the offset, at least one character when the line has one. */
export function wordAt(text: string, offset: number): [number, number] {
  let end = offset;
  while (end < text.length && !/[\s,\]}]/.test(text[end])) end++;
  if (end === offset && end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [offset, end];
}
