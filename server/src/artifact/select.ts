// Which files go into the release artifact, and why each other candidate stays out.
// One walk of the workflow root: folders no include can reach, folders an exclude pattern or
// git ignores whole, and every `.git` are pruned, never read (an ignored 60,000-file `.venv`
// costs one directory entry).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SelectionConfig } from '../config/types';
import { FileSizes, type StatAnswer, type StatRequest } from './fileSizes';
import { escapeName, nonUtf8Names } from './rawNames';
import type { ExcludedCandidate, SelectedFile, Selection, SelectionProblem } from './selectionTypes';
import { DISK, Kind, pathOrder, specialKind, type Listing, type TreeSource } from './listing';
import { type FolderMemo, type GitAnswers, UNASKED } from './folderMemo';
import type { ProjectIndex } from './projectIndex';
import { findRepository, loadOuterRules } from './gitignore';
import { unsafePathReason } from './glob';
import { UnsafeConfigError, byteOrder, describe, firstAt, sortByPath } from './paths';
import { SelectionRules } from './selectionRules';
import { gateRoot } from './rootGate';

/** Past this many files stat'ed late (a first walk), one merge pass costs less than moving the list up once per file. */
const SPLICE_AT_MOST = 32;

/** A folder being walked: where it is, what is known of it, and the next entry (in path order) to look at. */
interface Frame {
  abs: string;
  rel: string;
  listing: Listing;
  memo: FolderMemo | undefined;
  /** The git rules in force here, named (undefined: not nameable, nothing remembered by them). */
  token: string | undefined;
  /** Some include takes everything below. */
  allIn: boolean;
  /** From the memo: per include and exclude pattern, what each entry gave (FolderMemo.globBits); git's answers under `token`. */
  inc: Uint8Array[] | undefined;
  exc: Uint8Array[] | undefined;
  git: GitAnswers | undefined;
  /** Some name here is not UTF-8. */
  odd: boolean;
  order: number[] | undefined;
  next: number;
  nonUtf8?: Map<string, Buffer[]>;
  /** The walk key here (undefined without a memo) and the index stamp when the folder was listed: what `recordWalk` notes. */
  key: string | undefined;
  stamp: number;
  /** `Walk.volatile` when the folder was opened: unchanged at its end, nothing in the subtree varies between walks. */
  volatileAt: number;
}

export { UnsafeConfigError, escapeName };

export type { ExcludedCandidate, SelectedFile, Selection, SelectionProblem } from './selectionTypes';

export interface SelectOptions {
  /**
   * Why the process cannot read this file (an errno error), or undefined when it can. Asked only
   * for files whose mode denies reading to others; tests replace it (they may run as root).
   */
  readError?: (absPath: string) => unknown;
  /** The language server's project index: folders and stats come from memory where it holds them. Default: the disk. */
  index?: ProjectIndex;
  /**
   * The last selection made from `index` for this config: a subfolder no event touched since a walk under the same
   * rules takes its entries from it, not walked again (a file event in a 100,000-file tree walks only its own branch).
   */
  previous?: Selection;
}

/**
 * The walk key each selection made from the index was made under (`previous` counts only under the same key), and the
 * index stamp when that walk began: a subfolder touched after it may hold something else in that selection.
 */
const walkKeys = new WeakMap<Selection, { key: string; start: number }>();

export async function selectArtifactFiles(configDir: string, config: SelectionConfig, options: SelectOptions = {}): Promise<Selection> {
  for (const [kind, list] of [
    ['include', config.include],
    ['exclude', config.exclude],
  ] as const) {
    for (const pattern of list) {
      const reason = unsafePathReason(pattern);
      if (reason) throw new UnsafeConfigError(`${kind} pattern "${pattern}" ${reason}`);
    }
  }
  const gate = gateRoot(configDir, config.root);
  if (!gate.ok) throw new UnsafeConfigError(gate.reason);
  const { rootAbs, root: rootReal } = gate;
  const { index, previous } = options;
  const key = `${rootAbs}\0${JSON.stringify(config)}\0`;
  const made = previous && walkKeys.get(previous);
  const reusable = index && made?.key === key ? { selection: previous!, start: made.start } : undefined;
  const start = index?.now() ?? 0;
  const walk = new Walk(rootAbs, rootReal, config, options.readError ?? readError, index, key, reusable);
  if (config.useGitignore) {
    const repo = findRepository(rootAbs);
    if (repo) {
      const { rules } = walk;
      loadOuterRules(rules.git, repo, rootAbs);
      rules.basePrefix = path.relative(repo.root, rootAbs).split(path.sep).filter(Boolean).join('/');
      // A root inside a folder git ignores: everything in it is ignored for that reason.
      if (rules.basePrefix) rules.rootIgnored = rules.git.reasonIgnored(rules.basePrefix, true);
    }
  }
  await walk.run();
  const files = walk.sortedFiles();
  const selection = {
    root: rootAbs,
    files,
    excluded: sortByPath(walk.excluded),
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    problems: sortByPath(walk.problems),
  };
  if (index) walkKeys.set(selection, { key, start });
  return selection;
}

/** Where the items of `items` (sorted by `byteOrder` of path) whose path starts with `prefix` are: one block, two binary searches. */
function rangeBelow<T extends { path: string }>(items: readonly T[], prefix: string): { lo: number; hi: number } {
  const lo = firstAt(items, 0, (p) => byteOrder(p, prefix) >= 0);
  return { lo, hi: firstAt(items, lo, (p) => !p.startsWith(prefix)) };
}

/** Appends the items of `from` whose path starts with `prefix` (see rangeBelow). */
function copyBelow<T extends { path: string }>(from: T[], prefix: string, to: T[]): void {
  const { lo, hi } = rangeBelow(from, prefix);
  for (let k = lo; k < hi; k++) to.push(from[k]);
}

/**
 * Moves `late` (sorted) into `files`, whose last `late.length` slots are free and the rest sorted: from the end, each
 * block of files after a late one moves up once (a new file in a 100,000-file list, without a second array).
 */
function insertInOrder<T extends { path: string }>(files: T[], late: T[]): void {
  let kept = files.length - late.length;
  for (let k = late.length - 1; k >= 0; k--) {
    const f = late[k];
    const lo = firstAt(files, 0, (p) => byteOrder(p, f.path) > 0, kept);
    for (let j = kept - 1; j >= lo; j--) files[j + k + 1] = files[j];
    files[lo + k] = f;
    kept = lo;
  }
}

/** A run of the selection being made: files met by the walk, or a range of the last selection's files. */
type Part<T> = T[] | { from: readonly T[]; lo: number; hi: number };

/**
 * One array of the parts in order, allocated once at its length: lists of 100,000 files live in V8's large-object
 * space, which only a full collection frees, so each per-part slice a file event made grew the heap between them.
 */
function joinParts<T>(parts: Part<T>[], room = 0): T[] {
  let length = room;
  for (const part of parts) length += Array.isArray(part) ? part.length : part.hi - part.lo;
  const joined = new Array<T>(length);
  let at = 0;
  for (const part of parts) {
    if (Array.isArray(part)) for (let k = 0; k < part.length; k++) joined[at++] = part[k];
    else for (let k = part.lo; k < part.hi; k++) joined[at++] = part.from[k];
  }
  return joined;
}

class Walk {
  readonly rules: SelectionRules;
  /** Files met in the order of their paths: those whose stat was known when the walk reached them. */
  private files: SelectedFile[] = [];
  /** Earlier parts of `files`, when subfolders were taken from the last selection (joined once, at the end). */
  private readonly parts: Part<SelectedFile>[] = [];
  /** The last selection's files `reuse` took and not yet added to `parts`: adjacent subfolders make one slice. */
  private taken = { lo: 0, hi: 0 };
  /** Files whose stat came later (from the disk, maybe from a helper thread), in no particular order. */
  private readonly late: SelectedFile[] = [];
  readonly excluded: ExcludedCandidate[] = [];
  readonly problems: SelectionProblem[] = [];
  private readonly sizes = new FileSizes((request, stat) => this.sized(request, stat, this.late));
  private readonly source: TreeSource;
  /** Bumped by whatever can differ between two walks of an unchanged tree (see `Frame.volatileAt`). */
  private volatile = 0;

  constructor(
    private readonly rootAbs: string,
    private readonly rootReal: string,
    private readonly config: SelectionConfig,
    private readonly readError: (absPath: string) => unknown,
    private readonly index?: ProjectIndex,
    private readonly key = '',
    private readonly previous?: { selection: Selection; start: number },
  ) {
    this.source = index ?? DISK;
    this.rules = new SelectionRules(config, this.source);
  }

  /**
   * Depth-first in path order, over an explicit stack with synchronous calls: per-call promise overhead was 10x the
   * work itself on big trees. Yields to the event loop now and then so a language server stays responsive while a
   * large tree is walked.
   */
  async run(): Promise<void> {
    const stack: Frame[] = [];
    const root = this.open(this.rootAbs, '', this.rules.gitBase(this.rootAbs), false);
    if (root) stack.push(root);
    let sinceYield = 0;
    try {
      while (stack.length > 0) {
        sinceYield += this.step(stack);
        if (sinceYield > 2000) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      this.sizes.dispose();
      throw error;
    }
    await this.sizes.finish();
  }

  /** The selected files in byte order of path: the walk met most in that order, the few stat'ed later are merged in. */
  sortedFiles(): SelectedFile[] {
    this.takeFromPrevious(0, 0);
    const { late } = this;
    // A file event's new file or two: one array, the new ones moved in from the end (no 100,000-entry copy).
    const few = late.length <= SPLICE_AT_MOST;
    const files = this.parts.length === 0 ? this.files : joinParts([...this.parts, this.files], few ? late.length : 0);
    if (late.length === 0) return files;
    sortByPath(late);
    if (few) {
      if (this.parts.length === 0) files.length += late.length;
      insertInOrder(files, late);
      return files;
    }
    if (files.length === 0) return late;
    const merged: SelectedFile[] = [];
    let from = 0;
    for (const f of late) {
      const at = firstAt(files, from, (p) => byteOrder(p, f.path) > 0);
      for (let k = from; k < at; k++) merged.push(files[k]);
      merged.push(f);
      from = at;
    }
    for (let k = from; k < files.length; k++) merged.push(files[k]);
    return merged;
  }

  /** Lists a folder and works out what holds for all of it; undefined (a problem noted) when it cannot be listed. */
  private open(abs: string, rel: string, parentToken: string, parentAllIn: boolean): Frame | undefined {
    let listing: Listing;
    try {
      listing = this.source.list(abs);
    } catch (error) {
      this.volatile++;
      const shown = rel ? `${rel}/` : '.';
      this.problems.push({ path: shown, message: `cannot list folder ${shown}: ${describe(error)}` });
      return undefined;
    }
    const { names, kinds } = listing;
    const ignoreAt = names.indexOf('.gitignore');
    const hasIgnore = this.config.useGitignore && ignoreAt >= 0 && kinds[ignoreAt] !== Kind.Dir;
    if (hasIgnore) this.rules.loadIgnoreFile(abs, rel);
    const memo = this.index?.memo(listing, abs, rel);
    // The git rules that apply here: those of every folder on the way down, each named by which read of it they are.
    const token = memo && `${parentToken}/${hasIgnore ? (this.index!.ignoreStamp(abs) ?? SelectionRules.unique()) : '-'}`;
    // Some include pattern takes everything below (`src/**` from src/ on): no file here needs testing against them.
    const allIn = parentAllIn || (rel !== '' && this.rules.includes.some((g) => g.coversAllBelow(rel)));
    const key = memo && this.key + token;
    const stamp = this.index?.now() ?? 0;
    if (key && rel !== '' && this.previous && this.reuse(memo, key, listing, abs, rel)) return undefined;
    const order = memo ? memo.pathOrder(listing) : pathOrder(listing);
    const { includes, excludes } = this.rules;
    return {
      abs,
      rel,
      listing,
      memo,
      token,
      allIn,
      inc: memo && includes.map((g) => memo.globBits(g)),
      exc: memo && excludes.map((g) => memo.globBits(g)),
      git: memo && token ? memo.gitAnswers(token) : undefined,
      odd: memo ? memo.hasOddNames(listing) : names.some((name) => name.includes('\uFFFD')),
      order,
      next: 0,
      key,
      stamp,
      volatileAt: this.volatile,
    };
  }

  /**
   * Adds the last selection's files `lo`..`hi` after those met so far, as a range copied once at the end (a 100,000-file
   * selection is mostly taken so on a file event); adjacent ranges join, and `hi` 0 ends the one being gathered.
   */
  private takeFromPrevious(lo: number, hi: number): void {
    const { taken } = this;
    if (lo === taken.hi && hi > lo && this.files.length === 0) {
      taken.hi = hi;
      return;
    }
    if (taken.hi > taken.lo) this.parts.push({ from: this.previous!.selection.files, lo: taken.lo, hi: taken.hi });
    if (this.files.length > 0) {
      this.parts.push(this.files);
      this.files = [];
    }
    this.taken = { lo, hi };
  }

  /**
   * A subfolder untouched since a walk under the same rules found nothing in it that can vary (its memo's record), and
   * since the last selection's walk began (so that selection holds what it holds now): its entries as they are there.
   */
  private reuse(memo: FolderMemo, key: string, listing: Listing, abs: string, rel: string): boolean {
    const since = memo.walkedUnder(key);
    const previous = this.previous!;
    if (since === undefined || !this.index!.unchangedSince(listing, abs, Math.min(since, previous.start))) return false;
    const prefix = `${rel}/`;
    const { files, excluded, problems } = previous.selection;
    const { lo, hi } = rangeBelow(files, prefix);
    this.takeFromPrevious(lo, hi);
    copyBelow(excluded, prefix, this.excluded);
    copyBelow(problems, prefix, this.problems);
    return true;
  }

  /**
   * Goes on through the folder on top of the stack up to the next subfolder to walk, which goes on top (so its files
   * come before the folder's later entries); pops the folder when done. Returns how many entries it looked at.
   */
  private step(stack: Frame[]): number {
    const frame = stack[stack.length - 1];
    const { abs, rel, listing, memo, token, allIn, order, inc, exc, git, odd } = frame;
    const { names, kinds } = listing;
    const changes = listing.changes ?? 0;
    const from = frame.next;
    while (frame.next < names.length) {
      const i = order ? order[frame.next] : frame.next;
      frame.next++;
      const name = names[i];
      const kind = kinds[i];
      if (name === '.git') continue;
      const childRel = memo ? memo.relOf(i, name) : rel ? `${rel}/${name}` : name;
      // Node decodes names as UTF-8, so a name that is not UTF-8 comes back with U+FFFD in it
      // and cannot be opened by that name. Rare: only then are the raw names read.
      if (odd && name.includes('\uFFFD')) {
        const raw = (frame.nonUtf8 ??= nonUtf8Names(abs)).get(name)?.shift();
        if (raw) {
          this.nonUtf8Entry(kind === Kind.Dir, childRel, rel ? `${rel}/${escapeName(raw)}` : escapeName(raw));
          continue;
        }
      }
      if (kind === Kind.Dir) {
        if (!allIn && !this.rules.reachable(childRel)) continue;
        const reason = this.rules.folderExcludedBecause(childRel);
        if (reason) {
          this.excluded.push({ path: `${childRel}/`, reason });
          continue;
        }
        const child = this.open(abs + path.sep + name, childRel, token ?? '', allIn);
        if (child) {
          stack.push(child);
          return frame.next - from;
        }
        continue;
      }
      const isLink = kind === Kind.Link;
      const candidate = allIn || this.rules.included(childRel, inc, i);
      if (!candidate && !(isLink && this.rules.reachable(childRel))) continue;
      let reason = this.rules.ruleExcludedBecause(childRel, exc, i);
      if (reason === undefined) {
        let ignored = git ? git[i] : UNASKED;
        if (ignored === UNASKED) {
          ignored = this.rules.gitExcludedBecause(childRel);
          if (git) git[i] = ignored;
        }
        reason = ignored;
      }
      if (reason) this.excluded.push({ path: childRel, reason });
      else if (kind === Kind.File) {
        // Known to the index and unchanged since the last walk: the same object, no system call.
        const known = memo?.current(i, listing);
        if (known) this.files.push(known);
        else {
          const absPath = abs + path.sep + name;
          this.addFile({ statPath: absPath, rel: childRel, absPath, listing, index: i, changes, memo });
        }
      } else if (isLink) this.addLink(abs + path.sep + name, childRel, candidate);
      else
        this.problems.push({ path: childRel, message: `${childRel} is ${specialKind(kind)}, not a regular file; exclude it or remove it` });
    }
    stack.pop();
    if (frame.key && this.volatile === frame.volatileAt) frame.memo!.recordWalk(frame.key, frame.stamp);
    return frame.next - from + 1;
  }

  /** A name that is not UTF-8 cannot be read or archived under its name: a problem when selected. */
  private nonUtf8Entry(isDir: boolean, rel: string, shown: string): void {
    this.volatile++; // its raw name is read from the disk each walk
    const candidate = isDir ? this.rules.reachable(rel) : this.rules.included(rel, undefined, 0);
    if (!candidate) return;
    const reason = isDir ? this.rules.folderExcludedBecause(rel) : this.rules.fileExcludedBecause(rel);
    if (reason) this.excluded.push({ path: isDir ? `${shown}/` : shown, reason });
    else this.problems.push({ path: shown, message: `${shown}: ${isDir ? 'folder' : 'file'} name is not UTF-8; rename it` });
  }

  private addFile(request: StatRequest): void {
    const { listing, index } = request;
    const sizes = listing?.sizes;
    // The index knows this file's stat (no event touched it since): no system call.
    if (sizes && index !== undefined && !Number.isNaN(sizes[index])) {
      const stat = { ok: true, isFile: true, size: sizes[index], mode: listing!.modes![index], mtimeMs: listing!.mtimes![index] } as const;
      this.sized(request, stat, this.files);
    } else {
      this.volatile++; // stat'ed now, maybe on a helper thread: it joins the files out of path order
      this.sizes.add(request);
    }
  }

  /** Makes the file from its stat and adds it to `to`, or notes why it cannot be read. */
  private sized(request: StatRequest, stat: StatAnswer, to: SelectedFile[]): void {
    const { statPath, rel, absPath, linkTarget, listing, index, changes, memo } = request;
    // Deleted since the folder was listed: it is simply not there any more.
    if (!stat) return;
    // Only a file others may not read costs a second call: whether this process can read it.
    const askRead = stat.ok && stat.isFile && (stat.mode & 0o004) === 0;
    if (askRead) this.volatile++; // asked again each walk
    const unreadable = askRead ? this.readError(statPath) : undefined;
    if (!stat.ok || unreadable)
      this.problems.push({ path: rel, message: `cannot read ${rel}: ${describe(stat.ok ? unreadable : stat.error)}` });
    else if (!stat.isFile) this.problems.push({ path: rel, message: `${rel} is not a regular file` });
    // git's rule: the owner's execute bit decides.
    else {
      const file: SelectedFile = { path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0, absPath, mtimeMs: stat.mtimeMs };
      if (listing && index !== undefined && this.index && listing.changes === changes) {
        this.index.remember(listing, index, changes!, stat);
        memo?.keep(index, file, stat.mode);
      }
      if (linkTarget !== undefined) file.linkTarget = linkTarget;
      to.push(file);
    }
  }

  /** Policy: a link to a file inside the root ships that file's content; folders are not followed. */
  private addLink(abs: string, rel: string, candidate: boolean): void {
    this.volatile++; // its target may change with no event in this folder
    let target: string;
    let stat: fs.Stats | undefined;
    try {
      target = fs.realpathSync(abs);
      stat = fs.statSync(target, { throwIfNoEntry: false });
    } catch (error) {
      if (candidate) this.problems.push({ path: rel, message: brokenLink(rel, error) });
      return;
    }
    const inside = target === this.rootReal || target.startsWith(this.rootReal + path.sep);
    if (!stat) {
      if (candidate) this.problems.push({ path: rel, message: brokenLink(rel, undefined) });
    } else if (stat.isDirectory()) {
      this.excluded.push({ path: `${rel}/`, reason: 'symbolic link to a folder (not followed)' });
    } else if (!candidate) {
      return;
    } else if (!inside) {
      this.problems.push({ path: rel, message: `symbolic link ${rel} leads outside the workflow root (to ${target})` });
    } else {
      // A link must not ship what the rules keep out: `config.txt -> .env` with .env ignored.
      const targetRel = path.relative(this.rootReal, target).split(path.sep).join('/');
      const reason = this.rules.targetExcludedBecause(targetRel, this.rootReal);
      if (reason) this.excluded.push({ path: rel, reason: `links to ${targetRel}, ${reason}` });
      else this.addFile({ statPath: target, rel, absPath: abs, linkTarget: targetRel });
    }
  }
}

function brokenLink(rel: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ELOOP') {
    return `symbolic link ${rel} is part of a loop of links (following it leads back to itself); fix or remove it`;
  }
  if (error && (error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot follow symbolic link ${rel}: ${describe(error)}`;
  return `symbolic link ${rel} is broken (its target does not exist)`;
}

function readError(absPath: string): unknown {
  try {
    fs.accessSync(absPath, fs.constants.R_OK);
    return undefined;
  } catch (error) {
    return error;
  }
}
