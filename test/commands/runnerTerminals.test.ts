// Runner terminals: argument arrays, the key only in env, one terminal per cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunnerTerminals, type RunnerTerminalOptions } from '../../client/src/runner/terminals';

function fakeHost() {
  const created: (RunnerTerminalOptions & { shown: number; show(): void; exitStatus?: { code: number }; disposed?: boolean; dispose(): void })[] = [];
  let closeListener: ((t: unknown) => void) | undefined;
  return {
    created,
    close: (t: unknown) => closeListener?.(t),
    host: {
      createTerminal(options: RunnerTerminalOptions) {
        const t: (typeof created)[number] = { ...options, shown: 0, show() { t.shown++; }, dispose() { t.disposed = true; } };
        created.push(t);
        return t;
      },
      onDidCloseTerminal(listener: (t: never) => void) {
        closeListener = listener as (t: unknown) => void;
        return { dispose() { closeListener = undefined; } };
      },
    },
  };
}

test('a second open for the same cluster reveals the first terminal; closing it forgets the runner', () => {
  const fake = fakeHost();
  const local = new Set<string>();
  const terminals = new RunnerTerminals(fake.host, local);
  const options = { name: 'Tilebox runner: dev', shellPath: '/bin/tilebox', shellArgs: ['runner', 'start'], env: {} };
  const first = terminals.open('dev', options);
  const second = terminals.open('dev', options);
  assert.equal(first.created, true);
  assert.equal(second.created, false);
  assert.equal(second.terminal, first.terminal);
  assert.equal(fake.created.length, 1);
  assert.equal(fake.created[0].shown, 2);
  assert.deepEqual([...local], ['dev']);
  fake.close(first.terminal);
  assert.deepEqual([...local], []);
  assert.equal(terminals.open('dev', options).created, true, 'after close a new terminal starts');
});

test('a runner whose process ended (stopped when idle) is not revealed again: a new terminal replaces it', () => {
  const fake = fakeHost();
  const local = new Set<string>();
  const terminals = new RunnerTerminals(fake.host, local);
  const options = { name: 'Tilebox runner: dev', shellPath: '/bin/tilebox', shellArgs: ['runner', 'start', '--stop-when-idling'], env: {} };
  terminals.open('dev', options);
  fake.created[0].exitStatus = { code: 0 };
  assert.equal(terminals.has('dev'), false, 'an ended runner is no runner');
  assert.deepEqual([...local], [], 'and no longer counts for the queued-job diagnosis');
  assert.equal(fake.created[0].disposed, true, 'its dead terminal is closed');
  assert.equal(terminals.open('dev', options).created, true);
  assert.equal(fake.created.length, 2);
  assert.deepEqual([...local], ['dev']);
});

test('runner terminals opt out of session persistence, so their env (the API key) is not saved and they are not revived', () => {
  const fake = fakeHost();
  const terminals = new RunnerTerminals(fake.host, new Set<string>());
  terminals.open('dev', { name: 'Tilebox runner: dev', shellPath: '/bin/tilebox', shellArgs: ['runner', 'start'], env: { TILEBOX_API_KEY: 'k' } });
  assert.equal(fake.created[0].isTransient, true);
  assert.deepEqual(fake.created[0].env, { TILEBOX_API_KEY: 'k' });
});
