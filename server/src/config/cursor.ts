// What the cursor is on, for completion: a comment, a [table header], a key being
// typed, or a value (with the array/string it is inside). Works on half-typed documents.
import type { Comment, KeyValue, Section, TomlDocument, ValueNode } from './toml/ast';

export type Cursor =
  | { kind: 'comment'; comment: Comment }
  | { kind: 'header'; wordStart: number; wordEnd: number; closed: boolean }
  | { kind: 'key'; table: string[]; section: Section; wordStart: number; wordEnd: number }
  | { kind: 'value'; path: string[]; kv: KeyValue; node?: ValueNode; array?: ValueNode & { kind: 'array' } }
  | { kind: 'none' };

export function cursorAt(text: string, doc: TomlDocument, offset: number): Cursor {
  const comment = doc.comments.find((c) => c.start < offset && offset <= c.end);
  if (comment) return { kind: 'comment', comment };
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const prefix = text.slice(lineStart, offset);
  const header = /^\s*\[\[?\s*([A-Za-z0-9_.-]*)$/.exec(prefix);
  if (header) {
    let end = offset;
    while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end])) end++;
    return { kind: 'header', wordStart: offset - header[1].length, wordEnd: end, closed: text[end] === ']' };
  }
  const sectionIndex = lastIndexWhere(doc.sections, (s) => !s.header || s.header.start < offset);
  const section = doc.sections[Math.max(0, sectionIndex)];
  const table = section.header?.key.map((k) => k.name) ?? [];
  const next = nextStatementStart(doc, offset);
  for (const kv of section.entries) {
    const found = valueCursor(text, kv, table, offset, next);
    if (found) return found;
  }
  const key = /^\s*([A-Za-z0-9_.-]*)$/.exec(prefix);
  if (key) {
    let end = offset;
    while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end])) end++;
    return { kind: 'key', table, section, wordStart: offset - key[1].length, wordEnd: end };
  }
  return { kind: 'none' };
}

function valueCursor(text: string, kv: KeyValue, prefix: string[], offset: number, next: number): Cursor | undefined {
  if (!kv.hasEquals || !kv.key.length) return undefined;
  const path = [...prefix, ...kv.key.map((k) => k.name)];
  const value = kv.value;
  if (!value) {
    const eq = text.indexOf('=', kv.key[kv.key.length - 1].end);
    const lineEnd = endOfLine(text, eq);
    return eq >= 0 && eq < offset && offset <= lineEnd ? { kind: 'value', path, kv } : undefined;
  }
  if (!inside(value, offset, next, text)) return undefined;
  if (value.kind === 'table') {
    for (const entry of value.entries) {
      const found = valueCursor(text, entry, path, offset, next);
      if (found) return found;
    }
    return undefined;
  }
  if (value.kind === 'array') {
    const item = value.items.find((i) => inside(i, offset, next, text));
    return { kind: 'value', path, kv, node: item, array: value };
  }
  return { kind: 'value', path, kv, node: value };
}

/** Cursor strictly inside a closed string/array, or anywhere up to the next statement for an unclosed one. */
function inside(node: ValueNode, offset: number, next: number, text: string): boolean {
  if (node.kind === 'string') {
    return offset > node.start && (node.closed ? offset < node.end : offset <= endOfLine(text, node.start));
  }
  if (node.kind === 'array' || node.kind === 'table') {
    return offset > node.start && (node.closed ? offset < node.end : offset <= next);
  }
  return offset >= node.start && offset <= node.end;
}

function nextStatementStart(doc: TomlDocument, offset: number): number {
  let next = Infinity;
  for (const s of doc.sections) {
    if (s.header && s.header.start >= offset) next = Math.min(next, s.header.start);
    for (const e of s.entries)
      if (e.start >= offset) {
        next = Math.min(next, e.start);
        break;
      }
  }
  return next;
}

function endOfLine(text: string, from: number): number {
  let i = Math.max(0, from);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function lastIndexWhere<T>(items: T[], test: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
