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
/** Not yet asked under the current git token (undefined means "not ignored"). */
const UNASKED = null;

export class FolderMemo {
  private readonly rels: (string | undefined)[];
  private readonly globs = new Map<Glob, Uint8Array>();
  private gitToken = '';
  private git: (string | undefined | null)[] = [];
  private readonly files: (SelectedFile | undefined)[];
  private readonly modes: Float64Array;
  private order: number[] | undefined | null = null;

  constructor(
    readonly abs: string,
    readonly rel: string,
    private readonly size: number,
  ) {
    this.rels = new Array(size);
    this.files = new Array(size);
    this.modes = new Float64Array(size);
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

  /** `glob.matches` of the entry, asked once per pattern. */
  matches(glob: Glob, i: number, rel: string): boolean {
    let bits = this.globs.get(glob);
    if (!bits) {
      if (this.globs.size >= MAX_GLOBS) this.globs.delete(this.globs.keys().next().value!);
      bits = new Uint8Array(this.size);
      this.globs.set(glob, bits);
    }
    if (bits[i] === UNKNOWN) bits[i] = glob.matches(rel) ? YES : NO;
    return bits[i] === YES;
  }

  /** Why git ignores the entry under the rules `token` names; `ask` only when not known for that token. */
  gitReason(token: string, i: number, ask: () => string | undefined): string | undefined {
    if (token !== this.gitToken) {
      this.gitToken = token;
      this.git = new Array(this.size).fill(UNASKED);
    }
    let reason = this.git[i];
    if (reason === UNASKED) {
      reason = ask();
      this.git[i] = reason;
    }
    return reason;
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

  keep(i: number, file: SelectedFile, mode: number): void {
    this.files[i] = file;
    this.modes[i] = mode;
  }
}
