// Pure pieces behind the job commands: input checks, the job panel's text, log following, the watcher.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJobInput, MAX_INPUT_BYTES } from '../../../client/src/jobs/jobInput';
import { LogFollower, type LogSource } from '../../../client/src/jobs/logFollower';
import { JobWatcher, jobEndedNotice } from '../../../client/src/jobs/jobWatcher';
import { panelHtml, seen, sessionText } from './panel/seen';
import type { CliResult, Job, JobState, LogLine, Page } from '../../../client/src/cliAdapter/types';
import { lastJobStatus } from '../../../client/src/status/statusModel';
import { JobSession } from '../../../client/src/jobs/jobSession';
import type { CliRunner } from '../../../client/src/services';

const ok = <T>(value: T): CliResult<T> => ({ kind: 'ok', value, warnings: [] });
const job = (state: JobState, extra: Partial<Job> = {}): Job => ({
  id: '019ef7a2-56b4-7a86-9c4d-52a1792b1e90',
  name: 'scene-qa',
  state,
  taskSummaries: [],
  progress: [],
  ...extra,
});

test('job input: empty is omitted, JSON is compacted, bad JSON and oversize input are refused with the reason', () => {
  assert.deepEqual(checkJobInput('  '), { ok: true });
  assert.deepEqual(checkJobInput('{ "scene": 42 }'), { ok: true, input: '{"scene":42}' });
  const bad = checkJobInput("{scene: 'x'}");
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /not valid JSON/);
  const big = checkJobInput(JSON.stringify({ data: 'x'.repeat(MAX_INPUT_BYTES) }));
  assert.equal(big.ok, false);
  assert.match((big as { message: string }).message, /at most 2048/);
  // Multi-byte characters count as bytes, not as characters.
  assert.equal(checkJobInput(JSON.stringify('é'.repeat(1100))).ok, false);
  assert.equal(checkJobInput(JSON.stringify('e'.repeat(1100))).ok, true);
});

test('job panel: progress bars, every task in the graph (an orphan too), logs and the following note', () => {
  const tasks = [
    { id: 'a', display: 'FetchScene', state: 'computed' as const },
    { id: 'b', display: 'CheckClouds', state: 'failed' as const, parentId: 'a' },
    { id: 'c', display: 'Orphan', state: 'queued' as const, parentId: 'missing' },
  ];
  const html = panelHtml({
    jobId: job('running').id,
    job: job('running', { taskSummaries: tasks, progress: [{ label: 'tiles', done: 1, total: 4 }] }),
    logs: [{ body: 'fetching scene' }],
    following: true,
  });
  const text = seen(html);
  assert.match(text, /^# scene-qa\nrunning$/m);
  assert.match(text, /^tiles 1\/4 \(25%\)$/m);
  assert.match(html, /<progress max="4" value="1" aria-label="tiles">/);
  assert.match(text, /## Tasks\nFetchScene\ncomputed\nCheckClouds\nfailed\nOrphan\nqueued\n/);
  assert.match(text, /fetching scene/);
  assert.match(text, /Following/);
});

/** A job whose log grows between reads; pages of 2 lines; the cursor is the offset. */
function growingSource(script: { lines: string[]; state: JobState }[]): LogSource & { reads: number } {
  let step = 0;
  const source = {
    reads: 0,
    async page(cursor: string | undefined): Promise<CliResult<Page<LogLine>>> {
      source.reads++;
      const all = script[Math.min(step, script.length - 1)].lines;
      const from = Number(cursor ?? 0);
      const items = all.slice(from, from + 2).map((body) => ({ body }));
      const nextCursor = from + 2 < all.length ? String(from + 2) : undefined;
      return ok({ items, nextCursor });
    },
    async state() {
      const s = script[Math.min(step, script.length - 1)].state;
      step++;
      return ok({ state: s });
    },
  };
  return source;
}

test('log following pages with the cursor, picks up lines written later, stops when the job ends', async () => {
  const source = growingSource([
    { lines: ['one', 'two', 'three'], state: 'running' },
    { lines: ['one', 'two', 'three', 'four'], state: 'running' },
    { lines: ['one', 'two', 'three', 'four', 'five', 'six'], state: 'failed' },
  ]);
  const follower = new LogFollower(source);
  const sleeps: number[] = [];
  const states: JobState[] = [];
  const end = await follower.follow({ sleep: async (ms) => void sleeps.push(ms), onUpdate: (s) => states.push(s) });
  assert.equal(end, 'job-ended');
  assert.deepEqual(
    follower.lines.map((l) => l.body),
    ['one', 'two', 'three', 'four', 'five', 'six'],
  );
  assert.equal(states.at(-1), 'failed');
  assert.equal(sleeps.length, 2, 'no waiting after the job ended');
  const readsAtEnd = source.reads;
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(source.reads, readsAtEnd, 'nothing reads after the follow ended');
});

test('"Load More Logs" during a follow round reads after it, so no line is shown twice or skipped', async () => {
  const lines = ['one', 'two', 'three', 'four', 'five'];
  const follower = new LogFollower({
    async page(cursor) {
      await new Promise((r) => setTimeout(r, 5)); // both reads are in flight at once
      const from = Number(cursor ?? 0);
      return ok({
        items: lines.slice(from, from + 2).map((body) => ({ body })),
        nextCursor: from + 2 < lines.length ? String(from + 2) : undefined,
      });
    },
    async state() {
      return ok({ state: 'running' as JobState });
    },
  });
  await Promise.all([follower.loadMore(), follower.loadMore(), follower.loadMore()]);
  assert.deepEqual(
    follower.lines.map((l) => l.body),
    lines,
  );
});

test('log following keeps the lines already shown when a later read fails', async () => {
  let calls = 0;
  const follower = new LogFollower({
    async page() {
      calls++;
      return calls === 1 ? ok({ items: [{ body: 'kept' }] }) : { kind: 'exited', exitCode: 1, stderr: 'boom' };
    },
    async state() {
      return ok({ state: 'running' as JobState });
    },
  });
  const end = await follower.follow({ sleep: async () => {} });
  assert.equal(end, 'failed');
  assert.deepEqual(
    follower.lines.map((l) => l.body),
    ['kept'],
  );
  assert.equal(follower.lastFailure?.kind, 'exited');
});

test('the watcher polls with backoff until a terminal state and reports it once', async () => {
  const states: JobState[] = ['submitted', 'running', 'running', 'failed'];
  const updates: JobState[] = [];
  const ended: Job[] = [];
  const sleeps: number[] = [];
  const watcher = new JobWatcher({
    getJob: async () => ok(job(states.shift() ?? 'failed')),
    sleep: async (ms) => void sleeps.push(ms),
    onUpdate: (j) => updates.push(j.state),
    onEnd: (j) => ended.push(j),
    delaysMs: [1, 2, 4],
  });
  const final = await watcher.watch('x');
  assert.equal(final?.state, 'failed');
  assert.deepEqual(updates, ['submitted', 'running', 'running', 'failed']);
  assert.equal(ended.length, 1);
  assert.deepEqual(sleeps, [1, 2, 4]);
  assert.equal(watcher.isWatching('x'), false);
});

test('a watcher that gives up after failed reads leaves the status bar saying so, not spinning "running"', async () => {
  let reads = 0;
  const updates: Job[] = [];
  const watcher = new JobWatcher({
    getJob: async () => (++reads === 1 ? ok(job('running')) : { kind: 'exited', exitCode: 1, stderr: 'offline' }),
    sleep: async () => {},
    onUpdate: (j) => updates.push(j),
    onEnd: () => assert.fail('the job did not end'),
    maxFailures: 3,
  });
  assert.equal(await watcher.watch('x'), undefined);
  assert.deepEqual(
    updates.map((j) => j.state),
    ['running', 'unknown'],
  );
  const shown = lastJobStatus(updates.at(-1)!);
  assert.doesNotMatch(shown.text, /spin/);
  assert.match(shown.text, /no longer followed/);
});

test('watching an id the job call refuses (not a UUID) ends quietly instead of rejecting', async () => {
  const ended: Job[] = [];
  const watcher = new JobWatcher({
    getJob: () => {
      throw new Error('Job "abc" is not a UUID');
    },
    sleep: async () => {},
    onUpdate: () => {},
    onEnd: (j) => ended.push(j),
  });
  assert.equal(await watcher.watch('abc'), undefined);
  assert.equal(ended.length, 0);
  assert.equal(watcher.isWatching('abc'), false);
});

test('the notice for a failed job offers Show Job, Retry and Show Logs; a completed one no Retry', () => {
  const failed = jobEndedNotice(job('failed'));
  assert.equal(failed.level, 'error');
  assert.deepEqual(
    failed.next.map((s) => s.title),
    ['Show Job', 'Retry', 'Show Logs'],
  );
  assert.deepEqual(failed.next[1], { title: 'Retry', command: 'tilebox.job.retry', args: [job('failed').id] });
  assert.ok(!jobEndedNotice(job('completed')).next.some((s) => s.title === 'Retry'));
});

/** A CLI answering `job get` and paged `job logs` from a mutable world (a retry appends a run's lines). */
function jobWorld(world: { state: JobState; logs: string[]; logsFail?: boolean }) {
  const id = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';
  const cli = {
    async run(call: { args: string[] }) {
      if (call.args[1] === 'get') return ok({ ...job(world.state), id });
      if (world.logsFail) return { kind: 'exited', exitCode: 1, stderr: 'network down' };
      const i = call.args.indexOf('--cursor');
      const from = i >= 0 ? Number(call.args[i + 1]) : 0;
      const next = Math.min(from + 2, world.logs.length);
      return ok({
        items: world.logs.slice(from, next).map((body) => ({ body })),
        nextCursor: next < world.logs.length ? String(next) : undefined,
      });
    },
  } as unknown as CliRunner;
  return new JobSession(
    id,
    cli,
    () => {},
    async () => {},
    2,
  );
}

test("Show Job again after a retry that already ended reads the new run's lines; a failed log read is tried again", async () => {
  const world = { state: 'failed' as JobState, logs: ['run1 a', 'run1 failed'] };
  const session = jobWorld(world);
  await session.start();
  assert.match(sessionText(session), /run1 failed/);
  Object.assign(world, { state: 'completed', logs: [...world.logs, 'run2 a', 'run2 done'] });
  await session.resume();
  assert.match(sessionText(session), /^# scene-qa\ncompleted$/m);
  assert.match(sessionText(session), /run1 failed[\s\S]*run2 done/, "old lines kept, the new run's appended");

  const broken = { state: 'failed' as JobState, logs: ['a', 'b'], logsFail: true };
  const again = jobWorld(broken);
  await again.start();
  assert.match(sessionText(again), /Logs could not be read/);
  broken.logsFail = false;
  await again.resume();
  assert.doesNotMatch(sessionText(again), /Logs could not be read/);
  assert.match(sessionText(again), /\bb\b/);
});
