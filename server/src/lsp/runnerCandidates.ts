// `<module>:<object>` suggestions for `runner = "..."`, from the Python files under a config's
// gated root. The search is bounded while it runs (time per request, entries and files in all) and
// pauses when the request is cancelled; a cut list says so instead of posing as the whole project.
// Searches are kept per root and dropped when a file event touches a .py file (or a folder) below it.
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { gateRoot } from '../artifact/rootGate';
import { findRunnerCandidates } from '../config/index';
import { isInside } from './paths';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'site-packages']);
const MAX_FILE_BYTES = 512 * 1024;
const READ_BATCH = 8;

export interface CandidateLimits {
  /** Directory entries looked at. */
  entries: number;
  /** Python files read. */
  files: number;
  /** Wall-clock time one request spends searching: keeps it under 200 ms of server work on any tree. */
  ms: number;
}
export const CANDIDATE_LIMITS: CandidateLimits = { entries: 20_000, files: 1_000, ms: 100 };

export interface CandidateList {
  names: string[];
  /** Set when a limit cut the search: what was left out, in words. */
  cut?: string;
}

/**
 * One root's search, resumable: each request advances it for at most `limits.ms`, so a big tree
 * is searched over a few keystrokes instead of in one long request. The entry and file budgets
 * cap the whole search; a search they cut says so for good.
 */
class Search {
  private readonly queue = [''];
  private readonly pythonFiles: string[] = [];
  private readonly files: { path: string; text: string }[] = [];
  private entries = 0;
  private read = 0;
  private walked = false;
  private done = false;
  private cut?: string;
  private finished?: CandidateList;
  /** Requests take turns, so two never read the same batch. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly root: string,
    private readonly limits: CandidateLimits,
  ) {}

  advance(stop: () => boolean): Promise<CandidateList> {
    const next = this.turn.then(() => this.finished ?? this.work(stop));
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async work(stop: () => boolean): Promise<CandidateList> {
    const start = Date.now();
    const pause = () => stop() || Date.now() - start > this.limits.ms;
    while (!this.walked && !pause()) await this.walkOne();
    while (this.walked && !this.done && !pause()) await this.readBatch();
    const names = findRunnerCandidates(this.files);
    if (this.done) return (this.finished = { names, ...(this.cut ? { cut: this.cut } : {}) });
    return { names, cut: `is still running (${this.read.toLocaleString('en-US')} Python files read so far)` };
  }

  private async walkOne(): Promise<void> {
    const rel = this.queue.shift();
    if (rel === undefined) {
      this.finishWalk();
      return;
    }
    let listed: Dirent[];
    try {
      listed = await readdir(path.join(this.root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of listed) {
      if (++this.entries > this.limits.entries) {
        this.cut = `looked at the first ${this.limits.entries.toLocaleString('en-US')} files and folders`;
        this.finishWalk();
        return;
      }
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      // Links are not followed: one could lead out of the root or round in a circle.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) this.queue.push(child);
      else if (entry.isFile() && entry.name.endsWith('.py')) this.pythonFiles.push(child);
    }
  }

  private finishWalk(): void {
    this.walked = true;
    this.pythonFiles.sort();
    if (this.pythonFiles.length === 0) this.done = true;
  }

  private async readBatch(): Promise<void> {
    const end = Math.min(this.read + READ_BATCH, this.pythonFiles.length, this.limits.files);
    const batch = await Promise.all(
      this.pythonFiles.slice(this.read, end).map(async (rel) => {
        const absolute = path.join(this.root, rel);
        try {
          if ((await stat(absolute)).size > MAX_FILE_BYTES) return undefined;
          return { path: rel, text: await readFile(absolute, 'utf8') };
        } catch {
          return undefined;
        }
      }),
    );
    for (const file of batch) if (file) this.files.push(file);
    this.read = end;
    if (end < this.pythonFiles.length && end < this.limits.files) return;
    this.done = true;
    if (end < this.pythonFiles.length) {
      this.cut ??= `read ${end.toLocaleString('en-US')} of ${this.pythonFiles.length.toLocaleString('en-US')} Python files`;
    }
  }
}

export class RunnerCandidates {
  private readonly searches = new Map<string, Search>();

  constructor(private readonly limits: CandidateLimits = CANDIDATE_LIMITS) {}

  /**
   * Candidates under `[workflow].root` (as written) of the config in `configDir`: none, and no file
   * looked at, when the root gate refuses it. Pauses when `stop()` turns true (a cancelled
   * request, a newer text); the next request goes on from there.
   */
  async get(configDir: string, rootValue: string, stop: () => boolean = () => false): Promise<CandidateList> {
    const gate = gateRoot(configDir, rootValue);
    if (!gate.ok) return { names: [] };
    // Keyed as the editor spells paths, so file events find it; walked where links lead.
    let search = this.searches.get(gate.rootAbs);
    if (!search) {
      search = new Search(gate.root, this.limits);
      this.searches.set(gate.rootAbs, search);
    }
    return search.advance(stop);
  }

  /** A file changed: forget every root it could belong to. */
  changed(fsPath: string): void {
    const ext = path.extname(fsPath);
    if (ext !== '' && ext !== '.py') return;
    for (const root of this.searches.keys()) if (isInside(root, fsPath) || isInside(fsPath, root)) this.searches.delete(root);
  }
}
