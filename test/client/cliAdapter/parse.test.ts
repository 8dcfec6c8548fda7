// Parsers on captured CLI JSON: unknown fields ignored, missing optional fields → warnings, missing required
// fields → unparsable naming the JSON path, bare or wrapped lists, state spellings, releases newest first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseBuild,
  parseCluster,
  parseClusterList,
  parseDeploy,
  parseInit,
  parseJob,
  parseJobPage,
  parseLogPage,
  parsePublish,
  parseRetry,
  parseSubmit,
  parseVersion,
  parseWorkflow,
  parseWorkflowList,
} from '../../../client/src/cliAdapter/parse';

const JOB = {
  id: '019ef7a2-56b4-7a86-9c4d-52a1792b1e90',
  name: 'scene',
  state: 'running',
  submitted_at: '2026-08-01T10:00:00Z',
  cluster_slug: 'dev-cluster-9xK2mQ4pL8nR7s',
  trace_parent: '00-abc',
  automation_id: null,
  future_field: { x: 1 },
  task_summaries: [
    { id: 't1', display: 'FetchScene', state: 'COMPUTED', started_at: '2026-08-01T10:00:01Z', stopped_at: '2026-08-01T10:00:02Z' },
    {
      id: 't2',
      display: 'CheckClouds',
      state: 'TASK_STATE_RUNNING',
      parent_id: 't1',
      identifier: { name: 'tilebox.com/example/CheckClouds', version: 'v1.2' },
    },
  ],
  progress: [{ label: 'scenes', total: 10, done: 4 }],
  execution_stats: {
    first_task_started_at: { seconds: 1785578401, nanos: 0 },
    compute_time: { seconds: 1, nanos: 500000000 },
    parallelism: 2,
    total_tasks: 2,
    tasks_by_state: { computed: 1, running: 1 },
  },
};

test('job get: documented fields read, unknown ones ignored, states normalised', () => {
  const r = parseJob(JSON.stringify(JOB));
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.value.state, 'running');
  assert.deepEqual(
    r.value.taskSummaries.map((t) => t.state),
    ['computed', 'running'],
  );
  assert.equal(r.value.taskSummaries[0].identifier, undefined);
  assert.deepEqual(r.value.taskSummaries[1].identifier, { name: 'tilebox.com/example/CheckClouds', version: 'v1.2' });
  assert.equal(r.value.taskSummaries[1].parentId, 't1');
  assert.deepEqual(r.value.progress, [{ label: 'scenes', total: 10, done: 4 }]);
  assert.equal(r.value.executionStats?.firstTaskStartedAt, '2026-08-01T10:00:01.000Z');
  assert.equal(r.value.executionStats?.computeTime, '1.5s');
  assert.deepEqual(r.value.executionStats?.tasksByState, { computed: 1, running: 1 });
  assert.ok(!('future_field' in r.value));
});

test('job states: uppercase and JOB_STATE_* accepted, QUEUED means submitted, anything else is unknown', () => {
  const state = (s: unknown) => {
    const r = parseJob(JSON.stringify({ ...JOB, state: s }));
    assert.ok(r.ok);
    return r.value.state;
  };
  assert.equal(state('FAILED'), 'failed');
  assert.equal(state('JOB_STATE_COMPLETED'), 'completed');
  assert.equal(state('queued'), 'submitted');
  assert.equal(state('exploded'), 'unknown');
});

test('a missing optional field is a warning naming its path; a missing required one makes it unparsable', () => {
  const { state: _s, name: _n, ...noState } = JOB;
  const r = parseJob(JSON.stringify(noState));
  assert.ok(r.ok);
  assert.equal(r.value.state, 'unknown');
  assert.deepEqual(r.warnings, ['state missing', 'name missing']);
  const jobs = [JOB, JOB, JOB, { ...JOB, id: undefined }];
  assert.deepEqual(parseJobPage(JSON.stringify({ jobs, next_cursor: null })), { ok: false, detail: 'jobs[3].id missing' });
  assert.deepEqual(parseJobPage(JSON.stringify({ jobs: [{ ...JOB, task_summaries: [{ display: 'x' }] }] })), {
    ok: false,
    detail: 'jobs[0].task_summaries[0].id missing',
  });
  assert.deepEqual(parseJobPage('{"next_cursor": "x"}'), { ok: false, detail: 'jobs missing (expected a list)' });
});

test('job list: next_cursor read, empty cursor means no more, bare arrays accepted', () => {
  const r = parseJobPage(JSON.stringify({ jobs: [JOB], next_cursor: 'abc' }));
  assert.ok(r.ok);
  assert.equal(r.value.nextCursor, 'abc');
  const last = parseJobPage(JSON.stringify({ jobs: [], next_cursor: '' }));
  assert.ok(last.ok && last.value.nextCursor === undefined);
  const bare = parseJobPage(JSON.stringify([JOB]));
  assert.ok(bare.ok && bare.value.items.length === 1);
});

test('output that is not JSON, or empty, is unparsable with a short excerpt', () => {
  assert.deepEqual(parseJob('Error page <html>'), { ok: false, detail: 'output is not JSON: Error page <html>' });
  assert.deepEqual(parseJob(''), { ok: false, detail: 'the CLI printed nothing (expected JSON)' });
  assert.deepEqual(parseJob('[1,2]'), { ok: false, detail: 'output is not an object' });
});

test('a list printed as null (how a Go CLI prints an empty slice) is an empty list; a missing list stays an error', () => {
  assert.deepEqual(parseJobPage('{"jobs":null,"next_cursor":null}'), {
    ok: true,
    value: { items: [], nextCursor: undefined },
    warnings: [],
  });
  assert.deepEqual(parseWorkflowList('{"workflows":null}'), { ok: true, value: [], warnings: [] });
  assert.deepEqual(parseClusterList('{"clusters":null}'), { ok: true, value: [], warnings: [] });
  assert.deepEqual(parseLogPage('{"logs":null}'), { ok: true, value: { items: [], nextCursor: undefined }, warnings: [] });
  assert.deepEqual(parseWorkflowList('null'), { ok: true, value: [], warnings: [] });
  assert.deepEqual(parseClusterList('{"next_cursor":null}'), { ok: false, detail: 'clusters missing (expected a list)' });
});

test('a notice printed before the JSON (update banner) is skipped with a warning; output without JSON stays unparsable', () => {
  const r = parseJobPage(
    `A new version of tilebox is available: 0.6.0\nRun the installer to update.\n${JSON.stringify({ jobs: [JOB] })}\n`,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.items[0].id, JOB.id);
  assert.deepEqual(r.warnings, ['skipped 2 line(s) before the JSON: A new version of tilebox is available: 0.6.0']);
  assert.deepEqual(parseJobPage('A new version is available\nnot json either'), {
    ok: false,
    detail: 'output is not JSON: A new version is available\nnot json either',
  });
  assert.equal(parseJobPage('notice\n{"jobs": [').ok, false);
  const bracketed = parseJobPage(`[notice] A new release of tilebox is available\n${JSON.stringify({ jobs: [JOB] }, null, 2)}`);
  assert.ok(bracketed.ok && bracketed.value.items[0].id === JOB.id, 'a notice that starts with "[" is skipped too');
});

const RELEASE = (id: string, created: string, clusters: string[] = []) => ({
  id,
  artifact: { id: 'a', digest: 'd'.repeat(64) },
  created_at: created,
  clusters,
  content: {
    fingerprint: 'f'.repeat(64),
    tasks: [{ name: 'T', version: 'v1.0' }],
    files: [],
    runner_object_path: 'runner:runner',
    command_override: [],
  },
});

test('workflow get: proto-shaped releases, newest first, digest and fingerprint read', () => {
  const r = parseWorkflow(
    JSON.stringify({
      slug: 'wf',
      name: 'WF',
      description: '',
      releases: [
        RELEASE('r1', '2026-01-01T00:00:00Z'),
        RELEASE('r3', '2026-03-01T00:00:00Z', ['c1']),
        RELEASE('r2', '2026-02-01T00:00:00Z'),
      ],
    }),
  );
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.releases.map((x) => x.id),
    ['r3', 'r2', 'r1'],
  );
  assert.deepEqual(r.value.releases[0].clusters, ['c1']);
  assert.equal(r.value.releases[0].digest, 'd'.repeat(64));
  assert.equal(r.value.releases[0].runnerObjectPath, 'runner:runner');
  assert.equal(r.value.description, undefined);
});

test('workflow list: bare array or {workflows}; a release without tasks is a warning with its path', () => {
  const wrapped = parseWorkflowList(JSON.stringify({ workflows: [{ slug: 'a', name: 'A', releases: [{ id: 'r', content: {} }] }] }));
  assert.ok(wrapped.ok);
  assert.deepEqual(wrapped.warnings, ['workflows[0].releases[0].content.tasks missing']);
  assert.ok(parseWorkflowList(JSON.stringify([{ slug: 'a', name: 'A' }])).ok);
  assert.deepEqual(parseWorkflowList(JSON.stringify([{ slug: 'a' }, { name: 'B' }])), { ok: false, detail: '[1].slug missing' });
});

test('cluster: deployed_releases (or deployed_workflows) become deployments; deletable:false is the default', () => {
  const cluster = {
    slug: 'default-x',
    display_name: 'Default',
    description: '',
    deletable: false,
    deployed_releases: [{ slug: 'wf', name: 'WF', releases: [RELEASE('r1', '2026-01-01T00:00:00Z')] }],
  };
  const r = parseCluster(JSON.stringify(cluster));
  assert.ok(r.ok);
  assert.equal(r.value.isDefault, true);
  assert.deepEqual(
    r.value.deployments.map((d) => [d.workflowSlug, d.release.id, d.release.clusters]),
    [['wf', 'r1', ['default-x']]],
  );
  const { deployed_releases, ...rest } = cluster;
  const alt = parseClusterList(JSON.stringify({ clusters: [{ ...rest, deletable: true, deployed_workflows: deployed_releases }] }));
  assert.ok(alt.ok);
  assert.equal(alt.value[0].isDefault, false);
  assert.equal(alt.value[0].deployments.length, 1);
  const noName = parseClusterList(JSON.stringify([{ slug: 'c' }]));
  assert.ok(noName.ok);
  assert.equal(noName.value[0].displayName, 'c');
  assert.deepEqual(noName.warnings, ['[0].display_name missing', '[0].deletable missing']);
});

test('publish, init, submit, retry, build and deploy outputs', () => {
  const pub = parsePublish(
    JSON.stringify({ id: 'r1', message: 'release already exists', fingerprint: 'f', tasks: [{ name: 'T', version: 'v1.0' }], files: [] }),
  );
  assert.deepEqual(pub, {
    ok: true,
    value: { releaseId: 'r1', message: 'release already exists', fingerprint: 'f', tasks: [{ name: 'T', version: 'v1.0' }] },
    warnings: [],
  });
  assert.deepEqual(parsePublish('{"message":"x"}'), { ok: false, detail: 'id missing' });
  assert.deepEqual(parseInit('{"workflow_slug":"scene-qa-abc"}'), { ok: true, value: { workflowSlug: 'scene-qa-abc' }, warnings: [] });
  assert.deepEqual(parseInit('{"slug_typo":"x"}'), { ok: false, detail: 'workflow_slug missing' });
  assert.deepEqual(parseSubmit('{"id":"j1"}'), { ok: true, value: { jobId: 'j1' }, warnings: [] });
  assert.deepEqual(parseRetry('{"num_tasks_rescheduled":3}'), { ok: true, value: { numTasksRescheduled: 3 }, warnings: [] });
  assert.deepEqual(parseRetry(''), { ok: true, value: { numTasksRescheduled: undefined }, warnings: [] });
  const build = parseBuild(
    JSON.stringify({
      fingerprint: 'f',
      digest: 'd',
      artifact_path: '/x.tar.zst',
      tasks: [],
      files: [{ path: 'pyproject.toml' }, { path: 'pkg', directory: true, children: [{ path: 'a.py' }] }],
    }),
  );
  assert.ok(build.ok);
  assert.deepEqual(build.value.files, ['pyproject.toml', 'pkg/', 'pkg/a.py']);
  assert.deepEqual(parseDeploy(JSON.stringify({ release: { id: 'r1' }, clusters: ['a', { slug: 'b' }] })), {
    ok: true,
    value: { releaseId: 'r1', clusters: ['a', 'b'] },
    warnings: [],
  });
  assert.deepEqual(parseVersion('tilebox version 0.5.0\n'), {
    ok: true,
    value: { version: '0.5.0', raw: 'tilebox version 0.5.0' },
    warnings: [],
  });
  assert.equal(parseVersion('dev build').ok, false);
});

test('job logs: severity_text and body; non-string bodies are shown as JSON', () => {
  const r = parseLogPage(
    JSON.stringify({ logs: [{ time: 't', severity_text: 'ERROR', body: 'boom', trace_id: 'x' }, { body: { a: 1 } }], next_cursor: '2' }),
  );
  assert.deepEqual(r, {
    ok: true,
    value: {
      items: [
        { time: 't', severity: 'ERROR', body: 'boom' },
        { time: undefined, severity: undefined, body: '{"a":1}' },
      ],
      nextCursor: '2',
    },
    warnings: [],
  });
});

test("job get: depends_on is read only when the CLI reports it (the contract's task summaries lack it)", () => {
  const tasks = [
    { id: 't1', display: 'A', state: 'computed' },
    { id: 't2', display: 'B', state: 'queued', depends_on: ['t1', 7, null] },
    { id: 't3', display: 'C', state: 'queued', depends_on: 'not-a-list' },
  ];
  const r = parseJob(JSON.stringify({ id: 'j', name: 'n', state: 'running', task_summaries: tasks }));
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.taskSummaries.map((t) => t.dependsOn),
    [undefined, ['t1'], undefined],
  );
  assert.ok(!('dependsOn' in r.value.taskSummaries[0]), 'absent stays absent: the panel then draws parent edges only');
});
