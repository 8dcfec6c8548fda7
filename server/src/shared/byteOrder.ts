// The order of file lists everywhere (selections, previews, archives): that of the paths' UTF-8 bytes, as git and
// `LC_ALL=C sort` give it. Shared because the client merges preview patches in the same order the server sorted.

/**
 * Byte order of the UTF-8 encodings (what `git ls-files` and `LC_ALL=C sort` give), without
 * encoding: UTF-8 order is code point order, and UTF-16 code units only disagree with it where
 * surrogates (code points above U+FFFF) meet U+E000..U+FFFF, which `unitRank` reorders.
 */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

function unitRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

/**
 * Walks two lists sorted by `byteOrder` of `key` in step, calling `visit` once per key in either list with the item
 * of each side (undefined on the side without it); items identical on both sides are skipped. `visit` returning
 * false stops the walk (and the function then returns false).
 */
export function mergeByKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  visit: (was: T | undefined, now: T | undefined) => boolean | undefined | void,
): boolean {
  for (let i = 0, j = 0; i < before.length || j < after.length; ) {
    const b = before[i];
    const a = after[j];
    // A list that kept an item usually kept the very object: no key comparison needed.
    if (b === a) {
      i++;
      j++;
      continue;
    }
    const order = j >= after.length ? -1 : i >= before.length ? 1 : key(b) === key(a) ? 0 : byteOrder(key(b), key(a));
    const was = order <= 0 ? before[i++] : undefined;
    const now = order >= 0 ? after[j++] : undefined;
    if (visit(was, now) === false) return false;
  }
  return true;
}
