// The loop the issue promises, through the adapter and the stand-in: init → publish → deploy --target →
// submit (fails) → runner → failed → publish a fixed release → deploy → retry → runner → completed.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import * as calls from '../../../client/src/cliAdapter/calls';
import { checkRetry } from '../../../client/src/cliAdapter/checkRetry';
import { explainQueuedJob, jobCluster, releasesOn } from '../../../client/src/cliAdapter/jobDiagnosis';
import { runnerStartArgs } from '../../../client/src/cliAdapter/validate';
import { harness, KEY, ok, STANDIN_BIN } from './helpers';

const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';

test('create project, publish, deploy to a target, see the job fail, retry after a fixed release, and complete', async () => {
  const h = harness();
  const dir = h.tempDir();
  const runner = async () => {
    // What the runner terminal runs: the argv builder's arguments, key only in the environment.
    const r = await execa(STANDIN_BIN, [...runnerStartArgs({ cluster: DEV, count: 2, stopWhenIdle: true })], {
      cwd: dir,
      reject: false,
      env: { TILEBOX_STANDIN_STATE: h.state, TILEBOX_API_KEY: KEY },
    });
    assert.equal(r.exitCode, 0, r.stderr);
    return r.stderr;
  };

  const { workflowSlug } = ok(await h.cli.run(calls.workflowInit('Loop demo'), { cwd: dir }));
  appendFileSync(join(dir, 'tilebox.workflow.toml'), `\n[targets.dev]\nclusters = ["${DEV}"]\n`);
  const v1 = ok(await h.cli.run(calls.publishRelease(), { cwd: dir }));
  assert.deepEqual(v1.tasks, [{ name: 'HelloTask', version: 'v1.0' }]);
  assert.deepEqual(ok(await h.cli.run(calls.deployRelease({ target: 'dev' }), { cwd: dir })).clusters, [DEV]);

  const { jobId } = ok(
    await h.cli.run(calls.jobSubmit({ name: 'loop', task: 'HelloTask', version: 'v1.0', input: '{"fail": true}', cluster: DEV })),
  );
  let job = ok(await h.cli.run(calls.jobGet(jobId)));
  const clusters = ok(await h.cli.run(calls.clusterList()));
  assert.deepEqual(
    explainQueuedJob(job, clusters, []).map((d) => d.code),
    ['no-local-runner'],
    'a compatible release is deployed; only the runner is missing',
  );

  assert.match(await runner(), /task HelloTask of job .* failed/);
  job = ok(await h.cli.run(calls.jobGet(jobId)));
  assert.equal(job.state, 'failed');
  assert.equal(job.taskSummaries[0].state, 'failed');
  const logs = ok(await h.cli.run(calls.jobLogs(jobId)));
  assert.ok(logs.items.some((l) => l.severity === 'ERROR' && l.body.includes(v1.releaseId)));

  // Retrying with the same release cannot help, but compatibility is fine, so no compat warning:
  const failed = job.taskSummaries.filter((t) => t.state === 'failed');
  assert.deepEqual(checkRetry(job, failed, releasesOn(jobCluster(job, clusters))), []);

  writeFileSync(
    join(dir, 'runner.py'),
    readFileSync(join(dir, 'runner.py'), 'utf8').replace('print(f"Hello {self.name}")', 'print(f"Hello, fixed {self.name}")'),
  );
  const v2 = ok(await h.cli.run(calls.publishRelease(), { cwd: dir }));
  assert.notEqual(v2.releaseId, v1.releaseId);
  assert.equal(v2.message, 'release published');
  ok(await h.cli.run(calls.deployRelease({ target: 'dev', release: v2.releaseId }), { cwd: dir }));
  const wf = ok(await h.cli.run(calls.workflowGet(workflowSlug)));
  assert.deepEqual(
    wf.releases.map((r) => [r.id, r.clusters]),
    [
      [v2.releaseId, [DEV]],
      [v1.releaseId, []],
    ],
    'newest first; one active release per cluster',
  );

  assert.deepEqual(ok(await h.cli.run(calls.jobRetry(jobId))), { numTasksRescheduled: 1 });
  assert.equal(ok(await h.cli.run(calls.jobGet(jobId))).state, 'submitted');
  assert.match(await runner(), /job .* completed/);
  job = ok(await h.cli.run(calls.jobGet(jobId)));
  assert.equal(job.state, 'completed');
  assert.deepEqual(job.progress, [{ label: 'tasks', total: 1, done: 1 }]);
  assert.equal(job.executionStats?.tasksByState.computed, 1);
  assert.ok(!readFileSync(join(h.state, 'calls.log'), 'utf8').includes(KEY));
});
