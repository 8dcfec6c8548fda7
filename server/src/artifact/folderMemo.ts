// What the selection remembers about one folder of the project index between walks, so that a
// re-selection from memory costs a few array reads per file instead of string building, glob
// and git-rule tests and a new object: each entry's root-relative path, whether each pattern
// matched it (by pattern, so an include change tests only the new pattern), git's verdict under
// the rules in force (by a token naming those rules), and the SelectedFile last made for it.
// It lives on the index's folder: a folder listed again (an entry created or deleted) starts a new one.
import type { Glob } from './glob';
import { type Listing, pathOrder } from './listing';
import type { SelectedFile } from './selectionTypes';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;
/** Patterns remembered per folder: enough for a few configs and an undo or two, bounded for a pattern typed letter by letter. */
const MAX_GLOBS = 16;
/** Walks remembered per folder (one per selection config): as many as the selections the language server keeps. */
const WALKS_KEPT = 3;
/** Not yet asked under the current git token (undefined means "not ignored"). */
export const UNASKED = null;
export type GitAnswers = (string | undefined | null)[];

/** `glob.matches(rel)` for entry `i`, from `bits` (a `globBits` array) once asked. */
export function remembered(bits: Uint8Array, i: number, glob: Glob, rel: string): boolean {
  let known = bits[i];
  if (known === UNKNOWN) {
    known = glob.matches(rel) ? YES : NO;
    bits[i] = known;
  }
  return known === YES;
}

export class FolderMemo {
  private readonly rels: (string | undefined)[];
  private readonly globs = new Map<Glob, Uint8Array>();
  private gitToken = '';
  private git: GitAnswers = [];
  private oddNames: boolean | undefined;
  private readonly files: (SelectedFile | undefined)[];
  private readonly modes: Float64Array;
  private order: number[] | undefined | null = null;
  /**
   * The walk keys and index stamps of the last walks of this folder's whole subtree that nothing varied in (see
   * `recordWalk`), newest first: a few, so an include edit and back finds the walk under the first pattern.
   */
  private walked: { key: string; stamp: number }[] = [];

  constructor(
    readonly abs: string,
    readonly rel: string,
    private readonly size: number,
  ) {
    this.rels = new Array(size);
    this.files = new Array(size);
    this.modes = new Float64Array(size);
  }

  /**
   * The memo for this folder listed again (an entry created or deleted), with what it knew of each file still there:
   * a file event keeps the other files' objects, so what is derived from them downstream is kept too. Both listings
   * are the project index's, sorted by name.
   */
  relisted(now: Listing, before: Listing): FolderMemo {
    const memo = new FolderMemo(this.abs, this.rel, now.names.length);
    for (let i = 0, j = 0; i < now.names.length && j < before.names.length; ) {
      const a = now.names[i];
      const b = before.names[j];
      if (a === b && now.kinds[i] === before.kinds[j]) {
        memo.rels[i] = this.rels[j];
        memo.files[i] = this.files[j];
        memo.modes[i] = this.modes[j];
      }
      if (a <= b) i++;
      if (b <= a) j++;
    }
    return memo;
  }

  /** `pathOrder` of the listing this memo belongs to, worked out once. */
  pathOrder(listing: Listing): number[] | undefined {
    if (this.order === null) this.order = pathOrder(listing);
    return this.order;
  }

  /** The entry's path from the walk root (one string per entry, made once). */
  relOf(i: number, name: string): string {
    let rel = this.rels[i];
    if (rel === undefined) {
      rel = this.rel ? `${this.rel}/${name}` : name;
      this.rels[i] = rel;
    }
    return rel;
  }

  /** Per entry, whether `glob` matches it (`remembered` asks it once): a walk takes these once per folder and pattern. */
  globBits(glob: Glob): Uint8Array {
    let bits = this.globs.get(glob);
    if (!bits) {
      if (this.globs.size >= MAX_GLOBS) this.globs.delete(this.globs.keys().next().value!);
      bits = new Uint8Array(this.size);
      this.globs.set(glob, bits);
    }
    return bits;
  }

  /** Per entry, why git ignores it under the rules `token` names (undefined: it does not; UNASKED: not known yet). */
  gitAnswers(token: string): GitAnswers {
    if (token !== this.gitToken) {
      this.gitToken = token;
      this.git = new Array(this.size).fill(UNASKED);
    }
    return this.git;
  }

  /** Some entry's name is not valid UTF-8 (Node gives it with U+FFFD): only then are raw names read. */
  hasOddNames(listing: Listing): boolean {
    this.oddNames ??= listing.names.some((name) => name.includes('\uFFFD'));
    return this.oddNames;
  }

  /**
   * The file made for this entry, when the index knows its stat and it is the one the file was made from. Not for a
   * file others may not read: whether this process can read it is asked again.
   */
  current(i: number, listing: Listing): SelectedFile | undefined {
    const f = this.files[i];
    if (!f || !listing.sizes) return undefined;
    const mode = listing.modes![i];
    return f.size === listing.sizes[i] && f.mtimeMs === listing.mtimes![i] && this.modes[i] === mode && (mode & 0o004) !== 0
      ? f
      : undefined;
  }

  /**
   * The walk under `key` (the config and the git rules in force here) saw this subtree at index stamp `stamp` and met
   * nothing that can differ between two walks of the same tree (a stat not yet known, a link, a file others may not
   * read): until an event touches the subtree, a walk under the same key makes the same entries.
   */
  recordWalk(key: string, stamp: number): void {
    const others = this.walked.filter((w) => w.key !== key);
    this.walked = [{ key, stamp }, ...others.slice(0, WALKS_KEPT - 1)];
  }

  /** The index stamp `recordWalk` noted for `key`, or undefined. */
  walkedUnder(key: string): number | undefined {
    return this.walked.find((w) => w.key === key)?.stamp;
  }

  keep(i: number, file: SelectedFile, mode: number): void {
    this.files[i] = file;
    this.modes[i] = mode;
  }
}
