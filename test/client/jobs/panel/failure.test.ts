// The failure shown first: the failed task, the last error logged about it (after a retry, the newest run's), its
// traceback with file:line places; a job that did not fail has none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFailure, sourcePlace } from '../../../../client/src/jobs/panel/failure';
import { workspaceFileFor } from '../../../../client/src/debug/tracebackLinks';
import type { Job, LogLine } from '../../../../client/src/cliAdapter/types';

const job = (state: Job['state'], taskState: 'failed' | 'computed' = 'failed'): Job => ({
  id: 'j',
  name: 'scene',
  state,
  progress: [],
  taskSummaries: [
    { id: 't0', display: 'FetchScene', state: 'computed' },
    { id: 't1', display: 'CheckClouds', state: taskState, parentId: 't0' },
  ],
});
const err = (body: string): LogLine => ({ severity: 'ERROR', body });
const logs: LogLine[] = [
  { severity: 'INFO', body: 'Task FetchScene computed' },
  err('Task CheckClouds failed: ValueError: run 1'),
  err('Task FetchScene failed: KeyError: not this one'),
  err(
    'Task CheckClouds failed: ValueError: cloud cover too high\nTraceback (most recent call last):\n  File "/srv/releases/0193/scene_qa/tasks.py", line 21, in execute\n    raise ValueError("cloud cover too high")\nValueError: cloud cover too high',
  ),
  { severity: 'INFO', body: 'Job failed' },
];

test("the failed task, its newest error, and the traceback with the frame's file and line", () => {
  const f = findFailure(job('failed'), logs)!;
  assert.equal(f.task?.display, 'CheckClouds');
  assert.equal(f.error, 'Task CheckClouds failed: ValueError: cloud cover too high');
  assert.deepEqual(
    f.traceback.map((t) => t.place),
    [undefined, { file: '/srv/releases/0193/scene_qa/tasks.py', line: 21 }, undefined, undefined],
  );
});

test('no failure for a job that did not fail; a failed job with no error logged still names the task', () => {
  assert.equal(findFailure(job('completed', 'computed'), logs), undefined);
  const quiet = findFailure(job('failed'), [{ body: 'nothing useful' }])!;
  assert.equal(quiet.task?.display, 'CheckClouds');
  assert.equal(quiet.error, undefined);
});

test('file:line in plain text counts too; a line without one has no place', () => {
  assert.deepEqual(sourcePlace('at scene_qa/tasks.py:12'), { file: 'scene_qa/tasks.py', line: 12 });
  assert.equal(sourcePlace('ValueError: nope'), undefined);
});

test('a traceback path from the release cache opens the project file; one outside every root opens nothing', () => {
  const present = new Set(['/ws/proj/scene_qa/tasks.py', '/etc/passwd']);
  const exists = (p: string) => present.has(p);
  const place = sourcePlace('  File "/srv/releases/0193/scene_qa/tasks.py", line 21, in execute')!;
  assert.equal(workspaceFileFor(place.file, ['/ws/proj'], exists), '/ws/proj/scene_qa/tasks.py');
  assert.equal(workspaceFileFor('/etc/passwd', ['/ws/proj'], exists), undefined);
});
