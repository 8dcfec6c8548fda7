// Runner terminals: argument arrays, the key only in env, one terminal per cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunnerTerminals, type RunnerTerminalOptions } from '../../../client/src/runner/terminals';

function fakeHost() {
  const created: (RunnerTerminalOptions & {
    shown: number;
    show(): void;
    exitStatus?: { code: number };
    disposed?: boolean;
    dispose(): void;
  })[] = [];
  let closeListener: ((t: unknown) => void) | undefined;
  return {
    created,
    close: (t: unknown) => closeListener?.(t),
    host: {
      createTerminal(options: RunnerTerminalOptions) {
        const t: (typeof created)[number] = {
          ...options,
          shown: 0,
          show() {
            t.shown++;
          },
          dispose() {
            t.disposed = true;
          },
        };
        created.push(t);
        return t;
      },
      onDidCloseTerminal(listener: (t: never) => void) {
        closeListener = listener as (t: unknown) => void;
        return {
          dispose() {
            closeListener = undefined;
          },
        };
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
  terminals.open('dev', {
    name: 'Tilebox runner: dev',
    shellPath: '/bin/tilebox',
    shellArgs: ['runner', 'start'],
    env: { TILEBOX_API_KEY: 'k' },
  });
  assert.equal(fake.created[0].isTransient, true);
  assert.deepEqual(fake.created[0].env, { TILEBOX_API_KEY: 'k' });
});

test('the set of running runners changes when a runner starts, when its process ends (its terminal stays) and when it closes', () => {
  const fake = fakeHost();
  let endListener: ((t: unknown) => void) | undefined;
  const host = {
    ...fake.host,
    onDidEndProcess(l: (t: never) => void) {
      endListener = l as (t: unknown) => void;
      return { dispose() {} };
    },
  };
  const local = new Set<string>();
  let changes = 0;
  const terminals = new RunnerTerminals(host, local, () => changes++);
  const options = { name: 'Tilebox runner: dev', shellPath: '/bin/tilebox', shellArgs: ['runner', 'start'], env: {} };
  const { terminal } = terminals.open('dev', options);
  assert.deepEqual([[...local], changes], [['dev'], 1]);
  endListener!(terminal);
  assert.deepEqual([[...local], changes], [[], 2], 'Ctrl+C or --stop-when-idling: no runner any more');
  assert.equal(fake.created[0].disposed, undefined, 'its terminal stays, with the log');
  fake.close(terminal);
  assert.equal(changes, 2, 'closing an ended runner changes nothing more');
  terminals.open('direct:/p', { ...options, name: 'direct' }, false);
  assert.equal(changes, 2, 'a direct runner is not a cluster runner');
});
