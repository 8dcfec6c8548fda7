// A small Python tokenizer: just enough to see class headers, `def`s, `return`s and calls
// without being fooled by comments, strings (including triple-quoted ones that contain
// `class`), line continuations and brackets spanning lines. Never throws: unknown
// characters become one-character operator tokens.

export type TokenKind = 'name' | 'string' | 'number' | 'op';

export interface Token {
  kind: TokenKind;
  /** Source text (for a string: with prefix and quotes). */
  text: string;
  /** For a string: its value (escapes resolved best effort); undefined for f-strings with fields. */
  value?: string;
  /** 0-based line and UTF-16 character, as LSP ranges use. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** One logical line: the tokens of a statement up to its NEWLINE. */
export interface LogicalLine {
  tokens: Token[];
  /** Indentation width of the first physical line (tab = 8, as Python's tokenizer counts). */
  indent: number;
}

const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_\u00C0-\uFFFF]/;
const STRING_START = /^([rRbBuUfF]{0,2})('''|"""|'|")/;

export function logicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let tokens: Token[] = [];
  let indent = 0;
  let depth = 0;
  let line = 0;
  let lineStart = 0;
  let atLineStart = true;
  let i = 0;
  const n = source.length;

  const newline = (at: number): void => {
    line++;
    lineStart = at + 1;
  };
  const flush = (): void => {
    if (tokens.length > 0) lines.push({ tokens, indent });
    tokens = [];
    depth = 0;
  };

  while (i < n) {
    const c = source[i];
    if (atLineStart) {
      // Measure indentation of a new logical line.
      let width = 0;
      let j = i;
      while (j < n && (source[j] === ' ' || source[j] === '\t' || source[j] === '\f')) {
        width = source[j] === '\t' ? (Math.floor(width / 8) + 1) * 8 : width + 1;
        j++;
      }
      indent = width;
      i = j;
      atLineStart = false;
      continue;
    }
    if (c === '\n') {
      newline(i);
      i++;
      if (depth === 0) {
        flush();
        atLineStart = true;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '#') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))) {
      i += source[i + 1] === '\r' ? 2 : 1;
      newline(i);
      i++;
      continue;
    }
    const startChar = i - lineStart;
    const startLine = line;
    const rest = source.slice(i, i + 5);
    const str = STRING_START.exec(rest);
    if (str && (str[1].length > 0 ? NAME_START.test(c) : true)) {
      const prefix = str[1];
      const quote = str[2];
      const raw = /[rR]/.test(prefix);
      let j = i + prefix.length + quote.length;
      let closed = false;
      while (j < n) {
        const d = source[j];
        if (d === '\\' && j + 1 < n) {
          if (source[j + 1] === '\n') newline(j + 1);
          j += 2;
          continue;
        }
        if (source.startsWith(quote, j)) { j += quote.length; closed = true; break; }
        if (d === '\n') {
          if (quote.length === 1) break; // unterminated single-quoted string ends at the line end
          newline(j);
        }
        j++;
      }
      const text = source.slice(i, j);
      const body = text.slice(prefix.length + quote.length, closed ? text.length - quote.length : text.length);
      const isF = /[fF]/.test(prefix);
      const value = isF && /[{}]/.test(body.replace(/\{\{|\}\}/g, '')) ? undefined : unescape(body, raw, isF);
      tokens.push({ kind: 'string', text, value, line: startLine, character: startChar, endLine: line, endCharacter: j - lineStart });
      i = j;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < n && NAME_PART.test(source[j])) j++;
      tokens.push(token('name', source.slice(i, j), startLine, startChar, j - i));
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(source[j])) j++;
      tokens.push(token('number', source.slice(i, j), startLine, startChar, j - i));
      i = j;
      continue;
    }
    const op = /^(->|\*\*|\/\/|:=|==|!=|<=|>=)/.exec(rest)?.[0] ?? c;
    if ('([{'.includes(op)) depth++;
    else if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    tokens.push(token('op', op, startLine, startChar, op.length));
    i += op.length;
    // `;` separates statements on one physical line.
    if (op === ';' && depth === 0) {
      const keepIndent = indent;
      flush();
      indent = keepIndent;
    }
  }
  flush();
  return lines;
}

function token(kind: TokenKind, text: string, line: number, character: number, length: number): Token {
  return { kind, text, line, character, endLine: line, endCharacter: character + length };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function unescape(body: string, raw: boolean, isF: boolean): string {
  let out = raw ? body : body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\n)/g, (m, e: string) => {
    if (/^[xuU]/.test(e) && e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? m;
  });
  if (isF) out = out.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return out;
}
