// Garbage collection between answers instead of during them. Each re-selection leaves the last one's arrays and
// objects behind in the old generation; V8 collects them once that has grown enough, and on a 2-core machine its
// marking then lands inside whichever answer is running (a file event or a keystroke 20-40 ms late). Browsers run
// such work in idle time; Node has no idle tasks, so the server asks for the collection itself, a moment after an
// answer went out, once the old generation has grown by a sixteenth since the last one (V8's own marking started at
// some 10-15% on the bench's 20,000-file project). The debounce before the next check (150-300 ms) is far longer
// than the collection (~30 ms there). Measured with `npm run bench:lsp`: include changes p95 26-36 ms to their
// complete diagnostics against 32-48 without it.
import * as v8 from 'node:v8';

/** Waited after the last answer, so its message is written first. */
const AFTER_MS = 30;
/** Growth of the old generation since the last collection that is worth one: this, or a sixteenth of what stayed live. */
const MIN_GROWTH = 1024 * 1024;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;
  private live: number;

  constructor(
    private readonly collect: () => void,
    private readonly heapUsed: () => number = oldSpaceUsed,
  ) {
    this.live = heapUsed();
  }

  /** An answer went out: collect shortly after the last one, when the heap has grown enough. */
  answered(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.heapUsed() - this.live < Math.max(MIN_GROWTH, this.live / 16)) return;
      this.collect();
      this.live = this.heapUsed();
    }, AFTER_MS);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** What survived young-generation collections: the garbage a full collection is for (the young generation's own is cheap). */
function oldSpaceUsed(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
}
