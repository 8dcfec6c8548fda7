// Per-file task analysis, cached by (path, size, mtime): after the first preview only the Python
// files that changed are read and analysed again. `analyzeModule` is the discovery's per-file
// step; whatever parser sits behind it, this cache is what keeps keystrokes from re-reading it all.
// A keystroke in an open buffer goes through `patch`: one entry replaced, no other file looked at.
import * as fs from 'node:fs';
import { analyzeModule, type ModuleFacts } from '../discovery/index';
import { moduleNames } from '../discovery/moduleNames';
import type { SelectedFile } from '../select';

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
  /** Absolute path → its position in `modules` (-1: no facts) and its path relative to the root. */
  at: Map<string, { index: number; rel: string }>;
  /** Absolute paths whose facts came from an open buffer. */
  overlaid: Set<string>;
}

/** Results kept for reuse: an include change back and forth, or one that keeps the Python files, reads nothing again. */
const RECENT_READS = 2;

export class ModuleCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Recent answers by the exact file objects asked about: the selection reuses a file's object while its stat is
   * unchanged, so the same objects (and the same buffer versions) mean the same facts.
   */
  private readonly recent: { files: SelectedFile[]; overlayVersion: number; read: ReadModules }[] = [];

  /** Buffer facts in artifact terms (path relative to the root), one object per buffer facts: an unchanged buffer stays identical. */
  private readonly fromBuffer = new WeakMap<ModuleFacts, ModuleFacts>();

  /**
   * The facts of every selected Python file (no size or count cap: the prefilter in analyzeModule makes a file that
   * cannot declare a task cheap), in selection order; reads only files not cached as they are. An open file's
   * unsaved text wins. `manyToRead` is called first when more than FILES_FIRST_ABOVE files must be read.
   */
  async facts(files: readonly SelectedFile[], overlay?: PythonOverlay, manyToRead?: () => void): Promise<ReadModules> {
    const wanted = files.filter((f) => f.path.endsWith('.py'));
    const overlayVersion = overlay?.version ?? 0;
    const at = this.recent.findIndex((r) => r.overlayVersion === overlayVersion && sameItems(r.files, wanted));
    if (at >= 0) {
      const [known] = this.recent.splice(at, 1);
      this.recent.unshift(known); // the most recently used stays
      return known.read;
    }
    const stale = wanted.filter((f) => !this.current(f));
    if (stale.length > FILES_FIRST_ABOVE) manyToRead?.();
    // Synchronous reads: an asynchronous one is four thread-pool round trips (open, stat, read, close), several
    // times the cost of reading a small source.
    for (let i = 0; i < stale.length; i++) {
      if (i > 0 && i % READS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      const f = stale[i];
      let text: string;
      try {
        text = fs.readFileSync(f.absPath, 'utf8');
      } catch {
        this.entries.delete(f.absPath); // deleted or unreadable since the walk: the next event will tell
        continue;
      }
      this.entries.set(f.absPath, { rel: f.path, size: f.size, mtimeMs: f.mtimeMs, facts: analyzeModule(f.path, text) });
    }
    const read: ReadModules = { modules: [], at: new Map(), overlaid: new Set() };
    for (const f of wanted) {
      const facts = this.factsOf(f.absPath, f.path, overlay, read);
      read.at.set(f.absPath, { index: facts ? read.modules.push(facts) - 1 : -1, rel: f.path });
    }
    this.recent.unshift({ files: wanted, overlayVersion, read });
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
    // A buffer closed since goes back to the disk's facts, so the files overlaid last time are looked at too.
    for (const absPath of new Set([...previous.overlaid, ...(overlay?.paths() ?? [])])) {
      const slot = previous.at.get(absPath);
      if (!slot) continue; // not a selected Python file
      const facts = this.factsOf(absPath, slot.rel, overlay, read);
      if (slot.index < 0 || !facts) return undefined;
      read.modules[slot.index] = facts;
    }
    return read;
  }

  private factsOf(absPath: string, rel: string, overlay: PythonOverlay | undefined, read: ReadModules): ModuleFacts | undefined {
    const open = overlay?.facts(absPath);
    if (!open) return this.entries.get(absPath)?.facts;
    read.overlaid.add(absPath);
    let facts = this.fromBuffer.get(open);
    if (!facts || facts.file !== rel) {
      facts = { ...open, file: rel, names: moduleNames(rel) };
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
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
