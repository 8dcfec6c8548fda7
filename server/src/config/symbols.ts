// Document symbols (outline, breadcrumbs): tables with their keys, targets under `targets`.
// Dotted keys and inline tables land under the table they belong to.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { KeyPart, Span, ValueNode } from './toml/ast';
import { LineIndex } from './toml/lineIndex';
import { parseToml } from './toml/parser';

interface Node {
  name: string;
  span: Span;
  select: Span;
  kind: SymbolKind;
  detail?: string;
  children: Map<string, Node>;
}

export function symbols(text: string): DocumentSymbol[] {
  const doc = parseToml(text);
  const lines = new LineIndex(text);
  const root: Node = { name: '', span: { start: 0, end: 0 }, select: { start: 0, end: 0 }, kind: SymbolKind.File, children: new Map() };

  const nodeAt = (parts: KeyPart[], kind: SymbolKind, whole: Span): Node => {
    let node = root;
    parts.forEach((part, i) => {
      let child = node.children.get(part.name);
      const last = i === parts.length - 1;
      if (!child) {
        child = {
          name: part.name,
          span: { start: part.start, end: whole.end },
          select: part,
          kind: last ? kind : SymbolKind.Namespace,
          children: new Map(),
        };
        node.children.set(part.name, child);
      }
      child.span = { start: Math.min(child.span.start, part.start), end: Math.max(child.span.end, whole.end) };
      node = child;
    });
    return node;
  };

  const addValue = (prefix: KeyPart[], key: KeyPart[], value: ValueNode | undefined, span: Span) => {
    const node = nodeAt([...prefix, ...key], kindOf(value), span);
    node.detail = detailOf(value);
    if (value?.kind === 'table') for (const e of value.entries) addValue([...prefix, ...key], e.key, e.value, e);
  };

  for (const section of doc.sections) {
    const prefix = section.header?.key ?? [];
    if (section.header && prefix.length) {
      const node = nodeAt(prefix, SymbolKind.Namespace, { start: section.header.start, end: Math.max(section.end, section.header.end) });
      node.span.start = Math.min(node.span.start, section.header.start);
    }
    for (const e of section.entries) if (e.key.length) addValue(prefix, e.key, e.value, e);
  }

  const toSymbol = (n: Node): DocumentSymbol => {
    const range: Range = lines.range(n.span.start, Math.max(n.span.end, n.select.end));
    const children = [...n.children.values()].map(toSymbol);
    return {
      name: n.name || ' ',
      detail: n.detail,
      kind: n.kind,
      range,
      selectionRange: lines.range(n.select.start, n.select.end),
      children,
    };
  };
  return [...root.children.values()].map(toSymbol);
}

function kindOf(value: ValueNode | undefined): SymbolKind {
  switch (value?.kind) {
    case 'string':
      return SymbolKind.String;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'number':
      return SymbolKind.Number;
    case 'array':
      return SymbolKind.Array;
    case 'table':
      return SymbolKind.Object;
    default:
      return SymbolKind.Property;
  }
}

function detailOf(value: ValueNode | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value.length > 60 ? `${value.value.slice(0, 57)}...` : value.value;
  if (value.kind === 'boolean') return String(value.value);
  if (value.kind === 'array') return `${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
  return undefined;
}
