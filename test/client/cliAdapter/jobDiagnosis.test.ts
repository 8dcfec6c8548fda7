// Task compatibility and the diagnosis of queued jobs and retries (issue 5 item 5).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRetry } from '../../../client/src/cliAdapter/checkRetry';
import { explainQueuedJob, isCompatible } from '../../../client/src/cliAdapter/jobDiagnosis';
import type { Cluster, Job, Release, TaskSummary } from '../../../client/src/cliAdapter/types';

const T = (version: string, name = 'Scene') => ({ name, version });

test('v1.5 runs v1.3; v1.2 and v2.5 do not; names must match', () => {
  assert.equal(isCompatible(T('v1.3'), T('v1.5')), true);
  assert.equal(isCompatible(T('v1.3'), T('v1.3')), true);
  assert.equal(isCompatible(T('v1.3'), T('v1.2')), false);
  assert.equal(isCompatible(T('v1.3'), T('v2.5')), false);
  assert.equal(isCompatible(T('v1.3'), T('v1.5', 'Other')), false);
  assert.equal(isCompatible(T('1.3'), T('v1.5')), false, 'a malformed version is never compatible');
});

const release = (id: string, tasks = [T('v1.5')]): Release => ({ id, tasks, clusters: [] });
const cluster = (slug: string, releases: Release[], isDefault = false): Cluster => ({
  slug,
  displayName: slug,
  deletable: !isDefault,
  isDefault,
  deployments: releases.map((r) => ({ workflowSlug: 'wf', release: r })),
});
const task = (state: TaskSummary['state'], identifier?: { name: string; version: string }): TaskSummary => ({
  id: 't1',
  display: 'Scene',
  state,
  identifier,
});
const job = (tasks: TaskSummary[], clusterSlug?: string, state: Job['state'] = 'submitted'): Job => ({
  id: 'j',
  name: 'j',
  state,
  clusterSlug,
  taskSummaries: tasks,
  progress: [],
});

test('a queued job with a compatible release and a local runner has nothing to explain', () => {
  assert.deepEqual(explainQueuedJob(job([task('queued', T('v1.3'))], 'dev'), [cluster('dev', [release('r')])], ['dev']), []);
});

test('queued job reasons: nothing deployed, only incompatible releases, no local runner', () => {
  const codes = (j: Job, cs: Cluster[], local: string[]) => explainQueuedJob(j, cs, local).map((d) => d.code);
  assert.deepEqual(codes(job([task('queued', T('v1.3'))], 'dev'), [cluster('dev', [])], ['dev']), ['no-release-deployed']);
  const reasons = explainQueuedJob(job([task('queued', T('v2.0'))], 'dev'), [cluster('dev', [release('r')])], []);
  assert.deepEqual(
    reasons.map((d) => d.code),
    ['no-compatible-release', 'no-local-runner'],
  );
  assert.match(reasons[0].message, /Scene@v2\.0/);
  assert.deepEqual(codes(job([task('queued', T('v1.0'))], 'gone'), [cluster('dev', [])], []), ['unknown-cluster']);
});

test('a job without a cluster is checked against the default cluster', () => {
  const reasons = explainQueuedJob(job([task('queued', T('v1.0'))]), [cluster('default-x', [release('r')], true)], []);
  assert.deepEqual(
    reasons.map((d) => d.code),
    ['no-local-runner'],
  );
  assert.match(reasons[0].message, /default-x/);
});

test('without task identifiers in the CLI output the diagnosis says "cannot check" instead of guessing', () => {
  const reasons = explainQueuedJob(job([task('queued')], 'dev'), [cluster('dev', [release('r')])], ['dev']);
  assert.deepEqual(
    reasons.map((d) => d.code),
    ['cannot-check'],
  );
  assert.deepEqual(
    explainQueuedJob(job([task('queued')], 'dev', 'running'), [cluster('dev', [])], []),
    [],
    'only submitted jobs are explained',
  );
});

test('retry warnings: incompatible deployed release, nothing deployed, unknown identifiers', () => {
  const failed = [task('failed', T('v1.3'))];
  assert.deepEqual(checkRetry(job(failed, 'dev', 'failed'), failed, release('r')), []);
  const breaking = checkRetry(job(failed, 'dev', 'failed'), failed, [release('r', [T('v2.0')])]);
  assert.deepEqual(
    breaking.map((d) => d.code),
    ['retry-incompatible'],
  );
  assert.match(breaking[0].message, /registers Scene@v2\.0.*new major version/);
  assert.deepEqual(
    checkRetry(job(failed, 'dev', 'failed'), failed, undefined).map((d) => d.code),
    ['no-release-deployed'],
  );
  const unknown = [task('failed')];
  assert.deepEqual(
    checkRetry(job(unknown, 'dev', 'failed'), unknown, release('r')).map((d) => d.code),
    ['cannot-check'],
  );
});
