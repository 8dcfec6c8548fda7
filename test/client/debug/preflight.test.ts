// Preflight of a debug runner's interpreter: one message with the exact install command per missing piece.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { PREFLIGHT_SCRIPT, preflightResult, type PreflightContext } from '../../../client/src/debug/preflight';

const ctx: PreflightContext = {
  python: '/p/.venv/bin/python',
  source: 'project .venv',
  usesUv: false,
  platform: 'linux',
};
const ran = (facts: object, code = 0) => ({
  kind: 'ran' as const,
  code,
  stdout: `${JSON.stringify(facts)}\n`,
  stderr: '',
});
const facts = { python: '3.12.1', executable: '/p/.venv/bin/python', debugpy: true, tilebox: true };

test('an interpreter with debugpy and tilebox-workflows passes', () => {
  assert.deepEqual(preflightResult(ran(facts), ctx), { ok: true, version: '3.12.1' });
});

test("missing debugpy: pip for a venv, uv for a uv project, apt for Debian's own python3", () => {
  const r = preflightResult(ran({ ...facts, debugpy: false }), ctx);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.command, '/p/.venv/bin/python -m pip install debugpy');
  assert.match(
    !r.ok ? r.message : '',
    /^debugpy \(the Python debugger\) is not installed in \/p\/\.venv\/bin\/python \(Python 3\.12\.1, from project \.venv\)\. Install it: /,
  );
  const uv = preflightResult(ran({ ...facts, debugpy: false }), { ...ctx, usesUv: true });
  assert.equal(!uv.ok && uv.command, 'uv add --dev debugpy');
  const debian = preflightResult(ran({ ...facts, executable: '/usr/bin/python3', debugpy: false }), {
    ...ctx,
    python: 'python3',
    source: 'PATH',
  });
  assert.equal(!debian.ok && debian.command, 'sudo apt-get install python3-debugpy');
});

test('missing tilebox-workflows names the SDK package', () => {
  const r = preflightResult(ran({ ...facts, tilebox: false }), { ...ctx, usesUv: true });
  assert.equal(!r.ok && r.command, 'uv add tilebox-workflows');
  const spaced = preflightResult(ran({ ...facts, executable: '/my env/python', tilebox: false }), ctx);
  assert.equal(!spaced.ok && spaced.command, '"/my env/python" -m pip install tilebox-workflows');
});

test('no interpreter, or one that is not Python, points at the interpreter setting', () => {
  const none = preflightResult({ kind: 'not-found' }, ctx);
  assert.equal(none.ok, false);
  assert.equal(!none.ok && none.action, 'settings');
  assert.match(!none.ok ? none.message : '', /No Python interpreter at "\/p\/\.venv\/bin\/python" \(from project \.venv\)/);
  const broken = preflightResult({ kind: 'ran', code: 1, stdout: '', stderr: 'Traceback...\nSyntaxError: invalid syntax\n' }, ctx);
  assert.match(!broken.ok ? broken.message : '', /did not run as Python: SyntaxError: invalid syntax/);
});

test('the preflight script reports what a real interpreter has', () => {
  const r = spawnSync('python3', ['-c', PREFLIGHT_SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout);
  assert.equal(typeof got.debugpy, 'boolean');
  assert.equal(got.tilebox, false, 'no SDK without the stand-in on PYTHONPATH');
});
