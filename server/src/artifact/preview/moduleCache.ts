// Per-file task analysis, cached by (path, size, mtime): after the first preview only the Python
// files that changed are read and analysed again. `analyzeModule` is the discovery's per-file
// step; whatever parser sits behind it, this cache is what keeps keystrokes from re-reading it all.
import * as fs from 'node:fs';
import { analyzeModule, type ModuleFacts } from '../discovery/index';
import { moduleNames } from '../discovery/moduleNames';
import type { SelectedFile } from '../select';

/** Files read between yields to the event loop, so the server keeps answering during a first read. */
const READS_PER_TURN = 200;

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
}

export class ModuleCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * The facts of every selected Python file (no size or count cap: the prefilter in analyzeModule makes a file that
   * cannot declare a task cheap), in selection order; reads only files not cached as they are. An open file's
   * unsaved text wins.
   */
  async facts(files: readonly SelectedFile[], overlay?: PythonOverlay): Promise<ModuleFacts[]> {
    const wanted = files.filter((f) => f.path.endsWith('.py'));
    const stale = wanted.filter((f) => !this.current(f));
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
    const out: ModuleFacts[] = [];
    for (const f of wanted) {
      const open = overlay?.facts(f.absPath);
      const facts = open ? { ...open, file: f.path, names: moduleNames(f.path) } : this.entries.get(f.absPath)?.facts;
      if (facts) out.push(facts);
    }
    return out;
  }

  private current(f: SelectedFile): boolean {
    const entry = this.entries.get(f.absPath);
    return !!entry && entry.rel === f.path && entry.size === f.size && entry.mtimeMs === f.mtimeMs;
  }
}
