// Small pure pieces: error classification, the tilebox task type, command splitting, node arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError } from '../../../client/src/commands/errors';
import { CliFailure, Dismissed, Problem } from '../../../client/src/commands/flow';
import { clusterFrom, jobIdFrom, releaseFrom } from '../../../client/src/commands/nodeArgs';
import { splitArgs } from '../../../client/src/runner/splitArgs';
import { taskArgs } from '../../../client/src/runner/taskArgs';
import { InvalidArgumentError } from '../../../client/src/cliAdapter/validate';

const ID = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';

test('errors: a dismissed picker and a cancelled call are silent; problems are one message; the rest is a bug', () => {
  assert.equal(classifyError(new Dismissed(), 'x').kind, 'silent');
  assert.equal(classifyError(new CliFailure({ kind: 'cancelled' }, 'Publishing'), 'x').kind, 'silent');
  assert.equal(classifyError(new CliFailure({ kind: 'timed-out', timeoutMs: 1 }, 'Publishing'), 'x').kind, 'failure');
  assert.deepEqual(classifyError(new Problem('No clusters.'), 'x'), { kind: 'message', text: 'No clusters.' });
  assert.deepEqual(classifyError(new InvalidArgumentError('Cluster "--x" is not a valid slug'), 'x'), {
    kind: 'message',
    text: 'Cluster "--x" is not a valid slug',
  });
  const bug = classifyError(new TypeError('boom'), 'tilebox.job.show');
  assert.equal(bug.kind, 'bug');
  assert.equal((bug as { text: string }).text, 'tilebox.job.show failed unexpectedly: boom');
});

test('task type: runner and publish resolve to argument arrays; bad definitions are explained', () => {
  assert.deepEqual(taskArgs({ type: 'tilebox', action: 'runner', cluster: 'dev', count: 2, stopWhenIdle: true }), {
    ok: true,
    args: ['runner', 'start', '--cluster', 'dev', '-n', '2', '--stop-when-idling'],
  });
  assert.deepEqual(taskArgs({ type: 'tilebox', action: 'publish', project: 'flows/a' }, 'https://api.tilebox.dev'), {
    ok: true,
    args: ['--api-url', 'https://api.tilebox.dev', 'workflow', 'publish-release', '.'],
    projectDir: 'flows/a',
  });
  const badSlug = taskArgs({ type: 'tilebox', action: 'runner', cluster: '--evil' });
  assert.equal(badSlug.ok, false);
  assert.match((badSlug as { message: string }).message, /not a valid slug/);
  assert.match(
    (taskArgs({ type: 'tilebox', action: 'deploy' as 'runner' }) as { message: string }).message,
    /Unknown tilebox task action "deploy"/,
  );
});

test('task type: a non-string project in tasks.json is explained instead of throwing', () => {
  const r = taskArgs({ type: 'tilebox', action: 'publish', project: 5 as unknown as string });
  assert.deepEqual(r, { ok: false, message: 'Task project must be a folder path in quotes, got 5.' });
});

test('splitArgs keeps quoted spaces, leaves $ and globs literal, and refuses an unclosed quote', () => {
  assert.deepEqual(splitArgs(`python -c "print('hi there')" *.py \\$X`), {
    ok: true,
    args: ['python', '-c', "print('hi there')", '*.py', '$X'],
  });
  assert.deepEqual(splitArgs(`a '' b`), { ok: true, args: ['a', '', 'b'] });
  assert.deepEqual(splitArgs('python "oops'), { ok: false, message: 'The command has an unclosed " quote.' });
  assert.equal(splitArgs('   ').ok, false);
});

test('node arguments: ids and slugs are read from nodes, next steps or strings, and only when valid', () => {
  assert.equal(jobIdFrom({ job: { id: ID } }), ID);
  assert.equal(jobIdFrom(ID), ID);
  assert.equal(jobIdFrom({ job: { id: 'not-a-uuid' } }), undefined);
  assert.deepEqual(releaseFrom({ releaseId: ID, workflowSlug: 'scene-qa' }), { id: ID, workflowSlug: 'scene-qa', release: undefined });
  assert.equal(clusterFrom({ cluster: { slug: 'dev-1' } }), 'dev-1');
  assert.equal(clusterFrom({ clusterSlug: '--evil' }), undefined);
});
