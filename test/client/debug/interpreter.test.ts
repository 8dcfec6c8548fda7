// The interpreter order of issue 14: launch config, Python extension, project .venv, tilebox.python.path, python3.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseInterpreter, venvPython } from '../../../client/src/debug/interpreter';

test('the interpreter comes from the first source that has one, python3 on PATH last', () => {
  const all = {
    launchConfig: '/l/python',
    pythonExtension: '/ext/python',
    projectVenv: '/p/.venv/bin/python',
    setting: '/s/python',
  };
  assert.deepEqual(chooseInterpreter(all), { path: '/l/python', source: 'launch configuration' });
  assert.deepEqual(chooseInterpreter({ ...all, launchConfig: '  ' }), {
    path: '/ext/python',
    source: 'Python extension',
  });
  assert.deepEqual(chooseInterpreter({ projectVenv: '/p/.venv/bin/python', setting: '/s/python' }), {
    path: '/p/.venv/bin/python',
    source: 'project .venv',
  });
  assert.deepEqual(chooseInterpreter({ setting: ' /s/python ' }), { path: '/s/python', source: 'tilebox.python.path' });
  assert.deepEqual(chooseInterpreter({}), { path: 'python3', source: 'PATH' });
});

test('a venv keeps its interpreter under bin/, or Scripts/ on Windows', () => {
  assert.equal(venvPython('linux'), 'bin/python');
  assert.equal(venvPython('win32'), 'Scripts/python.exe');
});
