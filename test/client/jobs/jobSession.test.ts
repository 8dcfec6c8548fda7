// The job panel's session follows logs while the job runs (paging with the CLI cursor), stops when it ends,
// and keeps what it showed; asserted on the panel's text as a user reads it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execa } from 'execa';
import { JobSession } from '../../../client/src/jobs/jobSession';
import { deployRelease, jobSubmit, publishRelease } from '../../../client/src/cliAdapter/calls';
import { ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { DEV, KEY, world } from '../commands/support';
import { sessionText } from './panel/seen';

test('following a job: earlier lines stay, new lines are appended, following stops when the job ends', async () => {
  const w = world();
  const cwd = w.project.dir;
  ok(await w.h.cli.run(publishRelease(cwd), { cwd }));
  ok(await w.h.cli.run(deployRelease({ target: 'dev' }), { cwd }));
  const { jobId } = ok(
    await w.h.cli.run(
      jobSubmit({ name: 'follow', task: 'tilebox.com/example/FetchScene', version: 'v1.0', input: '{"fail": true}', cluster: DEV }),
    ),
  );

  const renders: string[] = [];
  let sleeps = 0;
  const session = new JobSession(
    jobId,
    w.h.cli,
    () => renders.push(sessionText(session)),
    async () => {
      // The runner runs while the document waits between reads.
      if (++sleeps === 1) {
        const r = await execa(STANDIN_BIN, ['runner', 'start', '--cluster', DEV, '--stop-when-idling'], {
          env: { TILEBOX_API_KEY: KEY, TILEBOX_STANDIN_STATE: w.h.state },
          reject: false,
        });
        assert.equal(r.exitCode, 0, r.stderr);
      }
    },
    1,
  );
  await session.start();

  const first = renders[0];
  assert.match(first, /^# follow\nqueued$/m);
  assert.match(first, /Following: new lines appear/);
  const firstLogLines = logLines(first);
  assert.ok(firstLogLines.length > 0);
  const last = renders.at(-1)!;
  assert.match(last, /^# follow\nfailed$/m);
  assert.doesNotMatch(last, /Following/);
  assert.match(last, /ValueError: the input asked this task to fail/);
  for (const line of firstLogLines) assert.ok(last.includes(line), `earlier line kept: ${line}`);
  assert.ok(session.follower.lines.length > firstLogLines.length, 'lines were appended');
  assert.equal(session.following, false);

  const reads = w.h.calls().length;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(w.h.calls().length, reads, 'no reads after the job ended');
  assert.ok(
    w.h.calls().some((c) => c.argv.includes('--cursor')),
    'later pages are read with the CLI cursor',
  );
});

test('a job that does not exist shows why instead of an empty panel', async () => {
  const w = world();
  const session = new JobSession(
    '019ef7a2-56b4-7a86-9c4d-52a1792b1e90',
    w.h.cli,
    () => {},
    async () => {},
  );
  await session.start();
  assert.match(
    sessionText(session),
    /^# Job 019ef7a2-56b4-7a86-9c4d-52a1792b1e90\n019ef7a2-56b4-7a86-9c4d-52a1792b1e90\nReading the job failed/,
  );
});

test("a queued job's panel says why it may wait: nothing deployed on its cluster, no runner started here", async () => {
  const w = world();
  const { jobId } = ok(
    await w.h.cli.run(jobSubmit({ name: 'waiting', task: 'tilebox.com/example/FetchScene', version: 'v1.0', cluster: DEV })),
  );
  const open = async (runners: string[]) => {
    let text = '';
    const session: JobSession = new JobSession(
      jobId,
      w.h.cli,
      () => {
        text = sessionText(session);
        session.dispose(); // the first render is enough; stop following
      },
      async () => {},
      200,
      () => runners,
    );
    await session.start();
    return text;
  };
  const alone = await open([]);
  assert.match(
    alone,
    /## Why it may wait\nNo release is deployed on dev-cluster-9xK2mQ4pL8nR7s: runners there have no tasks to run\.\nNo runner for dev-cluster-9xK2mQ4pL8nR7s was started from this editor/,
  );
  const withRunner = await open([DEV]);
  assert.match(withRunner, /No release is deployed/);
  assert.doesNotMatch(withRunner, /No runner for/);

  ok(await w.h.cli.run(publishRelease(w.project.dir), { cwd: w.project.dir }));
  ok(await w.h.cli.run(deployRelease({ target: 'dev' }), { cwd: w.project.dir }));
  assert.doesNotMatch(await open([DEV]), /Why it may wait/, 'a compatible release and a runner: nothing to explain');
});

test('a job panel for an id that is not a UUID says so instead of loading forever, and runs no CLI', async () => {
  let runs = 0;
  const cli = {
    run: async () => {
      runs++;
      return { kind: 'cancelled' as const };
    },
  };
  const renders: string[] = [];
  const session = new JobSession(
    'not-a-job',
    cli,
    () => renders.push(sessionText(session)),
    async () => {},
  );
  await session.start();
  assert.equal(runs, 0);
  assert.match(renders.at(-1) ?? '', /^Cannot open this job: Job "not-a-job" is not a UUID/m);
  assert.doesNotMatch(sessionText(session), /Loading/);
});

test('a log cursor the CLI call refuses stops following with the reason instead of "Following…" forever', async () => {
  const id = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';
  const job = { id, name: 'scene-qa', state: 'running', taskSummaries: [], progress: [] };
  const cli = {
    run: async (call: { args: string[] }) => ({
      kind: 'ok' as const,
      warnings: [],
      value: call.args[1] === 'get' ? job : { items: [{ body: 'first line' }], nextCursor: '-starts-like-a-flag' },
    }),
  };
  const renders: string[] = [];
  const session = new JobSession(
    id,
    cli as never,
    () => renders.push(sessionText(session)),
    async () => {},
  );
  await session.start();
  assert.equal(session.following, false);
  assert.match(renders.at(-1) ?? '', /Reading the job stopped: Cursor "-starts-like-a-flag" must not start with '-'/);
  assert.match(renders.at(-1) ?? '', /first line/);
});

/** The log lines the panel shows, in order (between the Logs heading and the end). */
function logLines(text: string): string[] {
  return (text.split('\n## Logs\n')[1] ?? '').split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
}
