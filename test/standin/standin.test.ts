// The stand-in's own documented behaviours (flags, refusals, runner rules, switches), run as a process.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const BIN = fileURLToPath(new URL('./bin/tilebox', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../fixtures/example-project', import.meta.url));
const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';

function setup() {
  const state = mkdtempSync(join(tmpdir(), 'standin-state-'));
  const project = mkdtempSync(join(tmpdir(), 'standin-project-'));
  cpSync(EXAMPLE, project, { recursive: true });
  const env = { TILEBOX_STANDIN_STATE: state, TILEBOX_API_KEY: 'tbx-key-standin-test', PATH: process.env.PATH };
  const tb = (args: string[], extra: Record<string, string | undefined> = {}) =>
    execa(BIN, args, { cwd: project, env: { ...env, ...extra }, extendEnv: false, reject: false });
  const json = async (args: string[]) => {
    const r = await tb(args);
    assert.equal(r.exitCode, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  return { state, project, tb, json };
}

test('--help says it is a test double', async () => {
  const { tb } = setup();
  assert.match((await tb(['--help'])).stdout, /TEST DOUBLE/);
});

test('without a key: exit 1 and the documented message; --api-key is accepted and redacted in calls.log', async () => {
  const { tb, state } = setup();
  const r = await tb(['cluster', 'list', '--json'], { TILEBOX_API_KEY: undefined });
  assert.equal(r.exitCode, 1);
  assert.equal(r.stderr.trim(), 'Error: no API key: set TILEBOX_API_KEY or pass --api-key');
  const withFlag = await tb(['--api-key', 'tbx-flag-secret', 'cluster', 'list', '--json'], { TILEBOX_API_KEY: undefined });
  assert.equal(withFlag.exitCode, 0);
  const log = readFileSync(join(state, 'calls.log'), 'utf8');
  assert.ok(!log.includes('tbx-flag-secret') && !log.includes('tbx-key-standin-test'));
  assert.match(log, /"api_key_flag":true/);
});

test('deploy flags: target and cluster together, release and latest together, non-UUID release, --api-url misplaced', async () => {
  const { tb, json } = setup();
  await json(['workflow', 'publish-release', '--json']);
  const both = await tb(['workflow', 'deploy-release', '--latest', '--target', 'dev', '--cluster', DEV, '--json']);
  assert.deepEqual([both.exitCode, both.stderr.trim()], [2, 'Error: --target and --cluster cannot be used together']);
  const neither = await tb(['workflow', 'deploy-release', '--json']);
  assert.deepEqual([neither.exitCode, neither.stderr.trim()], [2, 'Error: pass exactly one of --release <uuid> or --latest']);
  assert.match((await tb(['workflow', 'deploy-release', '--release', 'v1', '--json'])).stderr, /--release must be a UUID/);
  assert.match((await tb(['cluster', 'list', '--api-url', 'http://x'])).stderr, /global flag: put it before the command/);
  assert.match((await tb(['job', 'list', '--bogus'])).stderr, /unknown flag: --bogus/);
});

test('deploying a second release to the same cluster replaces the first (one active release per workflow per cluster)', async () => {
  const { project, json } = setup();
  const r1 = (await json(['workflow', 'publish-release', '--json'])).id;
  await json(['workflow', 'deploy-release', '--latest', '--cluster', DEV, '--json']);
  writeFileSync(join(project, 'scene_qa', 'extra.py'), 'X = 1\n');
  const r2 = (await json(['workflow', 'publish-release', '--json'])).id;
  assert.notEqual(r1, r2);
  await json(['workflow', 'deploy-release', '--release', r2, '--cluster', DEV, '--json']);
  const cluster = await json(['cluster', 'get', DEV, '--json']);
  assert.deepEqual(
    cluster.deployed_releases.map((w: { releases: { id: string }[] }) => w.releases.map((r) => r.id)),
    [[r2]],
  );
});

test('the runner leaves a job with an incompatible task version queued, and retries up to --max-retries', async () => {
  const { tb, json } = setup();
  await json(['workflow', 'publish-release', '--json']);
  await json(['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
  const tooNew = (
    await json([
      'job',
      'submit',
      '--name',
      'new',
      '--task',
      'tilebox.com/example/CheckClouds',
      '--version',
      'v1.3',
      '--cluster',
      DEV,
      '--json',
    ])
  ).id;
  const flaky = (
    await json([
      'job',
      'submit',
      '--name',
      'flaky',
      '--task',
      'tilebox.com/example/CheckClouds',
      '--version',
      'v1.1',
      '--input',
      '{"fail":true}',
      '--max-retries',
      '1',
      '--cluster',
      DEV,
      '--json',
    ])
  ).id;
  const run = await tb(['runner', 'start', '--cluster', DEV, '--stop-when-idling']);
  assert.equal(run.exitCode, 0);
  assert.match(run.stderr, /registers tilebox\.com\/example\/CheckClouds@v1\.3; job .* stays queued/);
  assert.equal((await json(['job', 'get', tooNew, '--json'])).state, 'submitted');
  assert.equal((await json(['job', 'get', flaky, '--json'])).state, 'failed');
  assert.equal((run.stderr.match(/task CheckClouds of job .* failed/g) ?? []).length, 2, 'one try plus one retry');
});

test('without --stop-when-idling the runner keeps polling (picks up later jobs) until SIGTERM', async () => {
  const { state, project, json } = setup();
  await json(['workflow', 'publish-release', '--json']);
  await json(['workflow', 'deploy-release', '--latest', '--json']);
  const runner = execa(BIN, ['runner', 'start'], {
    cwd: project,
    env: { TILEBOX_STANDIN_STATE: state, TILEBOX_API_KEY: 'k', PATH: process.env.PATH },
    extendEnv: false,
    reject: false,
  });
  const id = (await json(['job', 'submit', '--name', 'later', '--task', 'Summarize', '--json'])).id;
  for (let i = 0; i < 40 && (await json(['job', 'get', id, '--json'])).state !== 'completed'; i++)
    await new Promise((r) => setTimeout(r, 250));
  assert.equal((await json(['job', 'get', id, '--json'])).state, 'completed');
  runner.kill('SIGTERM');
  const r = await runner;
  assert.match(r.stderr, /SIGTERM: stopped claiming tasks/);
});

test('mode no-uv: a runner for a cluster with a deployed release fails as a missing uv does (exit 127); one with nothing deployed idles', async () => {
  const { json, tb } = setup();
  await json(['workflow', 'publish-release', '--json']);
  await json(['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
  const noUv = { TILEBOX_STANDIN_MODE: 'no-uv' };
  const r = await tb(['runner', 'start', '--cluster', DEV], noUv);
  assert.equal(r.exitCode, 127);
  assert.match(r.stderr, /uv: command not found/);
  const idle = await tb(['runner', 'start', '--cluster', 'prod-eu-CvufcSxcC9SKfe', '--stop-when-idling'], noUv);
  assert.equal(idle.exitCode, 0, idle.stderr);
});

test('misbehaviour switches from the environment and from <state>/mode, flipped between calls', async () => {
  const { tb, state } = setup();
  assert.equal((await tb(['cluster', 'list', '--json'])).exitCode, 0);
  writeFileSync(join(state, 'mode'), 'fail\n');
  assert.deepEqual(await tb(['cluster', 'list', '--json']).then((r) => [r.exitCode, r.stderr.trim()]), [1, 'Error: internal server error']);
  rmSync(join(state, 'mode'));
  const garbage = await tb(['job', 'list', '--json'], { TILEBOX_STANDIN_MODE: 'garbage' });
  assert.equal(garbage.exitCode, 0);
  assert.throws(() => JSON.parse(garbage.stdout));
  assert.match((await tb(['account', 'get', '--json'], { TILEBOX_STANDIN_MODE: 'unauthenticated' })).stderr, /401/);
  const hang = execa(BIN, ['cluster', 'list'], {
    env: { TILEBOX_STANDIN_STATE: state, TILEBOX_STANDIN_MODE: 'hang' },
    reject: false,
    timeout: 700,
  });
  assert.equal((await hang).timedOut, true);
});

test('mode hold: a call waits while <state>/mode says hold, and answers once it is lifted', async () => {
  const { tb, state } = setup();
  writeFileSync(join(state, 'mode'), 'hold\n');
  let answered = false;
  const held = tb(['cluster', 'list', '--json']).then((r) => {
    answered = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(answered, false, 'the call answered while held');
  rmSync(join(state, 'mode'));
  const r = await held;
  assert.equal(r.exitCode, 0, r.stderr);
  assert.ok(Array.isArray(JSON.parse(r.stdout).clusters));
});

test('parallel runs the command N times without a shell', async () => {
  const { tb } = setup();
  const r = await tb(['parallel', '-n', '3', '--', process.execPath, '-e', 'console.log("hi $HOME")']);
  assert.equal(r.exitCode, 0);
  assert.deepEqual(r.stdout.trim().split('\n'), ['hi $HOME', 'hi $HOME', 'hi $HOME']);
});
