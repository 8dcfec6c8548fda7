// Values that go into a terminal command: slugs, UUIDs, runner and parallel argument arrays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSlug, isUuid, parallelArgs, runnerStartArgs } from '../../../client/src/cliAdapter/validate';

test('slugs: 1-100 of [A-Za-z0-9-], never a flag', () => {
  assert.ok(isSlug('dev-cluster-9xK2mQ4pL8nR7s'));
  assert.ok(!isSlug(''));
  assert.ok(!isSlug('a'.repeat(101)));
  assert.ok(!isSlug('a b'));
  assert.ok(!isSlug('a;rm -rf'));
  assert.ok(!isSlug('--api-key'));
  assert.ok(!isSlug(42));
});

test('UUIDs: the textual form, not the nil UUID', () => {
  assert.ok(isUuid('019ef7a2-56b4-7a86-9c4d-52a1792b1e90'));
  assert.ok(!isUuid('00000000-0000-0000-0000-000000000000'));
  assert.ok(!isUuid('019ef7a2-56b4-7a86-9c4d-52a1792b1e9'));
});

test('runner start arguments', () => {
  assert.deepEqual(runnerStartArgs({ cluster: 'dev-1', count: 2, stopWhenIdle: true }), [
    'runner',
    'start',
    '--cluster',
    'dev-1',
    '-n',
    '2',
    '--stop-when-idling',
  ]);
  assert.deepEqual(runnerStartArgs(), ['runner', 'start']);
  assert.throws(() => runnerStartArgs({ cluster: 'dev; rm -rf ~' }), /not a valid slug/);
  assert.throws(() => runnerStartArgs({ count: 0 }), /Runner count/);
});

test('parallel arguments keep the command as an array', () => {
  assert.deepEqual(parallelArgs(3, ['python', 'my runner.py']), ['parallel', '-n', '3', '--', 'python', 'my runner.py']);
  assert.throws(() => parallelArgs(2, []), /command is empty/);
  assert.throws(() => parallelArgs(1.5, ['x']), /Process count/);
});
