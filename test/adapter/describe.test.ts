// One message and one action per failure kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure } from '../../client/src/tilebox/describe';

test('each failure kind maps to its message and action; ok and cancelled say nothing', () => {
  assert.equal(describeFailure({ kind: 'ok', value: 1, warnings: [] }), undefined);
  assert.equal(describeFailure({ kind: 'cancelled' }), undefined);
  const nf = describeFailure({ kind: 'not-found', searched: ['/usr/bin/tilebox'] }, 'Publishing release')!;
  assert.match(nf.message, /^Publishing release failed: the tilebox CLI was not found \(looked in \/usr\/bin\/tilebox\)\. Install it/);
  assert.deepEqual(nf.action, { title: 'Set CLI Path', command: 'tilebox.cli.setPath' });
  assert.deepEqual(describeFailure({ kind: 'not-authenticated', stderr: 'Error: no API key' })!.action, { title: 'Set API Key', command: 'tilebox.account.setApiKey' });
  const ex = describeFailure({ kind: 'exited', exitCode: 2, stderr: 'Usage: ...\nError: --target and --cluster cannot be used together' }, 'Deploying')!;
  assert.equal(ex.message, 'Deploying failed (exit 2): Error: --target and --cluster cannot be used together');
  assert.deepEqual(ex.action, { title: 'Show Output', command: 'tilebox.showOutput' });
  assert.deepEqual(describeFailure({ kind: 'unparsable', detail: 'jobs[3].id missing', stdout: '' })!.action, { title: 'Show Output', command: 'tilebox.showOutput' });
  const to = describeFailure({ kind: 'timed-out', timeoutMs: 30000 })!;
  assert.match(to.message, /timed out after 30 s/);
  assert.equal(to.retryable, true);
});
