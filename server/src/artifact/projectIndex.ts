// The language server's in-memory picture of the project trees it has walked: per folder, the
// entry names and kinds, each file's last stat, and its `.gitignore` text. Paths are stored as
// one key per folder plus bare names (a folder-prefix trie), not one string per file. File
// events (`workspace/didChangeWatchedFiles`, the server's one source of change) mark what they
// touch; the next selection re-reads only that: one folder listing, one stat, one `.gitignore`.
import * as path from 'node:path';
import { FolderMemo } from './folderMemo';
import { type KnownStat, type Listing, type TreeSource, Kind, readIgnoreText, readListing } from './listing';

interface Folder extends Listing {
  sizes: Float64Array;
  modes: Float64Array;
  mtimes: Float64Array;
  changes: number;
  /** Listed again on next use: an entry was created or deleted here. */
  stale: boolean;
  /** The `.gitignore` text once read; undefined until then or after it changed. */
  ignore?: string;
  /** Which read of the `.gitignore` `ignore` holds (a new number after every change): part of the selection's git token. */
  ignoreRead?: number;
  /** What the last selection walks learnt here (folderMemo.ts). */
  memo?: FolderMemo;
  /** The index stamp of the last event here or anywhere below. */
  touched: number;
}

export type ChangeKind = 'created' | 'changed' | 'deleted';

export class ProjectIndex implements TreeSource {
  private readonly folders = new Map<string, Folder>();
  /** Bumped by every event: a selection computed at an older generation may be stale. */
  generation = 0;
  private ignoreReads = 0;
  /** Bumped by every event that changes what is known in a listed folder; folders remember the last (`touched`). */
  private stamp = 0;

  list(absDir: string): Listing {
    const known = this.folders.get(absDir);
    if (known && !known.stale) return known;
    const fresh = toFolder(readListing(absDir), known, this.stamp);
    if (known?.memo) fresh.memo = known.memo.relisted(fresh, known);
    this.folders.set(absDir, fresh);
    // A subfolder gone or replaced by a file: what was known below it is gone too.
    known?.names.forEach((name, i) => {
      if (known.kinds[i] === Kind.Dir && fresh.kinds[find(fresh.names, name)] !== Kind.Dir) this.forget(path.join(absDir, name));
    });
    return fresh;
  }

  ignoreText(absDir: string): string {
    const folder = this.folders.get(absDir);
    if (!folder) return readIgnoreText(absDir);
    if (folder.ignore === undefined) {
      folder.ignore = readIgnoreText(absDir);
      folder.ignoreRead = ++this.ignoreReads;
    }
    return folder.ignore;
  }

  /** Names the `.gitignore` text `ignoreText` answered for a listed folder (equal stamps, equal texts); undefined when it did not. */
  ignoreStamp(absDir: string): string | undefined {
    const read = this.folders.get(absDir)?.ignoreRead;
    return read === undefined ? undefined : String(read);
  }

  /** The selection's memo of a listing this index gave out, for the walk that sees it at `abs` as `rel`. */
  memo(listing: Listing, abs: string, rel: string): FolderMemo | undefined {
    const folder = this.folders.get(abs);
    if (folder !== listing) return undefined;
    if (!folder.memo || folder.memo.rel !== rel || folder.memo.abs !== abs) folder.memo = new FolderMemo(abs, rel, folder.names.length);
    return folder.memo;
  }

  /** The index's clock: a walk notes it when it lists a folder. */
  now(): number {
    return this.stamp;
  }

  /** No event touched the folder `listing` is, or anything below it, after stamp `since`. */
  unchangedSince(listing: Listing, absDir: string, since: number): boolean {
    const folder = this.folders.get(absDir);
    return folder === listing && folder.touched <= since;
  }

  /** Notes an event in `absDir` on it and on every folder above it: none of their subtrees is as it was. */
  private touch(absDir: string): void {
    const stamp = ++this.stamp;
    for (let dir = absDir, up = path.dirname(dir); ; dir = up, up = path.dirname(dir)) {
      const folder = this.folders.get(dir);
      if (folder) folder.touched = stamp;
      if (up === dir) return;
    }
  }

  /** Remembers a stat the walk made, unless an event touched the folder since the walk listed it. */
  remember(listing: Listing, index: number, changesWhenListed: number, stat: KnownStat): void {
    if (!listing.sizes || listing.changes !== changesWhenListed) return;
    listing.sizes[index] = stat.size;
    listing.modes![index] = stat.mode;
    listing.mtimes![index] = stat.mtimeMs;
  }

  /** One file event. Cheap (a map lookup, a binary search): a 10,000-event storm costs milliseconds. */
  changed(fsPath: string, kind: ChangeKind): void {
    const abs = path.resolve(fsPath);
    const name = path.basename(abs);
    // Ignore files above a root and `.git` itself are read fresh by every walk: they only need the memo dropped.
    if (name === '.gitignore' || name === '.git' || abs.endsWith(`${path.sep}.git${path.sep}info${path.sep}exclude`)) this.generation++;
    // A folder created, deleted or renamed: everything known below it goes (VS Code reports the folder, not each file).
    if (kind !== 'changed' && this.folders.has(abs)) this.forget(abs);
    const parent = this.folders.get(path.dirname(abs));
    if (!parent) {
      this.belowUnlisted(abs);
      return;
    }
    this.generation++;
    parent.changes++;
    this.touch(path.dirname(abs));
    const at = find(parent.names, name);
    if (at >= 0) parent.sizes[at] = NaN;
    if (kind !== 'changed') parent.stale = true;
    if (name === '.gitignore') {
      parent.ignore = undefined;
      parent.ignoreRead = undefined;
    }
  }

  /**
   * An event in a folder never listed. Either the folder was pruned (an ignored .venv: nothing any selection depends
   * on) or it is new and its own event has not come (a watcher may report only the file): then the nearest listed
   * folder above it lists again.
   */
  private belowUnlisted(abs: string): void {
    for (let child = abs, dir = path.dirname(abs); dir !== child; child = dir, dir = path.dirname(dir)) {
      const folder = this.folders.get(dir);
      if (!folder) continue;
      const at = find(folder.names, path.basename(child));
      if (at < 0 || folder.kinds[at] !== Kind.Dir) {
        folder.stale = true;
        folder.changes++;
        this.generation++;
        this.touch(dir);
      }
      return;
    }
  }

  /** Drops a folder and everything below it (the refresh command, a deleted folder). */
  forget(absDir: string): void {
    this.generation++;
    const prefix = absDir.endsWith(path.sep) ? absDir : absDir + path.sep;
    for (const key of this.folders.keys()) if (key === absDir || key.startsWith(prefix)) this.folders.delete(key);
    this.touch(path.dirname(absDir));
  }

  /** Folders and file entries held (for the benchmark and tests). */
  size(): { folders: number; entries: number } {
    let entries = 0;
    for (const f of this.folders.values()) entries += f.names.length;
    return { folders: this.folders.size, entries };
  }
}

/** Names sorted (binary search on events), stats carried over from the previous listing where the entry is the same kind. */
function toFolder(listing: Listing, previous: Folder | undefined, stamp: number): Folder {
  const order = listing.names
    .map((_, i) => i)
    .sort((a, b) => (listing.names[a] < listing.names[b] ? -1 : listing.names[a] > listing.names[b] ? 1 : 0));
  const n = order.length;
  const folder: Folder = {
    names: order.map((i) => listing.names[i]),
    kinds: Uint8Array.from(order, (i) => listing.kinds[i]),
    sizes: new Float64Array(n).fill(NaN),
    modes: new Float64Array(n),
    mtimes: new Float64Array(n),
    changes: (previous?.changes ?? 0) + 1,
    stale: false,
    ignore: previous?.ignore,
    ignoreRead: previous?.ignoreRead,
    touched: stamp,
  };
  if (previous) {
    for (let i = 0; i < n; i++) {
      const was = find(previous.names, folder.names[i]);
      if (was < 0 || previous.kinds[was] !== folder.kinds[i] || folder.kinds[i] !== Kind.File) continue;
      folder.sizes[i] = previous.sizes[was];
      folder.modes[i] = previous.modes[was];
      folder.mtimes[i] = previous.mtimes[was];
    }
  }
  return folder;
}

function find(sorted: string[], name: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === name) return mid;
    if (v < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
