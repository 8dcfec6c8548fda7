// Traceback frames and the workspace files they stand for, release-cache paths included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { innermostWorkspaceFrame, tracebackLocations, workspaceFileFor } from '../../../client/src/debug/tracebackLinks';

test('every `File "…", line N` of a line is found with its offset', () => {
  const text = '  File "/cache/releases/019a/scene_qa/tasks.py", line 23, in execute';
  assert.deepEqual(tracebackLocations(text), [{ start: 2, length: 54, path: '/cache/releases/019a/scene_qa/tasks.py', line: 23 }]);
  assert.deepEqual(tracebackLocations('no frame here'), []);
});

test('a release-cache path maps to the project file with the longest matching tail', () => {
  const files = new Set(['/ws/proj/scene_qa/tasks.py', '/ws/proj/tasks.py', '/ws/other/scene_qa/tasks.py']);
  const exists = (p: string) => files.has(p);
  assert.equal(
    workspaceFileFor('/home/u/.cache/tilebox/releases/019a/scene_qa/tasks.py', ['/ws/proj'], exists),
    '/ws/proj/scene_qa/tasks.py',
  );
  assert.equal(workspaceFileFor('/ws/proj/tasks.py', ['/ws/proj'], exists), '/ws/proj/tasks.py', 'a workspace path is itself');
  assert.equal(workspaceFileFor('/ws/proj/gone.py', ['/ws/proj'], exists), undefined);
  assert.equal(workspaceFileFor('/cache/x/unknown/mod.py', ['/ws/proj'], exists), undefined);
});

test('library and standard-library frames are never mapped onto a project file of the same name', () => {
  const exists = () => true;
  assert.equal(workspaceFileFor('/venv/lib/python3.12/site-packages/tilebox/workflows/runner.py', ['/ws'], exists), undefined);
  assert.equal(workspaceFileFor('/usr/lib/python3.11/json/__init__.py', ['/ws'], exists), undefined);
  assert.equal(workspaceFileFor('<string>', ['/ws'], exists), undefined);
});

test('a chunk of runner output holding a whole traceback links to its innermost workspace frame', () => {
  const exists = (p: string) => p === '/ws/scene_qa/tasks.py' || p === '/ws/scene_qa/runner.py';
  const traceback = [
    'Traceback (most recent call last):',
    '  File "/ws/scene_qa/runner.py", line 3, in <module>',
    '  File "/ws/scene_qa/tasks.py", line 24, in execute',
    '  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads',
    'ValueError: not a scene',
  ].join('\n');
  assert.deepEqual(innermostWorkspaceFrame(traceback, ['/ws'], exists), { file: '/ws/scene_qa/tasks.py', line: 24 });
  assert.deepEqual(innermostWorkspaceFrame('  File "/ws/scene_qa/runner.py", line 3, in <module>', ['/ws'], exists), {
    file: '/ws/scene_qa/runner.py',
    line: 3,
  });
  assert.equal(innermostWorkspaceFrame('ValueError: not a scene', ['/ws'], exists), undefined);
});
