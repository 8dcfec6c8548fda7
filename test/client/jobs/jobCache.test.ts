// One job cache: a put reaches every listener (panel, tree, status bar); reread reads the job again, and a failed
// read changes nothing; a listener that left hears nothing more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobCache } from '../../../client/src/jobs/jobCache';
import type { CliResult, Job } from '../../../client/src/cliAdapter/types';

const job = (state: Job['state']): Job => ({ id: 'j1', name: 'n', state, taskSummaries: [], progress: [] });

test('reread after a retry tells every listener the new state at once; a failed read tells none', async () => {
  let next: CliResult<Job> = { kind: 'ok', value: job('submitted'), warnings: [] };
  const cache = new JobCache(async () => next);
  const panel: string[] = [];
  const tree: string[] = [];
  cache.onDidChange((j) => panel.push(j.state));
  const sub = cache.onDidChange((j) => tree.push(j.state));
  cache.put(job('failed'));
  await cache.reread('j1');
  assert.deepEqual(panel, ['failed', 'submitted']);
  assert.deepEqual(tree, ['failed', 'submitted']);
  assert.equal(cache.get('j1')?.state, 'submitted');
  next = { kind: 'exited', exitCode: 1, stderr: 'offline' };
  sub.dispose();
  await cache.reread('j1');
  assert.deepEqual(panel, ['failed', 'submitted']);
  cache.put(job('canceled'));
  assert.deepEqual(tree, ['failed', 'submitted'], 'a disposed listener hears nothing');
  assert.deepEqual(panel.at(-1), 'canceled');
});
