// One TOML string (basic or literal, single- or multi-line) read from its opening quote, escapes decoded. An
// unclosed one ends at the line break (single-line) or the end of the text, with `closed: false`.
import type { ValueNode } from './ast';

export function readString(s: string, start: number): ValueNode & { kind: 'string' } {
  let p = start;
  const q = s[p];
  const multi = s[p + 1] === q && s[p + 2] === q;
  p += multi ? 3 : 1;
  // Plain characters are copied in runs (one slice per run, not one concat per character):
  // a 1 MB file of long string arrays would otherwise spend most of its time in the GC.
  let out = '';
  let run = p;
  while (p < s.length) {
    const c = s[p];
    if (c !== q && c !== '\\' && c !== '\n' && c !== '\r') {
      p++;
      continue;
    }
    if (!multi && (c === '\n' || c === '\r')) break;
    if (c === q) {
      if (!multi) {
        out += s.slice(run, p);
        p++;
        return { kind: 'string', value: out, closed: true, start, end: p };
      }
      if (s[p + 1] === q && s[p + 2] === q) {
        out += s.slice(run, p);
        let end = p + 3;
        while (s[end] === q && end - p < 5) end++; // up to two quotes may precede the closing """
        out += q.repeat(end - p - 3);
        p = end;
        return { kind: 'string', value: multi ? stripFirstNewline(out) : out, closed: true, start, end };
      }
    }
    if (c === '\\' && q === '"') {
      out += s.slice(run, p);
      const [text, length] = escape(s, p);
      out += text;
      p += length;
      run = p;
      continue;
    }
    p++;
  }
  out += s.slice(run, p);
  return { kind: 'string', value: multi ? stripFirstNewline(out) : out, closed: false, start, end: p };
}

function stripFirstNewline(value: string): string {
  if (value.startsWith('\r\n')) return value.slice(2);
  return value.startsWith('\n') ? value.slice(1) : value;
}

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/** Decodes the escape at `i` (a backslash); returns [text, consumed length]. */
function escape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  if (c === undefined) return ['', 1];
  if (SIMPLE_ESCAPES[c] !== undefined) return [SIMPLE_ESCAPES[c], 2];
  if (c === 'u' || c === 'U' || c === 'x') {
    const len = c === 'u' ? 4 : c === 'U' ? 8 : 2;
    const hex = s.slice(i + 2, i + 2 + len);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
    return [code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '', 2 + hex.length];
  }
  if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
    // Line-ending backslash in a multi-line string: swallow the whitespace that follows.
    let j = i + 1;
    while (j < s.length && /[ \t\r\n]/.test(s[j])) j++;
    return ['', j - i];
  }
  return [c, 2];
}
