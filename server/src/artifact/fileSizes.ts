// Sizes and modes of the selected files. One `stat` per file is most of a large selection's
// cost (far more than listing the folders), so once a walk has found a few thousand files,
// most further batches are stat'ed on a helper thread while the walk goes on; small projects
// never start one. Any failure of the helper only moves its batches back to this thread.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface StatRequest {
  /** Where to read the size from (the file, or a link's target). */
  statPath: string;
  rel: string;
  absPath: string;
}
/** `stat` answered; `undefined` when the file vanished since it was listed. */
export type StatAnswer = { ok: true; size: number; mode: number; isFile: boolean } | { ok: false; error: unknown } | undefined;

const BATCH = 1024;
/** Batches stat'ed here before a helper thread is worth its start-up. */
const INLINE_BATCHES = 3;
/** Of every group of this many later batches, one stays on this thread (it is also walking). */
const SHARE = 4;

// Plain CommonJS, evaluated in the helper thread: the server is bundled, so there is no
// separate worker file to point at. Answers per file: size and mode, -1 not a regular file,
// -2 gone, -3 other error (this thread stats that one again to word the error).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
parentPort.on('message', ({ id, paths }) => {
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    try {
      const s = fs.statSync(paths[i]);
      out[2 * i] = s.isFile() ? s.size : -1;
      out[2 * i + 1] = s.mode;
    } catch (error) {
      out[2 * i] = error && error.code === 'ENOENT' ? -2 : -3;
    }
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});`;

export class FileSizes {
  private batch: StatRequest[] = [];
  private batches = 0;
  private worker: Worker | undefined;
  private workerFailed = false;
  private readonly sent = new Map<number, StatRequest[]>();
  private allAnswered: (() => void) | undefined;

  constructor(private readonly answer: (request: StatRequest, stat: StatAnswer) => void) {}

  add(request: StatRequest): void {
    this.batch.push(request);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** Resolves when every file added has been answered. */
  async finish(): Promise<void> {
    if (this.batch.length > 0) this.flush();
    if (this.sent.size > 0) await new Promise<void>((resolve) => { this.allAnswered = resolve; });
    await this.worker?.terminate();
    this.worker = undefined;
  }

  /** Stops the helper thread without waiting for answers (the walk failed). */
  dispose(): void {
    this.sent.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    const index = this.batches++;
    if (index < INLINE_BATCHES || index % SHARE === 0 || !this.helper()) {
      for (const request of batch) this.answer(request, statHere(request.statPath));
      return;
    }
    this.sent.set(index, batch);
    this.worker!.postMessage({ id: index, paths: batch.map((r) => r.statPath) });
  }

  private helper(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      // No inherited --import/--require hooks: the helper needs only node:fs.
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      worker.on('message', ({ id, out }: { id: number; out: Float64Array }) => this.answered(id, out));
      worker.on('error', () => this.takeBack());
      worker.on('exit', () => this.takeBack());
      this.worker = worker;
    } catch {
      this.workerFailed = true;
    }
    return this.worker;
  }

  private answered(id: number, out: Float64Array): void {
    const batch = this.sent.get(id);
    if (!batch) return;
    this.sent.delete(id);
    batch.forEach((request, i) => {
      const size = out[2 * i];
      if (size === -2) this.answer(request, undefined);
      else if (size === -3) this.answer(request, statHere(request.statPath));
      else this.answer(request, { ok: true, size: Math.max(size, 0), mode: out[2 * i + 1], isFile: size >= 0 });
    });
    this.settleIfDone();
  }

  /** The helper died: answer what it still owed here. */
  private takeBack(): void {
    this.workerFailed = true;
    this.worker = undefined;
    for (const [id, batch] of [...this.sent]) {
      this.sent.delete(id);
      for (const request of batch) this.answer(request, statHere(request.statPath));
    }
    this.settleIfDone();
  }

  private settleIfDone(): void {
    if (this.sent.size === 0 && this.allAnswered) {
      const resolve = this.allAnswered;
      this.allAnswered = undefined;
      resolve();
    }
  }
}

function statHere(p: string): StatAnswer {
  try {
    const stat = fs.statSync(p);
    return { ok: true, size: stat.size, mode: stat.mode, isFile: stat.isFile() };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { ok: false, error };
  }
}
