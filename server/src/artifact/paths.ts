// Path rules shared by the selection and the archive: byte-order sorting, build temp names, errors.
import * as path from 'node:path';
import { byteOrder } from '../shared/byteOrder';

export { byteOrder };

/**
 * Sorts in place by `path`, in `byteOrder`. When no path holds a code unit from U+D800 up
 * (the usual case), plain `<` on the strings already gives that order, and it sorts a large
 * selection about 3x faster than calling `byteOrder` per comparison.
 */
export function sortByPath<T extends { path: string }>(items: T[]): T[] {
  // A walk of the project index lists folders in name order: its files mostly arrive sorted already.
  if (inByteOrder(items)) return items;
  const plain = items.every((item) => !HIGH_UNIT.test(item.path));
  return items.sort(plain ? (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : (a, b) => byteOrder(a.path, b.path));
}

/** The first index in `lo`..`hi` where `past` holds (`hi` if none), for a `past` that holds from some index to the end. */
export function firstAt<T extends { path: string }>(
  items: readonly T[],
  lo: number,
  past: (path: string) => boolean,
  hi = items.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(items[mid].path)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function inByteOrder(items: { path: string }[]): boolean {
  for (let i = 1; i < items.length; i++) if (byteOrder(items[i - 1].path, items[i].path) > 0) return false;
  return true;
}
/** Code units at or above U+D800: surrogates and U+E000..U+FFFF, where UTF-16 and UTF-8 orders may differ. */
const HIGH_UNIT = /[\ud800-\uffff]/;

/** The config asks for paths outside the workflow root, or a root that is not there. */
export class UnsafeConfigError extends Error {
  override name = 'UnsafeConfigError';
}

/** Where a build writes `target` first: `.<name>.<12 hex>.tmp` next to it, renamed at the end. */
export function buildTempPath(target: string, random: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${random}.tmp`);
}

/** A file name `buildTempPath` makes (left behind when a build is killed). */
export function isBuildTempName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/** A file-system error as a short phrase for messages that already name the path. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    ENOSPC: 'no space left on device',
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a file',
    EROFS: 'read-only file system',
    EDQUOT: 'disk quota exceeded',
  };
  if (code && known[code]) return known[code];
  return error instanceof Error ? error.message : String(error);
}
