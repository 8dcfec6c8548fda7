// Call builders: the exact argument arrays the CLI receives, and refusal of values that could become flags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as calls from '../../../client/src/cliAdapter/calls';
import { InvalidArgumentError } from '../../../client/src/cliAdapter/validate';
import { harness, ok } from './helpers';

const R = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';

test('reads and writes carry --json and their kind; release builds get a long timeout', () => {
  assert.deepEqual(calls.workflowList().args, ['workflow', 'list', '--json']);
  assert.equal(calls.workflowList().kind, 'read');
  assert.equal(calls.jobRetry(R).kind, 'write');
  assert.deepEqual(calls.publishRelease('proj').args, ['workflow', 'publish-release', 'proj', '--json']);
  assert.ok((calls.publishRelease().timeoutMs ?? 0) >= 60_000 && (calls.buildRelease().timeoutMs ?? 0) >= 60_000);
  assert.deepEqual(calls.version().args, ['--version']);
});

test("tilebox.cli.timeoutSeconds above a long call's own 10 minutes applies to it; below, the 10 minutes stay", () => {
  const publish = calls.publishRelease().timeoutMs;
  assert.equal(calls.callTimeoutMs(publish, 1800_000), 1800_000, 'a 30 min setting lets a slow publish finish');
  assert.equal(calls.callTimeoutMs(publish, 60_000), publish, 'the 60 s default does not cut a publish short');
  assert.equal(calls.callTimeoutMs(calls.workflowList().timeoutMs, 60_000), 60_000, 'ordinary reads follow the setting');
});

test('deploy: --latest by default, --release with a UUID, target or clusters', () => {
  assert.deepEqual(calls.deployRelease().args, ['workflow', 'deploy-release', '--latest', '--json']);
  assert.deepEqual(calls.deployRelease({ workflow: 'wf-1', release: R, target: 'dev' }).args, [
    'workflow',
    'deploy-release',
    '--workflow',
    'wf-1',
    '--release',
    R,
    '--target',
    'dev',
    '--json',
  ]);
  assert.deepEqual(calls.undeployRelease({ release: 'latest', clusters: ['a-1', 'b-2'] }).args, [
    'workflow',
    'undeploy-release',
    '--latest',
    '--cluster',
    'a-1,b-2',
    '--json',
  ]);
});

test('deploy refuses target and clusters together, bad release ids and bad slugs', () => {
  assert.throws(() => calls.deployRelease({ target: 'dev', clusters: ['a'] }), /either a target or clusters/);
  assert.throws(() => calls.deployRelease({ release: 'v1' }), InvalidArgumentError);
  assert.throws(() => calls.deployRelease({ clusters: ['a,b'] }), /not a valid slug/);
  assert.throws(() => calls.deployRelease({ target: '--cluster=x' }), /must not start with '-'/);
});

test('job submit: all flags; invalid JSON input, version or retries are refused before the CLI runs', () => {
  assert.deepEqual(calls.jobSubmit({ name: 'n', task: 'T', version: 'v1.2', input: '{"a":1}', cluster: 'dev-1', maxRetries: 3 }).args, [
    'job',
    'submit',
    '--name',
    'n',
    '--task',
    'T',
    '--version',
    'v1.2',
    '--input',
    '{"a":1}',
    '--cluster',
    'dev-1',
    '--max-retries',
    '3',
    '--json',
  ]);
  assert.throws(() => calls.jobSubmit({ name: 'n', task: 'T', input: '{a:1}' }), /not valid JSON/);
  assert.throws(() => calls.jobSubmit({ name: 'n', task: 'T', version: '1.0' }), /must look like v1\.0/);
  assert.throws(() => calls.jobSubmit({ name: 'n', task: 'T', maxRetries: -1 }), /Max retries/);
  assert.throws(() => calls.jobSubmit({ name: '--api-key', task: 'T' }), /must not start with '-'/);
});

test('job list and logs: filters and cursors; ids must be UUIDs', () => {
  assert.deepEqual(calls.jobList({ state: 'FAILED', last: '7d', name: 'scene', cluster: 'dev-1', limit: 20, cursor: 'c1' }).args, [
    'job',
    'list',
    '--state',
    'failed',
    '--last',
    '7d',
    '--name',
    'scene',
    '--cluster',
    'dev-1',
    '--limit',
    '20',
    '--cursor',
    'c1',
    '--json',
  ]);
  assert.deepEqual(calls.jobLogs(R, { sort: 'desc', limit: 50, cursor: '10' }).args, [
    'job',
    'logs',
    R,
    '--sort',
    'desc',
    '--limit',
    '50',
    '--cursor',
    '10',
    '--json',
  ]);
  assert.throws(() => calls.jobGet('not-a-uuid'), /is not a UUID/);
  assert.throws(() => calls.jobList({ limit: 0 }), /Limit/);
  assert.throws(() => calls.clusterGet('../etc'), /not a valid slug/);
});

test('a project directory that starts with "-" is passed as a path, not a flag', () => {
  assert.deepEqual(calls.buildRelease('-weird').args, ['workflow', 'build-release', './-weird', '--json']);
});

test('a job name filter starting with "-" reaches the CLI as one --name=<value> argument and filters by it', async () => {
  assert.deepEqual(calls.jobList({ name: '-draft' }).args, ['job', 'list', '--name=-draft', '--json']);
  const h = harness();
  for (const name of ['scene-draft', 'scene-final']) ok(await h.cli.run(calls.jobSubmit({ name, task: 'T' })));
  const page = ok(await h.cli.run(calls.jobList({ name: '-draft' })));
  assert.deepEqual(
    page.items.map((j) => j.name),
    ['scene-draft'],
  );
});
