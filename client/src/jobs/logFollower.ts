// Pages a job's logs with the CLI cursor and keeps following while the job runs. Lines already
// shown are kept: a later page only appends. The tail page is re-read from its own cursor,
// skipping the lines taken from it before, so lines written after the last read are found
// whatever the CLI puts in `next_cursor` once it reaches the end.
import type { CliResult, JobState, LogLine, Page } from '../cliAdapter/types';
import { isTerminal } from './jobStates';

export interface LogSource {
  page(cursor: string | undefined, signal?: AbortSignal): Promise<CliResult<Page<LogLine>>>;
  state(signal?: AbortSignal): Promise<CliResult<{ state: JobState }>>;
}

export type FollowEnd = 'job-ended' | 'cancelled' | 'failed' | 'limit';

export class LogFollower {
  readonly lines: LogLine[] = [];
  /** Cursor of the page the last lines came from (undefined = the first page). */
  private tailCursor: string | undefined;
  private takenFromTail = 0;
  /** The CLI said more pages exist beyond the tail. */
  hasMore = false;
  lastFailure?: Exclude<CliResult<unknown>, { kind: 'ok' }>;

  constructor(private readonly source: LogSource) {}

  /** The page read in progress: "Load More Logs" during a follow round must not read the same page twice. */
  private reading: Promise<unknown> = Promise.resolve();

  /** Reads one page after what was shown; returns the number of new lines, or undefined on failure. */
  loadMore(signal?: AbortSignal): Promise<number | undefined> {
    // One read at a time, each from the cursor the previous one left: two at once would both slice from a stale
    // count, duplicating some lines and skipping others.
    const read = this.reading.then(() => this.readNextPage(signal));
    this.reading = read.catch(() => undefined);
    return read;
  }

  private async readNextPage(signal?: AbortSignal): Promise<number | undefined> {
    const result = await this.source.page(this.tailCursor, signal);
    if (result.kind !== 'ok') {
      this.lastFailure = result;
      return undefined;
    }
    this.lastFailure = undefined;
    const fresh = result.value.items.slice(this.takenFromTail);
    this.lines.push(...fresh);
    const next = result.value.nextCursor;
    if (next && next !== this.tailCursor) {
      this.tailCursor = next;
      this.takenFromTail = 0;
      this.hasMore = true;
    } else {
      this.takenFromTail = result.value.items.length;
      this.hasMore = false;
    }
    return fresh.length;
  }

  /** Reads every page available now (bounded, so a chatty job cannot hold the loop forever). */
  async drain(signal?: AbortSignal, maxPages = 50): Promise<boolean> {
    for (let i = 0; i < maxPages; i++) {
      const added = await this.loadMore(signal);
      if (added === undefined) return false;
      if (!this.hasMore) return true;
    }
    return true;
  }

  /**
   * Follows until the job ends: drain, check the state, wait, repeat. After the job ends one last
   * drain picks up its final lines. `onUpdate` runs after every read that added lines.
   */
  async follow(options: {
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    onUpdate?: (state: JobState) => void;
    signal?: AbortSignal;
    delaysMs?: number[];
  }): Promise<FollowEnd> {
    const delays = options.delaysMs ?? [1000, 2000, 3000, 5000, 8000];
    let quiet = 0;
    for (let round = 0; ; round++) {
      if (options.signal?.aborted) return 'cancelled';
      const before = this.lines.length;
      if (!(await this.drain(options.signal))) return this.lastFailure?.kind === 'cancelled' ? 'cancelled' : 'failed';
      const state = await this.source.state(options.signal);
      if (state.kind !== 'ok') {
        this.lastFailure = state;
        return state.kind === 'cancelled' ? 'cancelled' : 'failed';
      }
      if (isTerminal(state.value.state)) {
        await this.drain(options.signal);
        options.onUpdate?.(state.value.state);
        return 'job-ended';
      }
      if (this.lines.length !== before || round === 0) options.onUpdate?.(state.value.state);
      // New output resets the backoff; silence slows it down.
      quiet = this.lines.length !== before ? 0 : quiet + 1;
      await options.sleep(delays[Math.min(quiet, delays.length - 1)], options.signal);
    }
  }
}
