// Per-file task analysis, cached by (path, size, mtime): after the first preview only the Python
// files that changed are read and analysed again. `analyzeModule` is the discovery's per-file
// step; whatever parser sits behind it, this cache is what keeps keystrokes from re-reading it all.
// A keystroke in an open buffer goes through `patch`: one entry replaced, no other file looked at.
import * as fs from 'node:fs';
import { analyzeModule, emptyFacts, type ModuleFacts } from '../discovery/index';
import { moduleNames } from '../discovery/moduleNames';
import type { SelectedFile } from '../select';
import { byteOrder } from '../../shared/byteOrder';
import { RecentFilter } from '../refilter';

/** Files read between yields to the event loop, so the server keeps answering during a first read. */
const READS_PER_TURN = 200;
/**
 * Files to read before a preview is worth sending twice: the file list at once, the tasks after. Reading and
 * analysing 10,000 sources takes a few hundred milliseconds more than the walk that lists them.
 */
export const FILES_FIRST_ABOVE = 500;

interface Entry {
  rel: string;
  size: number;
  mtimeMs: number;
  facts: ModuleFacts | undefined;
}

/** Python files open in the editor: their facts from the unsaved text, by absolute path; `version` changes with every edit. */
export interface PythonOverlay {
  version: number;
  facts(absPath: string): ModuleFacts | undefined;
  /** Absolute paths of the open files. */
  paths(): Iterable<string>;
}

/** The facts of a selection's Python files, and where each file's are, so a keystroke can replace one entry. */
export interface ReadModules {
  /** In selection order; files whose analysis failed are left out. */
  modules: ModuleFacts[];
  /**
   * Absolute path → its position in `modules` (-1: no facts) and its path relative to the root. Made on first use
   * (a keystroke in an open buffer): a file event or an include change would otherwise build 10,000 entries for nothing.
   */
  at: () => Map<string, { index: number; rel: string }>;
  /** Absolute paths whose facts came from an open buffer (it may name files no longer selected). */
  overlaid: Set<string>;
}

interface Answer {
  files: SelectedFile[];
  overlayVersion: number;
  /** The facts of each of `files` (undefined: no facts), in the same order. */
  factsAt: (ModuleFacts | undefined)[];
  read: ReadModules;
}

/** Results kept for reuse: an include change back and forth, or one that keeps the Python files, reads nothing again. */
const RECENT_READS = 2;

/** A turn of the event loop, so the process answers requests meanwhile. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ModuleCache {
  /** `pause`: awaited between batches of reads (the server lets the answer it just sent leave first). */
  constructor(private readonly pause: () => Promise<void> = nextTurn) {}

  private readonly entries = new Map<string, Entry>();
  /** The Python files of recent selections. */
  private readonly python = new RecentFilter((f: SelectedFile) => f.path.endsWith('.py'));
  /**
   * Recent answers by the exact file objects asked about: the selection reuses a file's object while its stat is
   * unchanged, so the same objects (and the same buffer versions) mean the same facts.
   */
  private readonly recent: Answer[] = [];

  /** Buffer facts in artifact terms (path relative to the root), one object per buffer facts: an unchanged buffer stays identical. */
  private readonly fromBuffer = new WeakMap<ModuleFacts, ModuleFacts>();

  /**
   * The facts of every selected Python file (no size or count cap: the prefilter in analyzeModule makes a file that
   * cannot declare a task cheap), in selection order; reads only files not cached as they are. An open file's
   * unsaved text wins. `manyToRead` is called first when more than FILES_FIRST_ABOVE files must be read.
   */
  async facts(files: readonly SelectedFile[], overlay?: PythonOverlay, manyToRead?: () => void): Promise<ReadModules> {
    const wanted = this.python.of(files);
    const overlayVersion = overlay?.version ?? 0;
    const at = this.recent.findIndex((r) => r.overlayVersion === overlayVersion && sameItems(r.files, wanted));
    if (at >= 0) {
      const [known] = this.recent.splice(at, 1);
      this.recent.unshift(known); // the most recently used stays
      return known.read;
    }
    // The newest answer under the same buffers: a file it had as the very same object has the same facts (the selection
    // reuses an object only while its stat is unchanged), so only the other files are looked up in the cache.
    const factsAt: (ModuleFacts | undefined)[] = new Array(wanted.length);
    const base = this.recent.find((r) => r.overlayVersion === overlayVersion);
    const todo = carryOver(base, wanted, factsAt);
    const stale = todo.filter((j) => !this.current(wanted[j]));
    if (stale.length > FILES_FIRST_ABOVE) manyToRead?.();
    // Synchronous reads: an asynchronous one is four thread-pool round trips (open, stat, read, close), several
    // times the cost of reading a small source.
    for (let i = 0; i < stale.length; i++) {
      if (i > 0 && i % READS_PER_TURN === 0) await this.pause();
      const f = wanted[stale[i]];
      let text: string;
      try {
        text = fs.readFileSync(f.absPath, 'utf8');
      } catch {
        this.entries.delete(f.absPath); // deleted or unreadable since the walk: the next event will tell
        continue;
      }
      this.entries.set(f.absPath, { rel: f.path, size: f.size, mtimeMs: f.mtimeMs, facts: analyzeModule(f.path, text) });
    }
    // A superset of the buffers in use is harmless: `patch` looks each one up and skips those not selected.
    const overlaid = new Set(base?.read.overlaid);
    for (const j of todo) factsAt[j] = this.factsOf(wanted[j].absPath, wanted[j].path, overlay, overlaid);
    const modules = factsAt.filter((facts): facts is ModuleFacts => facts !== undefined);
    const read: ReadModules = { modules, at: positions(wanted, factsAt), overlaid };
    this.recent.unshift({ files: wanted, overlayVersion, factsAt, read });
    if (this.recent.length > RECENT_READS) this.recent.pop();
    return read;
  }

  /**
   * After only open buffers changed (same selection, nothing on disk changed since `previous` was read): `previous`
   * with just those files' entries replaced, nothing else read or parsed. Undefined when a file gained or lost its
   * facts (positions would shift): read them all with `facts` then.
   */
  patch(previous: ReadModules, overlay?: PythonOverlay): ReadModules | undefined {
    const read: ReadModules = { modules: previous.modules.slice(), at: previous.at, overlaid: new Set() };
    const at = previous.at();
    // A buffer closed since goes back to the disk's facts, so the files overlaid last time are looked at too.
    for (const absPath of new Set([...previous.overlaid, ...(overlay?.paths() ?? [])])) {
      const slot = at.get(absPath);
      if (!slot) continue; // not a selected Python file
      const facts = this.factsOf(absPath, slot.rel, overlay, read.overlaid);
      if (slot.index < 0 || !facts) return undefined;
      read.modules[slot.index] = facts;
    }
    return read;
  }

  private factsOf(absPath: string, rel: string, overlay: PythonOverlay | undefined, overlaid: Set<string>): ModuleFacts | undefined {
    const open = overlay?.facts(absPath);
    if (!open) return this.entries.get(absPath)?.facts;
    overlaid.add(absPath);
    let facts = this.fromBuffer.get(open);
    if (!facts || facts.file !== rel) {
      const names = moduleNames(rel);
      facts = Object.assign(emptyFacts(rel, names), open, { file: rel, names });
      this.fromBuffer.set(open, facts);
    }
    return facts;
  }

  private current(f: SelectedFile): boolean {
    const entry = this.entries.get(f.absPath);
    return !!entry && entry.rel === f.path && entry.size === f.size && entry.mtimeMs === f.mtimeMs;
  }
}

/** Same length, same items (by identity) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Copies into `factsAt` the facts `base` had for the very same file objects (both lists in byte order of path, so one
 * merge); returns the positions in `wanted` still to look up.
 */
function carryOver(base: Answer | undefined, wanted: readonly SelectedFile[], factsAt: (ModuleFacts | undefined)[]): number[] {
  const todo: number[] = [];
  const before = base?.files ?? [];
  let i = 0;
  for (let j = 0; j < wanted.length; j++) {
    const f = wanted[j];
    while (i < before.length && before[i] !== f && byteOrder(before[i].path, f.path) < 0) i++;
    if (i < before.length && before[i] === f) factsAt[j] = base!.factsAt[i++];
    else todo.push(j);
  }
  return todo;
}

/** Where each file's facts sit in the modules list, made once on first call. */
function positions(wanted: readonly SelectedFile[], factsAt: readonly (ModuleFacts | undefined)[]): ReadModules['at'] {
  let made: Map<string, { index: number; rel: string }> | undefined;
  return () => {
    if (made) return made;
    made = new Map();
    let index = 0;
    for (let j = 0; j < wanted.length; j++) made.set(wanted[j].absPath, { index: factsAt[j] ? index++ : -1, rel: wanted[j].path });
    return made;
  };
}
