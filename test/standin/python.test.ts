// Runs the Python stand-in's own unittest suite (test/standin/python/tests) under node's test runner.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import test from 'node:test';

const dir = join(import.meta.dirname, 'python');

test('the Python stand-in of tilebox.workflows passes its unittest suite', () => {
  const r = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'tests'], {
    cwd: dir,
    env: { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /\nOK\n?$/);
});
