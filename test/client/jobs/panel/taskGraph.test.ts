// The task graph's layout: every task placed once, parents above their subtasks, edges only between tasks that
// exist, depends_on drawn only when the CLI reports it (and the panel told when it does not).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutTasks } from '../../../../client/src/jobs/panel/taskGraph';
import { graphSvg } from '../../../../client/src/jobs/panel/graphSvg';
import type { TaskSummary } from '../../../../client/src/cliAdapter/types';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const tasks: TaskSummary[] = [
  { id: 'root', display: 'FetchScene', state: 'computed', startedAt: '2026-12-07T02:59:00Z', stoppedAt: '2026-12-07T02:59:42Z' },
  { id: 'a', display: 'CheckClouds', state: 'failed', parentId: 'root' },
  { id: 'b', display: 'Summarize', state: 'running', parentId: 'root', startedAt: '2026-12-07T02:59:50Z' },
  { id: 'c', display: 'Orphan', state: 'queued', parentId: 'gone' },
];

test('every task is a node, subtasks sit below their parent, a missing parent draws no edge', () => {
  const g = layoutTasks(tasks, NOW);
  assert.deepEqual(
    g.nodes.map((n) => n.label),
    ['FetchScene', 'CheckClouds', 'Summarize', 'Orphan'],
  );
  const y = (id: string) => g.nodes.find((n) => n.id === id)!.y;
  assert.ok(y('a') > y('root') && y('b') > y('root'));
  assert.deepEqual(
    g.edges.map((e) => `${e.from}->${e.to}:${e.kind}`),
    ['root->a:parent', 'root->b:parent'],
  );
  assert.ok(
    g.edges.every((e) => e.points.length >= 2),
    'edges have a route',
  );
  assert.equal(g.parentEdgesOnly, true);
  for (const n of g.nodes) assert.ok(n.x - n.width / 2 >= 0 && n.x + n.width / 2 <= g.width, `${n.label} inside the graph`);
});

test('durations: a finished task its run time, a running one up to now, a queued one none', () => {
  const g = layoutTasks(tasks, NOW);
  const d = (id: string) => g.nodes.find((n) => n.id === id)!.duration;
  assert.equal(d('root'), '42 s');
  assert.equal(d('b'), '10 s');
  assert.equal(d('c'), undefined);
});

test('depends_on, when the CLI reports it, adds dashed edges; a dependency on an unknown task adds none', () => {
  const withDeps: TaskSummary[] = [
    ...tasks.slice(0, 3).map((t) => ({ ...t, dependsOn: [] })),
    { id: 'd', display: 'Report', state: 'queued', parentId: 'root', dependsOn: ['a', 'b', 'nope'] },
  ];
  const g = layoutTasks(withDeps, NOW);
  assert.equal(g.parentEdgesOnly, false);
  assert.deepEqual(
    g.edges.filter((e) => e.kind === 'depends').map((e) => `${e.from}->${e.to}`),
    ['a->d', 'b->d'],
  );
  assert.ok(g.nodes.find((n) => n.id === 'd')!.y > g.nodes.find((n) => n.id === 'a')!.y, 'a dependent sits below what it waits for');
  const svg = graphSvg(g);
  assert.equal((svg.match(/class="edge depends"/g) ?? []).length, 2);
});

test('the SVG: one focusable button per task, named with its state and duration, labels escaped', () => {
  const svg = graphSvg(layoutTasks([{ id: 'x', display: '<img src=x>', state: 'failed_optional' }], NOW));
  assert.match(
    svg,
    /<g class="node state-failed_optional" tabindex="0" role="button" data-task="x" aria-label="Show logs of &lt;img src=x&gt;: failed \(optional\)">/,
  );
  assert.doesNotMatch(svg, /<img/);
  assert.equal(graphSvg(layoutTasks([], NOW)), '', 'no tasks, no graph');
});
