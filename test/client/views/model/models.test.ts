// CLI JSON (as the documented `--json` output) → adapter parsers → tree item models, without VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClusterList, parseJobPage, parseWorkflowList } from '../../../../client/src/cliAdapter/parse';
import type { Parsed } from '../../../../client/src/cliAdapter/types';
import { releaseItem, taskIdentifierItem } from '../../../../client/src/views/model/releaseItem';
import { workflowItem } from '../../../../client/src/views/model/workflowItems';
import { clusterItem } from '../../../../client/src/views/model/clusterItems';
import { deploymentItem } from '../../../../client/src/views/model/deploymentItem';
import { jobItem, sortJobs } from '../../../../client/src/views/model/jobItems';
import { childTasks, taskItem } from '../../../../client/src/views/model/taskItem';
import { messageItem } from '../../../../client/src/views/model/item';
import { age, md, shortId } from '../../../../client/src/views/model/format';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const ok = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(p.detail);
  return p.value;
};

const workflows = ok(
  parseWorkflowList(
    JSON.stringify({
      workflows: [
        {
          slug: 'scene-qa-EngRbLn7Zb8iSa',
          name: 'Scene QA',
          description: 'Checks scenes',
          releases: [
            {
              id: '019ef7a2-0000-7000-8000-00000000aaaa',
              created_at: '2026-11-20T10:00:00Z',
              clusters: ['dev-cluster'],
              content: { fingerprint: 'f'.repeat(64), tasks: [{ name: 'tilebox.com/qa/CheckScene', version: 'v1.2' }] },
            },
            {
              id: '019ef7a3-0000-7000-8000-00000000bbbb',
              created_at: '2026-11-23T09:30:00Z',
              clusters: [],
              content: {
                tasks: [
                  { name: 'tilebox.com/qa/CheckScene', version: 'v1.3' },
                  { name: 'tilebox.com/qa/Report', version: 'v1.0' },
                  { name: 'tilebox.com/qa/Notify', version: 'v0.1' },
                ],
              },
            },
          ],
        },
        { slug: 'other', name: 'other', releases: [] },
      ],
    }),
  ),
);

test("a workflow shows its slug, whether it is this workspace's project, and where it is deployed", () => {
  const item = workflowItem(workflows[0], true);
  assert.equal(item.label, 'Scene QA');
  assert.equal(item.description, 'this workspace', 'the slug is in the tooltip, not repeated on the row');
  assert.equal(item.contextValue, 'workflow local');
  assert.match(item.tooltip!, /2 releases, deployed on `dev-cluster`/);
  assert.equal(item.collapsible, 'collapsed');
  const other = workflowItem(workflows[1], false);
  assert.equal(other.contextValue, 'workflow');
  assert.equal(other.description, undefined, 'no slug repeated when it equals the name');
  assert.match(other.tooltip!, /0 releases, not deployed/);
});

test('releases: newest first, short id, age, tasks, clusters; the deployed one marked and carrying `deployed`', () => {
  const [latest, deployed] = workflows[0].releases;
  const a = releaseItem(latest, workflows[0], NOW);
  const b = releaseItem(deployed, workflows[0], NOW);
  assert.equal(a.label, '0000bbbb');
  assert.equal(a.description, '30 min ago · 3 tasks');
  assert.equal(a.contextValue, 'release latest');
  assert.equal(a.icon?.id, 'package');
  assert.equal(b.label, '0000aaaa');
  assert.equal(b.description, '3 d ago · on 1 cluster · 1 task');
  assert.match(b.contextValue!, /\bdeployed\b/);
  assert.equal(b.icon?.id, 'rocket');
  assert.match(a.tooltip!, /`tilebox.com\/qa\/Report v1.0`/);
  assert.match(a.tooltip!, /Not deployed/);
  assert.notEqual(a.id, b.id);
});

test("a release's children are its task identifiers with their version", () => {
  const item = taskIdentifierItem(workflows[0].releases[1].tasks[0], 'r');
  assert.equal(item.label, 'tilebox.com/qa/CheckScene');
  assert.equal(item.description, 'v1.2');
  assert.equal(item.collapsible, 'none');
});

const clusters = ok(
  parseClusterList(
    JSON.stringify({
      clusters: [
        {
          slug: 'default-CvufcSxcC9SKfe',
          display_name: 'Default',
          deletable: false,
          deployed_releases: [
            {
              slug: 'scene-qa-EngRbLn7Zb8iSa',
              name: 'Scene QA',
              releases: [
                {
                  id: '019ef7a2-0000-7000-8000-00000000aaaa',
                  created_at: '2026-11-22T10:00:00Z',
                  content: { tasks: [{ name: 'tilebox.com/qa/CheckScene', version: 'v1.2' }] },
                },
              ],
            },
          ],
        },
        { slug: 'dev-cluster', display_name: 'dev-cluster', deletable: true, deployed_releases: [] },
      ],
    }),
  ),
);

test('the default cluster is marked; clusters list their deployments', () => {
  const d = clusterItem(clusters[0]);
  assert.equal(d.label, 'Default');
  assert.equal(d.description, 'default · 1 deployment');
  assert.equal(d.contextValue, 'cluster default');
  assert.equal(d.icon?.id, 'server-environment');
  const dev = clusterItem(clusters[1]);
  assert.equal(dev.contextValue, 'cluster deletable');
  assert.equal(dev.collapsible, 'none');
  assert.match(dev.tooltip!, /Nothing deployed/);
  const dep = deploymentItem(clusters[0].deployments[0], clusters[0], d.id, NOW);
  assert.equal(dep.label, 'Scene QA');
  assert.equal(dep.description, '0000aaaa · 1 d ago');
  assert.equal(dep.contextValue, 'release deployed');
});

test('at 300 px the workflow and cluster rows stay readable: no slug repeated in a description, which stay short', () => {
  const slugs = [...workflows.map((w) => w.slug), ...clusters.map((c) => c.slug)].filter((slug) => /-[A-Za-z0-9]{14}$/.test(slug));
  const rows = [
    ...workflows.flatMap((w) => [workflowItem(w, true), ...w.releases.map((r) => releaseItem(r, w, NOW))]),
    ...clusters.flatMap((c) => [clusterItem(c, '', ['dev']), ...c.deployments.map((x) => deploymentItem(x, c, 'c', NOW))]),
  ];
  assert.ok(slugs.length >= 2, 'the fixture has long slugs');
  for (const row of rows) {
    // A 300 px sidebar shows about 40 characters after the icon: the label plus this must mostly fit.
    assert.ok(`${row.label} ${row.description ?? ''}`.length <= 60, `${row.label}: ${row.description}`);
    for (const slug of slugs) assert.ok(!(row.description ?? '').includes(slug), `${row.label} repeats ${slug}`);
  }
});

const page = ok(
  parseJobPage(
    JSON.stringify({
      jobs: [
        { id: '019ef7a2-56b4-7a86-9c4d-000000000001', name: 'old ok', state: 'completed', submitted_at: '2026-11-20T09:00:00Z' },
        {
          id: '019ef7a2-56b4-7a86-9c4d-000000000003',
          name: 'scene 42',
          state: 'failed',
          submitted_at: '2026-11-23T09:00:00Z',
          cluster_slug: 'dev-cluster',
          task_summaries: [
            { id: 't1', display: 'CheckScene', state: 'computed', started_at: '2026-11-23T09:00:00Z', stopped_at: '2026-11-23T09:00:42Z' },
            {
              id: 't2',
              display: 'Tile 1',
              state: 'failed',
              parent_id: 't1',
              started_at: '2026-11-23T09:01:00Z',
              stopped_at: '2026-11-23T09:03:00Z',
            },
            { id: 't3', display: 'Tile 2', state: 'skipped', parent_id: 't1' },
          ],
          execution_stats: {
            compute_time: '3m2s',
            elapsed_time: '3m',
            parallelism: 2,
            total_tasks: 3,
            tasks_by_state: { computed: 1, failed: 1, skipped: 1 },
          },
        },
        {
          id: '019ef7a2-56b4-7a86-9c4d-000000000002',
          name: 'running one',
          state: 'running',
          submitted_at: '2026-11-23T09:55:00Z',
          progress: [{ label: 'tiles', total: 10, done: 4 }],
        },
      ],
      next_cursor: 'abc',
    }),
  ),
);

test('jobs are shown newest first and page on with the cursor', () => {
  assert.deepEqual(
    sortJobs(page.items).map((j) => j.name),
    ['running one', 'scene 42', 'old ok'],
  );
  assert.equal(page.nextCursor, 'abc');
});

test('a failed job is red and retryable; a running one is yellow, cancelable and shows its progress', () => {
  const failed = jobItem(page.items[1], NOW);
  assert.equal(failed.contextValue, 'job failed retryable');
  assert.deepEqual(failed.icon, { id: 'error', color: 'testing.iconFailed' });
  assert.equal(failed.description, 'failed · 1 h ago · dev-cluster');
  assert.match(failed.tooltip!, /Elapsed 3m, compute 3m2s, parallelism 2/);
  assert.match(failed.tooltip!, /Tasks: 1 computed, 1 failed, 1 skipped \(3 total\)/);
  const running = jobItem(page.items[2], NOW);
  assert.equal(running.contextValue, 'job running cancelable');
  assert.equal(running.icon?.color, 'charts.yellow');
  assert.equal(running.description, 'running · 4/10 · 5 min ago');
  assert.match(running.tooltip!, /tiles: `████░░░░░░ 40 % \(4\/10\)`/);
  const done = jobItem(page.items[0], NOW);
  assert.equal(done.contextValue, 'job completed');
  assert.equal(done.icon?.color, 'testing.iconPassed');
  assert.equal(done.collapsible, 'none', 'no task summaries: nothing to expand');
});

test('a queued job with a diagnosis says why it may not run', () => {
  const queued = { ...page.items[0], state: 'submitted' as const };
  const item = jobItem(queued, NOW, [{ code: 'no-release-deployed', message: 'No release is deployed on dev-cluster.' }]);
  assert.equal(item.icon?.id, 'warning');
  assert.match(item.description!, /⚠/);
  assert.match(item.tooltip!, /Why it may not run[\s\S]*No release is deployed on dev-cluster/);
  assert.equal(item.contextValue, 'job submitted cancelable');
  const hint = jobItem(queued, NOW, [{ code: 'no-local-runner', message: 'No runner for dev-cluster was started from this editor.' }]);
  assert.equal(hint.icon?.id, 'clock', 'a missing local runner is a hint, not a warning');
  assert.doesNotMatch(hint.description!, /⚠/);
  assert.match(hint.tooltip!, /Why it may not run[\s\S]*No runner for dev-cluster/);
});

test('task summaries form a tree under the job, with state, duration and `task failed` on failures', () => {
  const job = page.items[1];
  assert.deepEqual(
    childTasks(job, undefined).map((t) => t.id),
    ['t1'],
  );
  assert.deepEqual(
    childTasks(job, 't1').map((t) => t.id),
    ['t2', 't3'],
  );
  const root = taskItem(job.taskSummaries[0], job, 'j', NOW);
  assert.equal(root.description, 'computed · 42 s');
  assert.equal(root.collapsible, 'collapsed');
  const failed = taskItem(job.taskSummaries[1], job, 'j', NOW);
  assert.equal(failed.contextValue, 'task failed retryable');
  assert.equal(failed.description, 'failed · 2 min');
  assert.equal(failed.icon?.color, 'testing.iconFailed');
  assert.equal(taskItem(job.taskSummaries[2], job, 'j', NOW).description, 'skipped');
});

test('loading, empty and error rows are items too; ages and ids read well', () => {
  const err = messageItem('error', 'Could not list jobs: timed out', 'jobs');
  assert.equal(err.icon?.id, 'warning');
  assert.match(err.contextValue!, /\berror\b/);
  assert.notEqual(messageItem('loading', 'Loading…', 'jobs').id, err.id);
  assert.equal(age(undefined, NOW), undefined);
  assert.equal(age('not a date', NOW), undefined);
  assert.equal(age('2026-11-23T09:59:50Z', NOW), 'just now');
  assert.equal(age('2025-01-01T00:00:00Z', NOW), '2025-01-01');
  assert.equal(shortId('not-a-uuid'), 'not-a-uuid', 'ids that are already short stay as they are');
  assert.equal(md('a_b *c* [d](e) <f>'), 'a\\_b \\*c\\* \\[d\\](e) \\<f\\>');
});
