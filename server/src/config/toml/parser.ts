// Tolerant, position-keeping TOML parser. It accepts every valid TOML document and reads as
// much as it can of an invalid one; it never throws and runs in linear time (every loop
// consumes input; nesting is capped). Whether the document is valid TOML is decided by
// smol-toml (syntax.ts); this parser only supplies positions and structure.
import type { Comment, KeyPart, KeyValue, Section, TableHeader, TomlDocument, ValueNode } from './ast';
import { readString } from './readString';

const MAX_DEPTH = 64;
const BARE = /[A-Za-z0-9_-]/;
// Inside an unclosed array/inline table, a line that looks like a header or `key =` ends it,
// so one missing `]` does not swallow the rest of the file.
const HEADER_LINE = /\[\[?[ \t]*[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*\]\]?[ \t]*(?:#[^\r\n]*)?(?=\r|\n|$)/y;
const KEY_LINE = /[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*=/y;
const SCALAR = /[^\s,\]}#=[{"']+/y;
const DATE_TIME_REST = / \d{2}:\d{2}[^\s,\]}#]*/y;

export function parseToml(text: string): TomlDocument {
  return new Parser(text).document();
}

class Parser {
  private p = 0;
  private readonly comments: Comment[] = [];
  /** Inside a whole (multi-line) read of an inline table; see inlineTable(). */
  private readingWhole = false;
  private wholeReadBudget: number;
  constructor(private readonly s: string) {
    this.wholeReadBudget = s.length;
  }

  document(): TomlDocument {
    const sections: Section[] = [{ entries: [], end: 0 }];
    const s = this.s;
    while (this.p < s.length) {
      this.skipBlankAndComments();
      if (this.p >= s.length) break;
      const c = s[this.p];
      const current = sections[sections.length - 1];
      if (c === '[') {
        const header = this.header();
        sections.push({ header, entries: [], end: header.end });
      } else if (BARE.test(c) || c === '"' || c === "'") {
        const kv = this.keyValue(0);
        current.entries.push(kv);
        current.end = Math.max(current.end, kv.end);
      } else {
        this.skipRestOfLine();
        continue;
      }
      // An unclosed array stops in front of the next statement: do not skip that one.
      if (!this.atStatementStart()) this.skipRestOfLine();
    }
    return { sections, comments: this.comments };
  }

  private header(): TableHeader {
    const s = this.s;
    const start = this.p;
    const arrayOfTables = s[this.p + 1] === '[';
    this.p += arrayOfTables ? 2 : 1;
    const key = this.key();
    this.skipSpaces();
    if (s[this.p] === ']') {
      this.p++;
      if (arrayOfTables && s[this.p] === ']') this.p++;
    }
    return { key, arrayOfTables, start, end: this.p };
  }

  private keyValue(depth: number): KeyValue {
    const start = this.p;
    const key = this.key();
    this.skipSpaces();
    const kv: KeyValue = { key, hasEquals: false, start, end: this.p };
    if (this.s[this.p] !== '=') return kv;
    this.p++;
    kv.hasEquals = true;
    kv.end = this.p;
    this.skipSpaces();
    kv.value = this.value(depth);
    if (kv.value) kv.end = kv.value.end;
    return kv;
  }

  /** Dotted key; stops (without consuming) at the first character that cannot continue it. */
  private key(): KeyPart[] {
    const s = this.s;
    const parts: KeyPart[] = [];
    for (;;) {
      this.skipSpaces();
      const start = this.p;
      const c = s[this.p];
      if (c === '"' || c === "'") {
        const str = this.string();
        parts.push({ name: str.value, start, end: str.end });
      } else {
        while (this.p < s.length && BARE.test(s[this.p])) this.p++;
        if (this.p === start) break;
        parts.push({ name: s.slice(start, this.p), start, end: this.p });
      }
      const afterPart = this.p;
      this.skipSpaces();
      if (s[this.p] !== '.') {
        this.p = afterPart;
        break;
      }
      this.p++;
    }
    return parts;
  }

  private value(depth: number): ValueNode | undefined {
    const s = this.s;
    const c = s[this.p];
    if (c === undefined || c === '\n' || c === '\r' || c === '#') return undefined;
    if (c === '"' || c === "'") return this.string();
    if (c === '[' || c === '{') {
      if (depth >= MAX_DEPTH) return this.skipNested();
      return c === '[' ? this.array(depth + 1) : this.inlineTable(depth + 1);
    }
    const start = this.p;
    SCALAR.lastIndex = start;
    if (!SCALAR.test(s)) return undefined;
    this.p = SCALAR.lastIndex;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s.slice(start, this.p))) {
      DATE_TIME_REST.lastIndex = this.p;
      if (DATE_TIME_REST.test(s)) this.p = DATE_TIME_REST.lastIndex;
    }
    const raw = s.slice(start, this.p);
    if (raw === 'true' || raw === 'false') return { kind: 'boolean', value: raw === 'true', start, end: this.p };
    if (/^[+-]?(\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?|0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+|inf|nan)$/.test(raw)) {
      return { kind: 'number', raw, start, end: this.p };
    }
    if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(raw)) return { kind: 'datetime', raw, start, end: this.p };
    return { kind: 'bare', raw, start, end: this.p };
  }

  private array(depth: number): ValueNode {
    const start = this.p++;
    const items: ValueNode[] = [];
    const closed = this.readItems(']', false, () => {
      const item = this.value(depth);
      if (item) items.push(item);
    });
    return { kind: 'array', items, closed, start, end: closed ? this.p : (items.at(-1)?.end ?? start + 1) };
  }

  /** TOML 1.1 (and smol-toml) allow line breaks inside `{ }`, so a table is first read whole,
   *  across lines. Only when that read does not reach a `}` is it read again with recovery: a
   *  line that looks like a new statement ends it, so one missing `}` does not swallow the rest
   *  of the file. Nested tables inside the whole read do not retry, and failed whole reads draw
   *  on a budget of one document length, so parsing stays linear. */
  private inlineTable(depth: number): ValueNode {
    if (this.readingWhole || this.wholeReadBudget <= 0) return this.readInlineTable(depth, this.readingWhole);
    const start = this.p;
    const commentCount = this.comments.length;
    this.readingWhole = true;
    const whole = this.readInlineTable(depth, true);
    this.readingWhole = false;
    if (whole.kind === 'table' && whole.closed) return whole;
    this.wholeReadBudget -= this.p - start;
    this.p = start;
    this.comments.length = commentCount;
    return this.readInlineTable(depth, false);
  }

  private readInlineTable(depth: number, acrossLines: boolean): ValueNode {
    const start = this.p++;
    const entries: KeyValue[] = [];
    const closed = this.readItems('}', acrossLines, () => {
      const c = this.s[this.p];
      if (BARE.test(c) || c === '"' || c === "'") entries.push(this.keyValue(depth));
    });
    return { kind: 'table', entries, closed, start, end: closed ? this.p : (entries.at(-1)?.end ?? start + 1) };
  }

  /**
   * The comma-separated items of an array or inline table, up to and past `close` (true), or up to where they stop:
   * the end of the text, a line that looks like a new statement (unless reading `acrossLines`), or something no
   * item can start with, which is left to the caller (false).
   */
  private readItems(close: string, acrossLines: boolean, readItem: () => void): boolean {
    for (;;) {
      const lineBreak = this.skipBlankAndComments();
      if (this.p >= this.s.length) return false;
      if (lineBreak && !acrossLines && this.looksLikeNewStatement()) return false;
      const c = this.s[this.p];
      if (c === close) {
        this.p++;
        return true;
      }
      if (c === ',') {
        this.p++;
        continue;
      }
      const before = this.p;
      readItem();
      if (this.p === before) return false;
    }
  }

  /** Past the nesting cap: skip balanced brackets without building nodes. */
  private skipNested(): ValueNode {
    const s = this.s;
    const start = this.p;
    let level = 0;
    while (this.p < s.length) {
      const c = s[this.p];
      if (c === '[' || c === '{') level++;
      else if (c === ']' || c === '}') level--;
      else if (c === '\n') break;
      this.p++;
      if (level === 0) break;
    }
    return { kind: 'bare', raw: s.slice(start, Math.min(this.p, start + 40)), start, end: this.p };
  }

  private atStatementStart(): boolean {
    let i = this.p - 1;
    while (i >= 0 && (this.s[i] === ' ' || this.s[i] === '\t')) i--;
    return i >= 0 && (this.s[i] === '\n' || this.s[i] === '\r') && this.p < this.s.length && this.s[this.p] !== '\n';
  }

  private looksLikeNewStatement(): boolean {
    HEADER_LINE.lastIndex = this.p;
    KEY_LINE.lastIndex = this.p;
    return HEADER_LINE.test(this.s) || KEY_LINE.test(this.s);
  }

  private string(): ValueNode & { kind: 'string' } {
    const node = readString(this.s, this.p);
    this.p = node.end;
    return node;
  }

  private skipSpaces(): void {
    const s = this.s;
    while (s[this.p] === ' ' || s[this.p] === '\t') this.p++;
  }

  /** Skips whitespace, line breaks and comments; returns whether a line break was crossed. */
  private skipBlankAndComments(): boolean {
    const s = this.s;
    let crossed = false;
    while (this.p < s.length) {
      const c = s[this.p];
      if (c === ' ' || c === '\t' || c === '\uFEFF') this.p++;
      else if (c === '\n' || c === '\r') {
        this.p++;
        crossed = true;
      } else if (c === '#') this.comment();
      else break;
    }
    return crossed;
  }

  private comment(): void {
    const s = this.s;
    const start = this.p;
    while (this.p < s.length && s[this.p] !== '\n' && s[this.p] !== '\r') this.p++;
    this.comments.push({ start, end: this.p, text: s.slice(start, this.p) });
  }

  /** After a statement: keep a trailing comment, ignore anything else up to the line break. */
  private skipRestOfLine(): void {
    const s = this.s;
    while (this.p < s.length && s[this.p] !== '\n' && s[this.p] !== '\r') {
      if (s[this.p] === '#') {
        this.comment();
        break;
      }
      this.p++;
    }
  }
}
