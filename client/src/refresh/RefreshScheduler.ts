// Reloads one view: instantly on request, on a timer only while the view is visible, never two loads at once.
// No `vscode` import and an injected clock, so the scheduling is unit-tested without waiting.
import { afterLoad, nextPollDelay, POLL, type PollState } from './pollPlan';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Loads the view's data and says whether something in it is still changing (running jobs). Must not throw. */
export type Loader = () => Promise<{ running: boolean }>;

export class RefreshScheduler {
  private state: PollState = { visible: false, running: false, runningStreak: 0, burstLeft: 0 };
  private inFlight: Promise<void> | undefined;
  private timer: unknown;
  private lastLoadAt: number | undefined;
  private disposed = false;

  constructor(
    private readonly load: Loader,
    private readonly clock: Clock,
    private readonly idleMs: () => number,
  ) {}

  get visible(): boolean {
    return this.state.visible;
  }
  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** Reload now. A load already running is shared instead of starting a second one. */
  refresh(): Promise<void> {
    return this.run(false);
  }

  /**
   * Follow a change the user just made: reload now, then a few more times shortly after. A load already
   * running may have started before the change, so the first reload waits for it instead of joining it.
   */
  pollAfterAction(): Promise<void> {
    this.state = { ...this.state, burstLeft: POLL.burstCount };
    return this.inFlight ? this.inFlight.then(() => this.run(false)) : this.run(false);
  }

  setVisible(visible: boolean): void {
    if (visible === this.state.visible) return;
    this.state = { ...this.state, visible };
    this.cancelTimer();
    if (visible) this.resume();
  }

  /** What is shown may be out of date (the key or the CLI changed): reload now if shown, else when next shown. */
  invalidate(): void {
    // A load already running may have started before the change: mark stale only once it is done.
    const mark = () => {
      this.lastLoadAt = undefined;
      if (this.state.visible && !this.disposed) void this.run(false);
    };
    if (this.inFlight) void this.inFlight.then(mark);
    else mark();
  }

  /** The idle interval setting changed: plan the next poll from the last load with the new interval. */
  intervalChanged(): void {
    if (this.state.visible) this.resume();
  }

  /** Polls again, reloading at once when the last load is older than the interval. */
  private resume(): void {
    if (this.inFlight || this.disposed) return;
    const delay = nextPollDelay(this.state, this.idleMs()) ?? 0;
    const since = this.lastLoadAt === undefined ? Infinity : this.clock.now() - this.lastLoadAt;
    if (since >= delay) void this.run(false);
    else this.schedule(delay - since);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private run(fromBurst: boolean): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.cancelTimer();
    const loading = this.load()
      .catch(() => ({ running: false }))
      .then(({ running }) => {
        this.inFlight = undefined;
        this.lastLoadAt = this.clock.now();
        this.state = afterLoad(this.state, running, fromBurst);
        this.scheduleNext();
      });
    this.inFlight = loading;
    return loading;
  }

  private scheduleNext(): void {
    const delay = nextPollDelay(this.state, this.idleMs());
    if (delay !== undefined) this.schedule(delay);
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    this.cancelTimer();
    const fromBurst = this.state.burstLeft > 0 && ms <= POLL.burstIntervalMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.run(fromBurst);
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
