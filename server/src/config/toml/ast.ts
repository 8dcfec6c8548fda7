// Syntax tree of a TOML document with source offsets on every key, value and array item.
// Produced by a tolerant parser (parser.ts) that never throws, so half-typed documents still
// give completion, hover and symbols; the syntax verdict itself comes from smol-toml.

export interface Span {
  start: number;
  end: number;
}

export interface KeyPart extends Span {
  name: string;
}

export type ValueNode =
  | (Span & { kind: 'string'; value: string; closed: boolean })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'number' | 'datetime' | 'bare'; raw: string })
  | (Span & { kind: 'array'; items: ValueNode[]; closed: boolean })
  | (Span & { kind: 'table'; entries: KeyValue[]; closed: boolean });

/** `a.b = value`; span covers the key through the end of the value. */
export interface KeyValue extends Span {
  key: KeyPart[];
  /** Undefined when nothing follows `=` (or `=` is missing). */
  value?: ValueNode;
  hasEquals: boolean;
}

/** `[a.b]` or `[[a.b]]`; span covers the brackets. */
export interface TableHeader extends Span {
  key: KeyPart[];
  arrayOfTables: boolean;
}

/** A header and the key/value lines below it (the first section has no header). */
export interface Section {
  header?: TableHeader;
  entries: KeyValue[];
  /** End of the section's last entry (or header). */
  end: number;
}

export interface Comment extends Span {
  text: string;
}

export interface TomlDocument {
  sections: Section[];
  comments: Comment[];
}

export function valueKindName(value: ValueNode): string {
  switch (value.kind) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'number':
      return 'a number';
    case 'datetime':
      return 'a date';
    case 'array':
      return 'an array';
    case 'table':
      return 'a table';
    default:
      return `an unquoted word (${value.raw.slice(0, 40)})`;
  }
}
