import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshScheduler } from '../../../client/src/refresh/RefreshScheduler';
import { ViewRefresher } from '../../../client/src/refresh/ViewRefresher';
import { nextPollDelay } from '../../../client/src/refresh/pollPlan';
import { FakeClock, settle } from './fakeClock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A view whose loads are recorded (at which time) and report `running` as the test sets it. */
function setup(idleMs = 30 * SECOND) {
  const clock = new FakeClock();
  const loads: number[] = [];
  const view = { running: false, fail: false };
  const scheduler = new RefreshScheduler(
    async () => {
      loads.push(clock.now());
      if (view.fail) throw new Error('CLI exploded');
      return { running: view.running };
    },
    clock,
    () => idleMs,
  );
  return { clock, loads, view, scheduler };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

test('a view that was never shown never loads on its own', async () => {
  const { clock, loads } = setup();
  await clock.advance(10 * MINUTE);
  assert.deepEqual(loads, []);
});

test('showing a view loads it at once, then at the idle interval', async () => {
  const { clock, loads, scheduler } = setup(30 * SECOND);
  scheduler.setVisible(true);
  await clock.advance(95 * SECOND);
  assert.deepEqual(loads, [0, 30 * SECOND, 60 * SECOND, 90 * SECOND]);
});

test('while jobs run the view reloads after 3 s, doubling up to 60 s, and slows to idle when they finish', async () => {
  const { clock, loads, view, scheduler } = setup(5 * MINUTE);
  view.running = true;
  scheduler.setVisible(true);
  await clock.advance(4 * MINUTE);
  assert.deepEqual(
    gaps(loads).slice(0, 7),
    [3, 6, 12, 24, 48, 60, 60].map((s) => s * SECOND),
  );
  view.running = false;
  const before = loads.length;
  await clock.advance(60 * SECOND);
  const finishedAt = loads[before];
  await clock.advance(10 * MINUTE);
  assert.deepEqual(gaps(loads.filter((t) => t >= finishedAt)), [5 * MINUTE, 5 * MINUTE]);
});

test('a running job never makes the view reload less often than the idle interval', () => {
  assert.equal(nextPollDelay({ visible: true, running: true, runningStreak: 20, burstLeft: 0 }, 10 * SECOND), 10 * SECOND);
});

test('hiding the view stops polling; showing it again reloads only if the data is stale', async () => {
  const { clock, loads, view, scheduler } = setup(30 * SECOND);
  view.running = true;
  scheduler.setVisible(true);
  await clock.advance(1 * SECOND);
  scheduler.setVisible(false);
  await clock.advance(10 * MINUTE);
  assert.deepEqual(loads, [0], 'no load while hidden');
  assert.equal(clock.pending, 0, 'no timer left behind');
  scheduler.setVisible(true);
  await settle();
  assert.equal(loads.length, 2, 'stale after 10 minutes: reloads at once');
  scheduler.setVisible(false);
  await clock.advance(1 * SECOND);
  scheduler.setVisible(true);
  await settle();
  assert.equal(loads.length, 2, 'fresh (1 s old): waits for the rest of the interval');
  await clock.advance(4 * SECOND);
  assert.equal(loads.length, 2);
  await clock.advance(1 * SECOND);
  assert.equal(loads.length, 3, 'second load in a row that saw a running job: 6 s after the previous one');
});

test('a manual refresh while a load is running shares it instead of starting a second CLI call', async () => {
  const clock = new FakeClock();
  let calls = 0;
  let finish!: () => void;
  const scheduler = new RefreshScheduler(
    () => {
      calls++;
      return new Promise((resolve) => {
        finish = () => resolve({ running: false });
      });
    },
    clock,
    () => 30 * SECOND,
  );
  const a = scheduler.refresh();
  const b = scheduler.refresh();
  assert.equal(calls, 1);
  assert.equal(a, b);
  finish();
  await a;
  const c = scheduler.refresh();
  finish();
  await c;
  assert.equal(calls, 2, 'a refresh after the load ended loads again');
});

test('after an action the view follows it with 5 reloads over 30 s, then returns to the idle interval', async () => {
  const { clock, loads, scheduler } = setup(5 * MINUTE);
  scheduler.setVisible(true);
  await clock.advance(10 * SECOND);
  loads.length = 0;
  void scheduler.pollAfterAction();
  await clock.advance(5 * MINUTE + 40 * SECOND);
  assert.deepEqual(
    gaps(loads),
    [6, 6, 6, 6, 6, 300].map((s) => s * SECOND),
  );
});

test('after an action, a load that was already running is not taken as fresh: one more load follows it', async () => {
  const clock = new FakeClock();
  const finishers: (() => void)[] = [];
  const scheduler = new RefreshScheduler(
    () => new Promise((resolve) => finishers.push(() => resolve({ running: false }))),
    clock,
    () => 30 * SECOND,
  );
  void scheduler.refresh();
  const afterAction = scheduler.pollAfterAction();
  assert.equal(finishers.length, 1);
  finishers[0]();
  await settle();
  assert.equal(finishers.length, 2, 'a second load started once the first ended');
  finishers[1]();
  await afterAction;
});

test('a manual refresh on a hidden view loads once and schedules nothing', async () => {
  const { clock, loads, scheduler } = setup();
  await scheduler.refresh();
  await clock.advance(10 * MINUTE);
  assert.deepEqual(loads, [0]);
});

test('a failing load does not stop the polling', async () => {
  const { clock, loads, view, scheduler } = setup(30 * SECOND);
  view.fail = true;
  scheduler.setVisible(true);
  await clock.advance(61 * SECOND);
  assert.equal(loads.length, 3);
});

test('the manager refreshes one view (even hidden, once) or all: shown views now, hidden ones when next shown', async () => {
  const clock = new FakeClock();
  const loaded: string[] = [];
  const manager = new ViewRefresher(() => 30 * SECOND, clock);
  for (const name of ['workflows', 'clusters', 'jobs'] as const)
    manager.register(name, async () => {
      loaded.push(name);
      return { running: false };
    });
  manager.refresh('jobs');
  await settle();
  assert.deepEqual(loaded, ['jobs'], 'the refresh button of one view loads it');
  manager.setVisible('workflows', true);
  await settle();
  assert.deepEqual(loaded, ['jobs', 'workflows']);
  manager.refresh(); // e.g. the API key changed
  await settle();
  assert.deepEqual(loaded, ['jobs', 'workflows', 'workflows'], 'hidden views never reload');
  manager.setVisible('jobs', true);
  await settle();
  assert.deepEqual(loaded.slice(3), ['jobs'], 'a view marked stale while hidden reloads when shown, though loaded recently');
  manager.setVisible('jobs', false);
  await clock.advance(31 * SECOND);
  assert.deepEqual(loaded.slice(4), ['workflows'], 'only the visible view polls');
  manager.dispose();
  await clock.advance(10 * MINUTE);
  assert.equal(loaded.length, 5);
});

test('a shorter poll interval setting applies at once, not after the old interval ran out', async () => {
  const clock = new FakeClock();
  let idle = 3600 * SECOND;
  let loads = 0;
  const manager = new ViewRefresher(() => idle, clock);
  manager.register('jobs', async () => {
    loads++;
    return { running: false };
  });
  manager.setVisible('jobs', true);
  await settle();
  assert.equal(loads, 1);
  await clock.advance(10 * SECOND);
  idle = 5 * SECOND;
  manager.intervalChanged();
  await settle();
  assert.equal(loads, 2, 'the last load is older than the new interval: reload now');
  await clock.advance(5 * SECOND);
  assert.equal(loads, 3, 'then every 5 s');
  manager.dispose();
});

test('refreshing all views while a load runs (the key changed meanwhile) reloads after it, shown now or hidden when next shown', async () => {
  for (const visible of [false, true]) {
    const clock = new FakeClock();
    const loads: string[] = [];
    let key = 'old';
    const gates: (() => void)[] = [];
    const manager = new ViewRefresher(() => 30 * SECOND, clock);
    manager.register('jobs', async () => {
      loads.push(key);
      await new Promise<void>((done) => gates.push(done));
      return { running: false };
    });
    const release = async () => {
      while (gates.length) gates.shift()!();
      await settle();
    };
    if (visible) manager.setVisible('jobs', true);
    else manager.refresh('jobs');
    await settle();
    key = 'new';
    manager.refresh(); // started before the change: its result is stale
    await release();
    if (!visible) manager.setVisible('jobs', true);
    await settle();
    await release();
    assert.deepEqual(loads, ['old', 'new'], visible ? 'a shown view reloads right after' : 'a hidden view reloads when shown');
    manager.dispose();
  }
});
