// The key under the cursor, for hover: the part of a dotted key in a [header] or a key/value line (also inside
// inline tables), with the full path it names.
import type { KeyPart, KeyValue, TomlDocument } from './toml/ast';

export interface KeyAtCursor {
  path: string[];
  index: number;
  part: KeyPart;
  inHeader: boolean;
}

/** The key part (in a header or a key/value line, also inside inline tables) under the offset. */
export function keyAt(doc: TomlDocument, offset: number): KeyAtCursor | undefined {
  for (const section of doc.sections) {
    const prefix = section.header?.key.map((k) => k.name) ?? [];
    if (section.header) {
      const hit = partAt(section.header.key, [], offset, true);
      if (hit) return hit;
    }
    for (const kv of section.entries) {
      const hit = kvKeyAt(kv, prefix, offset);
      if (hit) return hit;
    }
  }
  return undefined;
}

function kvKeyAt(kv: KeyValue, prefix: string[], offset: number): KeyAtCursor | undefined {
  const hit = partAt(kv.key, prefix, offset, false);
  if (hit) return hit;
  if (kv.value?.kind === 'table' && offset >= kv.value.start && offset <= kv.value.end) {
    const path = [...prefix, ...kv.key.map((k) => k.name)];
    for (const entry of kv.value.entries) {
      const inner = kvKeyAt(entry, path, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

function partAt(parts: KeyPart[], prefix: string[], offset: number, inHeader: boolean): KeyAtCursor | undefined {
  const index = parts.findIndex((p) => p.start <= offset && offset <= p.end);
  if (index < 0) return undefined;
  return { path: [...prefix, ...parts.slice(0, index + 1).map((p) => p.name)], index: prefix.length + index, part: parts[index], inHeader };
}
