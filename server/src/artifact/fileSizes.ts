// Sizes and modes of the selected files. One `stat` per file is most of a large selection's
// cost (far more than listing the folders), so once a walk has found a few thousand files,
// batches are stat'ed on a helper thread while the walk goes on, and by both threads once it
// is done; small projects never start one. If a helper fails, this thread stats its batches.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { STAT_SLOTS, StatKind, type StatBatchAnswer, type StatBatchRequest } from './statKinds';
import type { FolderMemo } from './folderMemo';
import type { Listing } from './listing';

export interface StatRequest {
  /** Where to read the size from (the file, or a link's target). */
  statPath: string;
  rel: string;
  absPath: string;
  /** A link's target, relative to the root. */
  linkTarget?: string;
  /** The listing entry this file came from (the project index remembers the answer there), its position, and the
   * listing's `changes` when it was read. One object per file: a walk queues 20,000 of them. */
  listing?: Listing;
  index?: number;
  changes?: number;
  memo?: FolderMemo;
}
/** `stat` answered; `undefined` when the file vanished since it was listed. */
export type StatAnswer =
  | { ok: true; size: number; mode: number; mtimeMs: number; isFile: boolean }
  | { ok: false; error: unknown }
  | undefined;

const BATCH = 1024;
/** Batches stat'ed here before a helper thread is worth its start-up. */
const INLINE_BATCHES = 3;
/** Batches a helper holds at once: enough that it never waits for this (busy) thread to send more. */
const IN_FLIGHT = 3;
/** A smaller batch (the last one of a walk) is stat'ed here: the message round trip would cost more. */
const MIN_SENT = 256;

/**
 * Starts a helper thread. It is bundled as dist/statWorker.js beside the server and CLI bundles, which are CommonJS
 * (so __dirname is dist/), and gets no inherited --import/--require hooks: it needs only node:fs. From source (ES
 * modules run through tsx: tests, benches) it registers tsx itself and then loads statWorker.ts, because on Node 20
 * a Worker's `--import` does not reach its entry module.
 */
export function startStatWorker(): Worker {
  if (typeof __dirname === 'string') return new Worker(path.join(__dirname, 'statWorker.js'), { execArgv: [] });
  const entry = JSON.stringify(new URL('./statWorker.ts', import.meta.url).href);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(load, { eval: true, execArgv: [] });
}

/**
 * One helper thread for the whole process, started on first need and kept (unreferenced, so it
 * never holds the process open) while idle: starting a thread costs about as much CPU as
 * stat'ing ten thousand files, and a language server selects again on every edit.
 */
class StatHelper {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, (out: Float64Array | undefined) => void>();

  /** Sends paths to stat; `done` gets the answers, or undefined if the helper died. False: stat them yourself. */
  send(paths: string[], done: (out: Float64Array | undefined) => void): boolean {
    const worker = this.start();
    if (!worker) return false;
    const id = this.nextId++;
    this.waiting.set(id, done);
    if (this.waiting.size === 1) worker.ref();
    const request: StatBatchRequest = { id, paths };
    worker.postMessage(request);
    return true;
  }

  /** Started and alive: batches sent now are answered without a start-up wait. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Batches sent and not yet answered; a helper that failed to start or died counts as full. */
  get pending(): number {
    return this.failed ? Infinity : this.waiting.size;
  }

  start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = startStatWorker();
      worker.on('message', ({ id, out }: StatBatchAnswer) => {
        const done = this.waiting.get(id);
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
        done?.(out);
      });
      const died = () => {
        this.failed = true;
        this.worker = undefined;
        const owed = [...this.waiting.values()];
        this.waiting.clear();
        for (const done of owed) done(undefined);
      };
      worker.on('error', died);
      worker.on('exit', died);
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}

/**
 * One helper per core beyond the walking thread's, at most two: the stats of a large tree cost
 * more CPU than the walk itself. On two cores one helper plus this thread already use both.
 */
const helpers = Array.from({ length: Math.max(1, Math.min(2, os.availableParallelism() - 1)) }, () => new StatHelper());
function anyRunning(): boolean {
  return helpers.some((h) => h.running);
}
/** The helper with the least work queued (the first one when none is running yet). */
function leastBusy(): StatHelper {
  return helpers.reduce((best, h) => (h.pending < best.pending ? h : best));
}

/**
 * Starts the helpers now, for a process that knows a large walk is coming (the language server at start-up): the
 * first batches then go to them too instead of being stat'ed on the walking thread while one starts.
 */
export function startStatHelpers(): void {
  for (const helper of helpers) helper.start();
}

/**
 * Batches wait in a local queue; the helper is fed a few at a time as it answers, and once the
 * walk is done this thread takes batches from the other end of the queue too. So the work splits
 * itself between the threads by how fast each one really goes (the machine may be busy), instead
 * of this thread idling while the helper catches up.
 */
export class FileSizes {
  private batch: StatRequest[] = [];
  private batches = 0;
  private readonly queue: StatRequest[][] = [];
  private outstanding = 0;
  private disposed = false;
  private allAnswered: (() => void) | undefined;

  constructor(private readonly answer: (request: StatRequest, stat: StatAnswer) => void) {}

  add(request: StatRequest): void {
    this.batch.push(request);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** Resolves when every file added has been answered. */
  async finish(): Promise<void> {
    if (this.batch.length > 0) this.flush();
    for (let batch = this.queue.pop(); batch && !this.disposed; batch = this.queue.pop()) {
      this.statHere(batch);
      // Lets the helper's answers in, so it is fed again while this thread works.
      if (this.outstanding > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.outstanding > 0)
      await new Promise<void>((resolve) => {
        this.allAnswered = resolve;
      });
  }

  /** Drops the answers still to come (the walk failed). */
  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    // Small projects never start a helper: starting one costs more than their stats.
    const index = this.batches++;
    if (batch.length < MIN_SENT || (index < INLINE_BATCHES && !anyRunning())) this.statHere(batch);
    else {
      this.queue.push(batch);
      this.feed();
    }
  }

  /** Sends queued batches (oldest first) to helpers with room; a failed helper's share is stat'ed here. */
  private feed(): void {
    while (this.queue.length > 0) {
      const helper = leastBusy();
      if (helper.pending === Infinity) {
        this.statHere(this.queue.shift()!);
        continue;
      }
      if (helper.pending >= IN_FLIGHT) return;
      const batch = this.queue.shift()!;
      if (
        helper.send(
          batch.map((r) => r.statPath),
          (out) => this.answered(batch, out),
        )
      )
        this.outstanding++;
      else this.statHere(batch);
    }
  }

  private statHere(batch: StatRequest[]): void {
    for (const request of batch) this.answer(request, statHere(request.statPath));
  }

  private answered(batch: StatRequest[], out: Float64Array | undefined): void {
    this.outstanding--;
    if (!this.disposed) {
      batch.forEach((request, i) => {
        const at = i * STAT_SLOTS;
        // A helper that died answers nothing: this thread stats its batch.
        const kind = out ? out[at] : StatKind.Failed;
        if (kind === StatKind.Gone) this.answer(request, undefined);
        else if (kind === StatKind.Failed) this.answer(request, statHere(request.statPath));
        else
          this.answer(request, { ok: true, size: out![at + 1], mode: out![at + 2], mtimeMs: out![at + 3], isFile: kind === StatKind.File });
      });
      this.feed();
    }
    if (this.outstanding === 0 && this.allAnswered) this.allAnswered();
  }
}

function statHere(p: string): StatAnswer {
  try {
    const stat = fs.statSync(p);
    return { ok: true, size: stat.size, mode: stat.mode, mtimeMs: stat.mtimeMs, isFile: stat.isFile() };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { ok: false, error };
  }
}
