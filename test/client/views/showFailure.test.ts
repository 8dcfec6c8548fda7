// A failed CLI call the user asked for: one notification whose button is the fix, "Try Again" for a timeout
// when the call can be repeated, nothing for a cancelled call; the welcome gate hears about every failure.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import type { CliFailure, CliResult } from '../../../client/src/cliAdapter/types';
import { settle } from '../refresh/fakeClock';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { makeShowFailure } = await import('../../../client/src/views/showFailure');

function setup() {
  fake.state.messages.length = 0;
  fake.state.executed.length = 0;
  fake.views.logs.length = 0;
  const heard: string[] = [];
  const show = makeShowFailure(fake.window.createOutputChannel('Tilebox'), (r: CliFailure) => void heard.push(r.kind));
  return { show, heard };
}

test('each failure kind is one error notification whose button runs its fix', async () => {
  const cases: [CliResult<unknown>, RegExp, string, string][] = [
    [
      { kind: 'not-found', searched: ['/usr/bin/tilebox'] },
      /Publishing release failed: the tilebox CLI was not found/,
      'Install or Set CLI Path…',
      'tilebox.cli.setPath',
    ],
    [
      { kind: 'not-authenticated', stderr: 'Error: invalid api key' },
      /API key is missing or was rejected \(Error: invalid api key\)/,
      'Set API Key',
      'tilebox.account.setApiKey',
    ],
    [
      { kind: 'exited', exitCode: 1, stderr: 'Traceback\nError: release not found' },
      /failed \(exit 1\): Error: release not found/,
      'Show Output',
      'tilebox.showOutput',
    ],
    [{ kind: 'unparsable', detail: 'not JSON', stdout: '<html>' }, /cannot read \(not JSON\)/, 'Show Output', 'tilebox.showOutput'],
  ];
  for (const [result, message, button, command] of cases) {
    const { show, heard } = setup();
    fake.state.answers.push(button);
    show(result, 'Publishing release');
    await settle();
    assert.equal(fake.state.messages.length, 1, result.kind);
    assert.equal(fake.state.messages[0].level, 'error');
    assert.match(fake.state.messages[0].text, message);
    assert.deepEqual(fake.state.messages[0].items, [button]);
    assert.deepEqual(
      fake.state.executed.map((e: { id: string }) => e.id),
      [command],
      `${result.kind}: the button runs the fix`,
    );
    assert.deepEqual(heard, [result.kind]);
    assert.ok(
      fake.views.logs.some((l) => l.level === 'warn' && l.text.startsWith('Publishing release')),
      'and one log line',
    );
  }
});

test('a timeout offers "Try Again" when the caller can repeat the call; a cancelled call says nothing', async () => {
  let { show } = setup();
  let retried = 0;
  fake.state.answers.push('Try Again');
  show({ kind: 'timed-out', timeoutMs: 60_000 }, 'Listing jobs', () => retried++);
  await settle();
  assert.match(fake.state.messages[0].text, /Listing jobs timed out after 60 s/);
  assert.deepEqual(fake.state.messages[0].items, ['Try Again', 'Show Output']);
  assert.equal(retried, 1);
  ({ show } = setup());
  show({ kind: 'timed-out', timeoutMs: 5_000 }, 'Listing jobs');
  assert.deepEqual(fake.state.messages[0].items, ['Show Output'], 'no retry offered without a way to retry');
  const quiet = setup();
  quiet.show({ kind: 'cancelled' }, 'Listing jobs');
  quiet.show({ kind: 'ok', value: 1, warnings: [] }, 'Listing jobs');
  assert.equal(fake.state.messages.length, 0);
  assert.deepEqual(quiet.heard, ['cancelled'], 'the gate still hears a cancellation (it ignores it)');
});
