// How the selection walk sees a folder: the names and kinds of its entries, and (when the
// project index holds it) each file's last known stat. Read from disk by the headless CLI and
// the first walk; answered from memory by the language server's index afterwards.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { byteOrder } from '../shared/byteOrder';

/** Entry kinds, one byte each. */
export const Kind = { File: 1, Dir: 2, Link: 3, Fifo: 4, Socket: 5, Device: 6, Other: 7 } as const;

export interface Listing {
  names: string[];
  kinds: Uint8Array;
  /** Per entry, NaN while unknown; absent on a plain disk listing (nothing is remembered). */
  sizes?: Float64Array;
  modes?: Float64Array;
  mtimes?: Float64Array;
  /** Bumped by every event inside this folder: a stat asked for before it must not be remembered. */
  changes?: number;
}

export interface KnownStat {
  size: number;
  mode: number;
  mtimeMs: number;
}

/** Where the walk lists folders and reads `.gitignore` files. */
export interface TreeSource {
  /** Throws as `readdirSync` does. */
  list(absDir: string): Listing;
  /** The folder's `.gitignore` text; '' when there is none or it cannot be read (git ignores nothing then). */
  ignoreText(absDir: string): string;
}

export function kindOf(entry: fs.Dirent): number {
  if (entry.isFile()) return Kind.File;
  if (entry.isDirectory()) return Kind.Dir;
  if (entry.isSymbolicLink()) return Kind.Link;
  if (entry.isFIFO()) return Kind.Fifo;
  if (entry.isSocket()) return Kind.Socket;
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return Kind.Device;
  return Kind.Other;
}

/**
 * The entries in the order their paths sort in (byte order, a folder taken as `name/`, since its files' paths go on
 * with a `/`): a walk that visits them so, descending into each folder where it comes, meets files in the order of
 * their whole paths. Undefined when the listing is in that order already (the project index sorts its listings).
 */
export function pathOrder({ names, kinds }: Listing): number[] | undefined {
  const key = (i: number) => (kinds[i] === Kind.Dir ? `${names[i]}/` : names[i]);
  let sorted = true;
  for (let i = 1; i < names.length && sorted; i++) sorted = byteOrder(key(i - 1), key(i)) < 0;
  if (sorted) return undefined;
  const keys = names.map((_, i) => key(i));
  return names.map((_, i) => i).sort((a, b) => byteOrder(keys[a], keys[b]));
}

export function readListing(absDir: string): Listing {
  const entries = fs.readdirSync(absDir, { withFileTypes: true });
  const kinds = new Uint8Array(entries.length);
  const names = entries.map((e, i) => {
    kinds[i] = kindOf(e);
    return e.name;
  });
  return { names, kinds };
}

export function readIgnoreText(absDir: string): string {
  try {
    return fs.readFileSync(path.join(absDir, '.gitignore'), 'utf8');
  } catch {
    return ''; // An unreadable .gitignore ignores nothing, as in git (and a missing one is no file).
  }
}

/** The file system itself: what the headless CLI and a full re-walk use. */
export const DISK: TreeSource = { list: readListing, ignoreText: readIgnoreText };

export function specialKind(kind: number): string {
  if (kind === Kind.Fifo) return 'a named pipe (FIFO)';
  if (kind === Kind.Socket) return 'a socket';
  if (kind === Kind.Device) return 'a device';
  return 'not a regular file';
}
