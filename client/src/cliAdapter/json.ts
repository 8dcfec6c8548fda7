// Small helpers for reading CLI JSON tolerantly: required fields throw a `MissingField` naming the JSON path
// (`jobs[3].id missing`), optional ones return undefined (and may add a warning), unknown fields are ignored.
import { MissingField } from './parseWith';

export type Obj = Record<string, unknown>;

export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new MissingField(`${path || 'output'} is not an object`);
  return v;
}

/** The first present key among aliases (snake_case first, camelCase accepted). */
export function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

export function reqStr(o: Obj, path: string, ...keys: string[]): string {
  const v = pick(o, ...keys);
  if (v === undefined) throw new MissingField(`${at(path, keys[0])} missing`);
  if (typeof v !== 'string' && typeof v !== 'number') throw new MissingField(`${at(path, keys[0])} is not a string`);
  return String(v);
}

export function optStr(o: Obj, ...keys: string[]): string | undefined {
  const v = pick(o, ...keys);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function optNum(o: Obj, ...keys: string[]): number | undefined {
  const v = pick(o, ...keys);
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A timestamp as an ISO string: accepts strings and proto `{seconds, nanos}`. */
export function optTime(o: Obj, ...keys: string[]): string | undefined {
  const v = pick(o, ...keys);
  if (typeof v === 'string') return v;
  if (isObj(v) && v.seconds !== undefined) {
    const ms = Number(v.seconds) * 1000 + Math.floor(Number(v.nanos ?? 0) / 1e6);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  return undefined;
}

/** A duration as text: strings pass through, proto `{seconds, nanos}` becomes `12.5s`. */
export function optDuration(o: Obj, ...keys: string[]): string | undefined {
  const v = pick(o, ...keys);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return `${v}s`;
  if (isObj(v) && v.seconds !== undefined) return `${Number(v.seconds) + Number(v.nanos ?? 0) / 1e9}s`;
  return undefined;
}

/** A list that may be a bare array or wrapped (`{jobs: [...]}`); undefined when absent. */
export function optList(v: unknown, path: string, ...keys: string[]): { items: unknown[]; path: string } | undefined {
  if (Array.isArray(v)) return { items: v, path };
  if (!isObj(v)) return undefined;
  for (const k of keys) {
    const inner = v[k];
    if (Array.isArray(inner)) return { items: inner, path: at(path, k) };
  }
  return undefined;
}

/** Like optList, but absence is an error. `null` is an empty list: a Go CLI marshals an empty slice as null. */
export function reqList(v: unknown, path: string, ...keys: string[]): { items: unknown[]; path: string } {
  const list = optList(v, path, ...keys);
  if (list) return list;
  if (v === null) return { items: [], path };
  const nullKey = isObj(v) ? keys.find((k) => v[k] === null) : undefined;
  if (nullKey !== undefined) return { items: [], path: at(path, nullKey) };
  throw new MissingField(`${at(path, keys[0] ?? '')} missing (expected a list)`);
}

/** A list page's `next_cursor`, when there is a next page. */
export function pageCursor(j: unknown): string | undefined {
  if (!isObj(j)) return undefined;
  const c = optStr(j, 'next_cursor', 'nextCursor');
  return c ? c : undefined;
}
