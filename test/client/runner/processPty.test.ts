// Runner terminals run their process in a ProcessPty: the output stays, an exit line says how it ended, Ctrl+C
// stops it as a normal stop (not an error), a start that fails (exit 127, a missing binary) says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitLine, ProcessPty, type ProcessSpec } from '../../../client/src/runner/processPty';

/** Runs a pty to its end; `onOutput` may act on what it wrote so far (press Ctrl+C). Resolves with all output. */
function run(
  spec: Partial<ProcessSpec> & Pick<ProcessSpec, 'file' | 'args'>,
  onOutput?: (all: string, pty: ProcessPty) => void,
): Promise<{ out: string; pty: ProcessPty }> {
  const pty = new ProcessPty({ env: {}, what: 'The runner', ...spec });
  let out = '';
  return new Promise((resolve) => {
    pty.onDidWrite((d) => {
      out += d;
      if (pty.ended && out.endsWith(`${RESET}\r\n`)) resolve({ out, pty });
      else onOutput?.(out, pty);
    });
    pty.open();
  });
}
const ESC = String.fromCharCode(27);
const RESET = `${ESC}[0m`;
const RED = `${ESC}[31m`;
const DIM = `${ESC}[2m`;
const plain = (s: string) => s.split(RESET).join('').split(RED).join('').split(DIM).join('');

test('the output stays and a normal end says so, dimmed, not as an error; the env reaches the process', async () => {
  const { out } = await run({
    file: '/bin/sh',
    args: ['-c', 'echo "runner-1: INFO: no more work"; echo "key=$TILEBOX_API_KEY" >&2'],
    env: { TILEBOX_API_KEY: 'k1' },
  });
  assert.match(plain(out), /runner-1: INFO: no more work\r\n/);
  assert.match(plain(out), /key=k1\r\n/);
  assert.ok(out.endsWith(`${DIM}The runner finished (exit 0).${RESET}\r\n`), out);
});

const needsUv = { program: 'uv', advice: 'A release runner runs your tasks with uv: install it (https://docs.astral.sh/uv/).' };

test('a release runner that fails without uv on its PATH says uv is missing and what to do, in red, whatever its exit code', async () => {
  for (const code of [127, 1]) {
    const script = `echo "uv: command not found" >&2; exit ${code}`;
    const { out } = await run({ file: '/bin/sh', args: ['-c', script], env: { PATH: '/nonexistent-bin' }, requires: needsUv });
    assert.match(plain(out), /uv: command not found\r\n/);
    const line = `${RED}The runner ended with exit ${code}: uv is not on the PATH VS Code was started with. ${needsUv.advice}`;
    assert.ok(out.includes(line), out);
  }
});

test('with uv on its PATH, a failing release runner does not blame uv', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'uv-bin-'));
  writeFileSync(join(bin, 'uv'), '#!/bin/sh\n', { mode: 0o755 });
  const { out } = await run({ file: '/bin/sh', args: ['-c', 'exit 127'], env: { PATH: bin }, requires: needsUv });
  assert.match(
    plain(out),
    /The runner could not start a program it needs \(exit 127: command not found\)\. Check that the program it runs/,
  );
  assert.doesNotMatch(plain(out), /uv/);
});

test('exit 127 of a process that is not a release runner does not blame uv', () => {
  const { text, error } = exitLine({ code: 127, signal: null, interrupted: false }, { what: 'The direct runner', file: 'tilebox' });
  assert.equal(error, true);
  assert.match(
    text,
    /^The direct runner could not start a program it needs \(exit 127: command not found\)\. Check that the program it runs is installed/,
  );
  assert.doesNotMatch(text, /uv/);
});

test('a binary that does not exist says so instead of a silent dead terminal', async () => {
  const { out, pty } = await run({ file: '/nonexistent/tilebox', args: ['runner', 'start'] });
  assert.match(plain(out), /The runner could not start: \/nonexistent\/tilebox was not found\. Check the tilebox\.cli\.path setting\./);
  assert.equal(pty.ended?.spawnError?.code, 'ENOENT');
});

test('Ctrl+C interrupts it (SIGINT to its group): "stopped", not an error, whatever the exit code', async () => {
  const script = 'trap "echo graceful stop; exit 130" INT; echo started; while :; do sleep 0.05; done';
  let pressed = false;
  const { out } = await run({ file: '/bin/sh', args: ['-c', script] }, (all, pty) => {
    if (!pressed && /started/.test(all)) {
      pressed = true;
      pty.handleInput('\x03');
    }
  });
  assert.match(plain(out), /started\r\n\^C\r\ngraceful stop\r\n/);
  assert.ok(out.includes(`${DIM}The runner stopped (exit 130).${RESET}`), out);
});

test('the exit line for each way to end', () => {
  const spec = { what: 'The runner', file: 'tilebox' };
  assert.deepEqual(exitLine({ code: 1, signal: null, interrupted: false }, spec), {
    text: 'The runner ended with exit 1: the output above says why.',
    error: true,
  });
  assert.deepEqual(exitLine({ code: null, signal: 'SIGINT', interrupted: true }, spec), {
    text: 'The runner stopped (signal SIGINT).',
    error: false,
  });
  assert.deepEqual(exitLine({ code: null, signal: 'SIGKILL', interrupted: false }, spec), {
    text: 'The runner ended with signal SIGKILL: the output above says why.',
    error: true,
  });
});
