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
