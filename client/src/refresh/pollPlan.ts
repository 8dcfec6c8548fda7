// When a visible view reloads next. Pure: the RefreshScheduler feeds it state, a clock runs the timers.
// Running jobs are watched closely at first and less as they keep running (3 s doubling to 60 s), an action
// the user just took is followed by a short bounded burst, and otherwise the configured idle interval applies.

export const POLL = {
  runningFirstMs: 3_000,
  runningMaxMs: 60_000,
  /** After submit/retry/deploy: this many reloads … */
  burstCount: 5,
  /** … this far apart (5 × 6 s = 30 s). */
  burstIntervalMs: 6_000,
} as const;

export interface PollState {
  visible: boolean;
  /** The last load saw something still changing on its own (a job submitted/running). */
  running: boolean;
  /** How many loads in a row have seen `running` (0 when the last one did not). */
  runningStreak: number;
  /** Reloads left in the burst started by the last action. */
  burstLeft: number;
}

/** Milliseconds until the next automatic reload, or undefined when none should happen (view hidden). */
export function nextPollDelay(s: PollState, idleMs: number): number | undefined {
  if (!s.visible) return undefined;
  const candidates = [idleMs];
  if (s.burstLeft > 0) candidates.push(POLL.burstIntervalMs);
  if (s.running) {
    const backoff = POLL.runningFirstMs * 2 ** Math.max(0, s.runningStreak - 1);
    candidates.push(Math.min(POLL.runningMaxMs, backoff));
  }
  return Math.min(...candidates);
}

/** The state after a load finished. */
export function afterLoad(s: PollState, sawRunning: boolean, wasBurstReload: boolean): PollState {
  return {
    ...s,
    running: sawRunning,
    runningStreak: sawRunning ? s.runningStreak + 1 : 0,
    burstLeft: wasBurstReload ? Math.max(0, s.burstLeft - 1) : s.burstLeft,
  };
}
