// What kind of prompt a task field gets, read from its type as written in Python (`int`, `Optional[str]`,
// `list[float] | None`, `Literal["a", "b"]`, ...). Pure: the input prompts and the JSON-document check share it.
import type { TaskField } from '@shared';

type PlainKind = 'text' | 'integer' | 'number' | 'boolean' | 'list' | 'object' | 'datetime';
export type FieldKind =
  | { kind: PlainKind }
  | { kind: 'choice'; values: (string | number | boolean)[] }
  /** A type no single prompt expresses (a nested dataclass, a protobuf message, a Union of several types...). */
  | { kind: 'json' };

export interface FieldShape {
  field: TaskField;
  type: FieldKind;
  optional: boolean;
}

const SIMPLE: Record<string, PlainKind> = {
  str: 'text',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  list: 'list',
  List: 'list',
  tuple: 'list',
  Tuple: 'list',
  set: 'list',
  Set: 'list',
  frozenset: 'list',
  FrozenSet: 'list',
  Sequence: 'list',
  dict: 'object',
  Dict: 'object',
  Mapping: 'object',
  datetime: 'datetime',
  date: 'datetime',
  time: 'datetime',
  timedelta: 'datetime',
  // msgspec writes these as strings (contract: UUID, Path, Decimal, ZoneInfo).
  UUID: 'text',
  Path: 'text',
  PurePath: 'text',
  Decimal: 'text',
  ZoneInfo: 'text',
};

export function fieldShape(field: TaskField): FieldShape {
  let type = field.type.trim();
  let optional = false;
  for (;;) {
    const wrapped = /^(?:typing\.|t\.)?(Optional|Annotated)\[(.*)\]$/s.exec(type);
    if (wrapped) {
      optional ||= wrapped[1] === 'Optional';
      type = wrapped[1] === 'Annotated' ? splitTop(wrapped[2])[0] : wrapped[2].trim();
      continue;
    }
    const union = splitTop(type, '|');
    if (union.length > 1 && union.some((u) => u === 'None')) {
      optional = true;
      type = union.filter((u) => u !== 'None').join(' | ');
      continue;
    }
    break;
  }
  return { field, type: kindOf(type), optional };
}

function kindOf(type: string): FieldKind {
  const literal = /^(?:typing\.)?Literal\[(.*)\]$/s.exec(type);
  if (literal) {
    const values = splitTop(literal[1]).map(literalValue);
    return values.every((v) => v !== undefined) ? { kind: 'choice', values: values as (string | number | boolean)[] } : { kind: 'json' };
  }
  // `datetime.datetime`, `typing.List[int]`, `pathlib.Path`: the last dotted name before any `[`.
  const head = /^([\w.]+)(\[.*\])?$/s.exec(type);
  const name = head?.[1].split('.').pop();
  const kind = name ? SIMPLE[name] : undefined;
  return kind ? { kind } : { kind: 'json' };
}

function literalValue(text: string): string | number | boolean | undefined {
  const s = /^(['"])(.*)\1$/s.exec(text);
  if (s) return s[2];
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text === 'True' ? true : text === 'False' ? false : undefined;
}

/** Splits at `sep` outside brackets and quotes: `dict[str, int], str` → [`dict[str, int]`, `str`]. */
export function splitTop(text: string, sep = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ('[({'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}
