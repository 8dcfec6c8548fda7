// Watches jobs submitted or retried from the editor until they end, with backoff, then says so
// once (GitHub Actions #338/#556: "tell me when it is done"). One watch per job id.
import type { CliResult, Job } from '../cliAdapter/types';
import type { Outcome } from '../commands/ui';
import { isTerminal } from './jobStates';
import { shortId } from '../cliAdapter/validate';

export interface JobWatcherDeps {
  getJob(id: string, signal: AbortSignal): Promise<CliResult<Job>>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Every state read (the status bar's last job). */
  onUpdate(job: Job): void;
  /** The job reached a terminal state. */
  onEnd(job: Job): void;
  delaysMs?: number[];
  /** Consecutive failed reads before giving up (the CLI may be gone or the key revoked). */
  maxFailures?: number;
}

export class JobWatcher {
  private readonly watches = new Map<string, AbortController>();

  constructor(private readonly deps: JobWatcherDeps) {}

  isWatching(id: string): boolean {
    return this.watches.has(id);
  }

  /** Resolves with the final job, or undefined when stopped or the reads kept failing. */
  async watch(id: string): Promise<Job | undefined> {
    this.watches.get(id)?.abort();
    const controller = new AbortController();
    this.watches.set(id, controller);
    const delays = this.deps.delaysMs ?? [2000, 3000, 5000, 10000, 20000, 30000];
    const maxFailures = this.deps.maxFailures ?? 5;
    let failures = 0;
    let last: Job | undefined;
    try {
      for (let round = 0; !controller.signal.aborted; round++) {
        // The id comes from CLI output; one that is not a UUID makes jobGet throw, and watch() is not awaited.
        const result = await Promise.resolve()
          .then(() => this.deps.getJob(id, controller.signal))
          .catch(() => undefined);
        if (!result || result.kind === 'cancelled') return undefined;
        if (result.kind === 'ok') {
          failures = 0;
          last = result.value;
          this.deps.onUpdate(result.value);
          if (isTerminal(result.value.state)) {
            this.deps.onEnd(result.value);
            return result.value;
          }
        } else if (++failures >= maxFailures) {
          // Offline, key revoked, CLI gone: the status bar must not keep spinning "running" for a job nobody reads.
          if (last) this.deps.onUpdate({ ...last, state: 'unknown' });
          return undefined;
        }
        await this.deps.sleep(delays[Math.min(round, delays.length - 1)], controller.signal);
      }
      return undefined;
    } finally {
      if (this.watches.get(id) === controller) this.watches.delete(id);
    }
  }

  stop(id: string): void {
    this.watches.get(id)?.abort();
  }

  dispose(): void {
    for (const c of this.watches.values()) c.abort();
    this.watches.clear();
  }
}

/** The notification for an ended job, with its next steps. */
export function jobEndedNotice(job: Job): Outcome {
  const name = job.name || shortId(job.id);
  const show = { title: 'Show Job', command: 'tilebox.job.show', args: [job.id] };
  const logs = { title: 'Show Logs', command: 'tilebox.job.showLogs', args: [job.id] };
  if (job.state === 'failed') {
    const retry = { title: 'Retry', command: 'tilebox.job.retry', args: [job.id] };
    return { level: 'error', message: `Tilebox job "${name}" failed.`, next: [show, retry, logs] };
  }
  if (job.state === 'canceled') return { level: 'warning', message: `Tilebox job "${name}" was canceled.`, next: [show, logs] };
  return { level: 'info', message: `Tilebox job "${name}" completed.`, next: [show, logs] };
}

/** A sleep that ends early (without throwing) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
