// Every call builder through TileboxCli and the parsers, against the stand-in (happy paths).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as calls from '../../../client/src/cliAdapter/calls';
import { collectPages } from '../../../client/src/cliAdapter/pages';
import { exampleCopy, harness, ok } from './helpers';

const DEFAULT = 'default-8fJm2kQ9xL4pRw';
const DEV = 'dev-cluster-9xK2mQ4pL8nR7s';

test('version and account', async () => {
  const h = harness();
  assert.equal(ok(await h.cli.run(calls.version())).version, '0.5.0-standin');
  assert.deepEqual(ok(await h.cli.run(calls.accountGet())), {
    userName: 'Stand-in User',
    email: 'standin@example.com',
    organizationName: 'Stand-in Org',
  });
});

test('workflow init writes the project and returns the slug; a second init is refused without changes', async () => {
  const h = harness();
  const dir = h.tempDir();
  const { workflowSlug } = ok(await h.cli.run(calls.workflowInit('Scene QA: cloud check'), { cwd: dir }));
  assert.match(workflowSlug, /^scene-qa-cloud-check-[A-Za-z0-9]{14}$/);
  for (const f of ['tilebox.workflow.toml', 'pyproject.toml', 'runner.py', 'uv.lock']) assert.ok(existsSync(join(dir, f)), f);
  const again = await h.cli.run(calls.workflowInit('other'), { cwd: dir });
  assert.equal(again.kind, 'exited');
  assert.match((again as { stderr: string }).stderr, /already exist.*without changing the directory/);
});

test('workflow create, list and get (by slug and from the local toml)', async () => {
  const h = harness();
  const created = ok(await h.cli.run(calls.workflowCreate('Burn scar mapping', 'finds burn scars')));
  assert.match(created.slug, /^burn-scar-mapping-/);
  assert.equal(created.description, 'finds burn scars');
  const list = ok(await h.cli.run(calls.workflowList()));
  assert.deepEqual(list.map((w) => w.slug).sort(), [created.slug, 'scene-qa-F8yVcPRfw2AkoZ'].sort());
  assert.equal(ok(await h.cli.run(calls.workflowGet(created.slug))).name, 'Burn scar mapping');
  const project = exampleCopy();
  assert.equal(ok(await h.cli.run(calls.workflowGet(), { cwd: join(project, 'scene_qa') })).slug, 'scene-qa-F8yVcPRfw2AkoZ');
});

test('build and publish the example project: tasks discovered, publishing the same content again is idempotent', async () => {
  const h = harness();
  const project = exampleCopy();
  const built = ok(await h.cli.run(calls.buildRelease(project)));
  assert.deepEqual(built.tasks, [
    { name: 'tilebox.com/example/FetchScene', version: 'v1.0' },
    { name: 'tilebox.com/example/CheckClouds', version: 'v1.2' },
    { name: 'Summarize', version: 'v0.0' },
  ]);
  assert.ok(built.files.includes('scene_qa/tasks.py') && built.files.includes('pyproject.toml'));
  assert.match(built.digest ?? '', /^[a-f0-9]{64}$/);
  const first = ok(await h.cli.run(calls.publishRelease(), { cwd: project }));
  const second = ok(await h.cli.run(calls.publishRelease(), { cwd: project }));
  assert.equal(second.releaseId, first.releaseId);
  assert.equal(second.message, 'release already exists');
  assert.equal(first.fingerprint, built.fingerprint);
});

test('deploy to a target, to clusters, and undeploy; one active release per workflow per cluster', async () => {
  const h = harness();
  const project = exampleCopy();
  const r1 = ok(await h.cli.run(calls.publishRelease(project))).releaseId;
  const deployed = ok(await h.cli.run(calls.deployRelease({ target: 'production' }), { cwd: project }));
  assert.deepEqual(deployed, { releaseId: r1, clusters: ['prod-eu-CvufcSxcC9SKfe', 'prod-us-Drv6L7Li4t7Yvk'] });
  ok(await h.cli.run(calls.deployRelease({ workflow: 'scene-qa-F8yVcPRfw2AkoZ', release: r1, clusters: [DEV] })));
  const wf = ok(await h.cli.run(calls.workflowGet('scene-qa-F8yVcPRfw2AkoZ')));
  assert.deepEqual(wf.releases[0].clusters.sort(), [DEV, 'prod-eu-CvufcSxcC9SKfe', 'prod-us-Drv6L7Li4t7Yvk']);
  const undeployed = ok(await h.cli.run(calls.undeployRelease({ release: r1, clusters: ['prod-us-Drv6L7Li4t7Yvk'] }), { cwd: project }));
  assert.deepEqual(undeployed, { releaseId: r1, clusters: ['prod-us-Drv6L7Li4t7Yvk'] });
  const prodUs = ok(await h.cli.run(calls.clusterGet('prod-us-Drv6L7Li4t7Yvk')));
  assert.equal(prodUs.deployments.length, 0);
  // Neither target nor clusters: the default cluster.
  assert.deepEqual(ok(await h.cli.run(calls.deployRelease({}), { cwd: project })).clusters, [DEFAULT]);
});

test('an unknown target is reported with the CLI message', async () => {
  const h = harness();
  const project = exampleCopy();
  ok(await h.cli.run(calls.publishRelease(project)));
  const r = await h.cli.run(calls.deployRelease({ target: 'staging' }), { cwd: project });
  assert.equal(r.kind, 'exited');
  assert.match((r as { stderr: string }).stderr, /target "staging" is not defined/);
});

test('cluster list marks the default cluster; create, get and delete', async () => {
  const h = harness();
  const clusters = ok(await h.cli.run(calls.clusterList()));
  assert.deepEqual(
    clusters.filter((c) => c.isDefault).map((c) => c.slug),
    [DEFAULT],
  );
  assert.equal(clusters.length, 4);
  const created = ok(await h.cli.run(calls.clusterCreate('gpu nodes')));
  assert.match(created.slug, /^gpu-nodes-[A-Za-z0-9]{14}$/);
  assert.equal(ok(await h.cli.run(calls.clusterGet(created.slug))).displayName, 'gpu nodes');
  ok(await h.cli.run(calls.clusterDelete(created.slug)));
  assert.equal(ok(await h.cli.run(calls.clusterList())).length, 4);
  const refused = await h.cli.run(calls.clusterDelete(DEFAULT));
  assert.match((refused as { stderr: string }).stderr, /default cluster and cannot be deleted/);
});

test('job submit, get, list with filters, cancel, and logs', async () => {
  const h = harness();
  const { jobId } = ok(
    await h.cli.run(
      calls.jobSubmit({
        name: 'scene 1',
        task: 'tilebox.com/example/FetchScene',
        version: 'v1.0',
        input: '{"scene_id":"S2A"}',
        cluster: DEV,
        maxRetries: 2,
      }),
    ),
  );
  const job = ok(await h.cli.run(calls.jobGet(jobId)));
  assert.equal(job.state, 'submitted');
  assert.equal(job.clusterSlug, DEV);
  assert.deepEqual(
    job.taskSummaries.map((t) => [t.state, t.identifier]),
    [['queued', { name: 'tilebox.com/example/FetchScene', version: 'v1.0' }]],
  );
  const other = ok(await h.cli.run(calls.jobSubmit({ name: 'other', task: 'Summarize' }))).jobId;
  const page = ok(await h.cli.run(calls.jobList({ limit: 10 })));
  assert.deepEqual(
    page.items.map((j) => j.id),
    [other, jobId],
    'newest first',
  );
  assert.deepEqual(
    ok(await h.cli.run(calls.jobList({ cluster: DEV }))).items.map((j) => j.id),
    [jobId],
  );
  assert.deepEqual(
    ok(await h.cli.run(calls.jobList({ name: 'SCENE' }))).items.map((j) => j.id),
    [jobId],
  );
  ok(await h.cli.run(calls.jobCancel(other)));
  assert.deepEqual(
    ok(await h.cli.run(calls.jobList({ state: 'canceled' }))).items.map((j) => j.id),
    [other],
  );
  const logs = ok(await h.cli.run(calls.jobLogs(other)));
  assert.deepEqual(
    logs.items.map((l) => l.severity),
    ['INFO', 'WARN'],
  );
  assert.equal(logs.nextCursor, undefined);
});

test('job list and job logs page through next_cursor', async () => {
  const h = harness();
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(ok(await h.cli.run(calls.jobSubmit({ name: `job ${i}`, task: 'T' }))).jobId);
  const first = ok(await h.cli.run(calls.jobList({ limit: 2 })));
  assert.equal(first.items.length, 2);
  assert.ok(first.nextCursor);
  const all = ok(await collectPages(h.cli, (cursor) => calls.jobList({ limit: 2, cursor }), 100));
  assert.deepEqual(
    all.items.map((j) => j.id),
    [...ids].reverse(),
  );
  assert.equal(all.nextCursor, undefined);
  const some = ok(await collectPages(h.cli, (cursor) => calls.jobList({ limit: 2, cursor }), 3));
  assert.deepEqual(
    some.items.map((j) => j.id),
    [...ids].reverse().slice(0, 4),
    'whole pages until max is reached',
  );
  const rest = ok(await collectPages(h.cli, (cursor) => calls.jobList({ limit: 2, cursor: cursor ?? some.nextCursor }), 100));
  assert.deepEqual(
    rest.items.map((j) => j.id),
    [ids[0]],
    'load more continues after the last item',
  );
  ok(await h.cli.run(calls.jobCancel(ids[0])));
  const logPage = ok(await h.cli.run(calls.jobLogs(ids[0], { limit: 1 })));
  assert.equal(logPage.items.length, 1);
  const logs = ok(await collectPages(h.cli, (cursor) => calls.jobLogs(ids[0], { limit: 1, cursor }), 100));
  assert.deepEqual(
    logs.items.map((l) => l.body),
    ['Job job 0 submitted to default-8fJm2kQ9xL4pRw', 'Job canceled'],
  );
});
