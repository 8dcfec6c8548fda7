// The bridge from @lezer/python's syntax tree to discovery's plain data: source text and spans of
// nodes, and expressions folded into the few forms `Expr` knows.
import type { SyntaxNode } from '@lezer/common';
import type { Expr, Span } from './facts';

export class Source {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  of(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  line(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset);
  }

  span(node: { from: number; to: number }): Span {
    const line = this.line(node.from);
    const endLine = this.line(node.to);
    return { line, character: node.from - this.lineStarts[line], endLine, endCharacter: node.to - this.lineStarts[endLine] };
  }
}

/** The index of the last of `starts` (ascending, `starts[0]` at most `offset`) that is at or before `offset`. */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Includes `⚠`, lezer's error node: a recovered parse leaves them between the real pieces. */
const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', '*', '**', 'AssignOp', ':', '.', '⚠']);

/** Argument nodes of an ArgList/ArrayExpression split at commas: positional values and `name=value` keywords. */
export function argumentsOf(src: Source, list: SyntaxNode): { positional: SyntaxNode[][]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[][] = [];
  const keywords = new Map<string, SyntaxNode>();
  let current: SyntaxNode[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const assign = current.findIndex((n) => n.name === 'AssignOp');
    if (assign === 1 && current[0].name === 'VariableName' && current[2]) keywords.set(src.of(current[0]), current[2]);
    else positional.push(current);
    current = [];
  };
  for (const c of children(list)) {
    if (c.name === ',') flush();
    else if (c.name !== '(' && c.name !== ')' && c.name !== '[' && c.name !== ']' && !c.type.isError) current.push(c);
  }
  flush();
  return { positional, keywords };
}

/** Folds an expression node into `Expr`; `parts` is the node list of one argument (a leading `*` makes it starred). */
export function toExpr(src: Source, node: SyntaxNode | SyntaxNode[]): Expr {
  const parts = Array.isArray(node) ? node.filter((n) => !PUNCTUATION.has(n.name) || n.name === '*') : [node];
  if (parts.length === 2 && parts[0].name === '*') {
    const of = toExpr(src, parts[1]);
    return { kind: 'star', of, span: src.span({ from: parts[0].from, to: parts[1].to }), text: src.text.slice(parts[0].from, parts[1].to) };
  }
  const n = parts[parts.length - 1];
  const base = { span: src.span(n), text: src.of(n) };
  switch (n.name) {
    case 'String': {
      const value = stringValue(src.of(n));
      return value === undefined ? { kind: 'other', ...base } : { kind: 'str', value, ...base };
    }
    case 'FormatString':
      return formatString(src, n);
    case 'ContinuedString':
      return { kind: 'concat', parts: children(n).map((c) => toExpr(src, c)), ...base };
    case 'VariableName':
      return { kind: 'name', dotted: base.text, ...base };
    case 'MemberExpression': {
      const dotted = dottedName(src, n);
      return dotted ? { kind: 'name', dotted, ...base } : { kind: 'other', ...base };
    }
    case 'BinaryExpression': {
      const [left, op, right] = children(n);
      if (op && src.of(op) === '+' && left && right) return { kind: 'concat', parts: [toExpr(src, left), toExpr(src, right)], ...base };
      return { kind: 'other', ...base };
    }
    case 'ParenthesizedExpression': {
      const inner = children(n).filter((c) => !PUNCTUATION.has(c.name));
      return inner.length === 1 ? toExpr(src, inner[0]) : { kind: 'other', ...base };
    }
    case 'TupleExpression':
    case 'ArrayExpression':
      return {
        kind: n.name === 'ArrayExpression' ? 'list' : 'tuple',
        items: argumentsOf(src, n).positional.map((p) => toExpr(src, p)),
        ...base,
      };
    case 'CallExpression': {
      const [callee, args] = children(n);
      const { positional, keywords } = args && args.name === 'ArgList' ? argumentsOf(src, args) : { positional: [], keywords: new Map() };
      const kw: Record<string, Expr> = {};
      for (const [k, v] of keywords) kw[k] = toExpr(src, v);
      return {
        kind: 'call',
        callee: callee ? dottedName(src, callee) : undefined,
        args: positional.map((p) => toExpr(src, p)),
        keywords: kw,
        ...base,
      };
    }
    case 'Number':
      return { kind: 'number', ...base };
    case 'None':
      return { kind: 'none', ...base };
    case 'Boolean':
      return { kind: 'bool', ...base };
    default:
      return { kind: 'other', ...base };
  }
}

/** `a.b.c` when the node is a plain dotted name, else undefined (subscripts, calls). */
export function dottedName(src: Source, node: SyntaxNode): string | undefined {
  if (node.name === 'VariableName') return src.of(node);
  if (node.name !== 'MemberExpression') return undefined;
  const [object, dot, property, extra] = children(node);
  if (!object || dot?.name !== '.' || property?.name !== 'PropertyName' || extra) return undefined;
  const head = dottedName(src, object);
  return head && `${head}.${src.of(property)}`;
}

function formatString(src: Source, node: SyntaxNode): Expr {
  const text = src.of(node);
  const base = { span: src.span(node), text };
  const { prefix, quote } = stringShape(text);
  if (prefix.includes('b')) return { kind: 'other', ...base };
  const raw = prefix.includes('r');
  const bodyFrom = node.from + prefix.length + quote.length;
  const bodyTo = node.to - quote.length;
  const parts: (string | Expr)[] = [];
  let computed = false;
  let at = bodyFrom;
  const literal = (to: number) => {
    const piece = src.text.slice(at, to).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    if (piece) parts.push(raw ? piece : (unescape(piece) ?? piece));
  };
  for (const r of children(node)) {
    if (r.name !== 'FormatReplacement') continue;
    literal(r.from);
    const inner = children(r).filter((c) => c.name !== '{' && c.name !== '}');
    if (inner.length !== 1) computed = true;
    const expr = inner[0] ? toExpr(src, inner[0]) : undefined;
    if (!expr || expr.kind !== 'name') computed = true;
    if (expr) parts.push(expr);
    at = r.to;
  }
  literal(Math.max(at, bodyTo));
  return { kind: 'fstr', parts, ...(computed ? { computed } : {}), ...base };
}

function stringShape(text: string): { prefix: string; quote: string } {
  const prefix = /^[A-Za-z]*/.exec(text)![0].toLowerCase();
  const rest = text.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  return { prefix, quote };
}

/** The value of a plain (non-bytes, non-f) string literal; undefined for bytes or an escape it cannot read. */
export function stringValue(text: string): string | undefined {
  const { prefix, quote } = stringShape(text);
  if (prefix.includes('b') || prefix.includes('f') || text.length < prefix.length + 2 * quote.length) return undefined;
  const body = text.slice(prefix.length + quote.length, text.length - quote.length);
  return prefix.includes('r') ? body : unescape(body);
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '\n': '',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function unescape(body: string): string | undefined {
  let failed = false;
  const out = body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\n)/g, (_, e: string) => {
    if (e.length > 1 && 'xuU'.includes(e[0])) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (e in ESCAPES) return ESCAPES[e];
    if (e === 'N') failed = true;
    return `\\${e}`;
  });
  return failed ? undefined : out;
}
