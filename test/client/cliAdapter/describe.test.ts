// One message and one action per failure kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure } from '../../../client/src/cliAdapter/describe';
import type { CliResult } from '../../../client/src/cliAdapter/types';

test('each failure kind maps to its message and action; ok and cancelled say nothing', () => {
  assert.equal(describeFailure({ kind: 'ok', value: 1, warnings: [] }), undefined);
  assert.equal(describeFailure({ kind: 'cancelled' }), undefined);
  const nf = describeFailure({ kind: 'not-found', searched: ['/usr/bin/tilebox'] }, 'Publishing release')!;
  assert.match(nf.message, /^Publishing release failed: the tilebox CLI was not found \(looked in \/usr\/bin\/tilebox\)\. Install it/);
  assert.deepEqual(nf.action, { title: 'Install or Set CLI Path…', command: 'tilebox.cli.setPath' });
  assert.deepEqual(describeFailure({ kind: 'not-authenticated', stderr: 'Error: no API key' })!.action, {
    title: 'Set API Key',
    command: 'tilebox.account.setApiKey',
  });
  const ex = describeFailure(
    { kind: 'exited', exitCode: 2, stderr: 'Usage: ...\nError: --target and --cluster cannot be used together' },
    'Deploying',
  )!;
  assert.equal(ex.message, 'Deploying failed (exit 2): Error: --target and --cluster cannot be used together');
  assert.deepEqual(ex.action, { title: 'Show Output', command: 'tilebox.showOutput' });
  assert.deepEqual(describeFailure({ kind: 'unparsable', detail: 'jobs[3].id missing', stdout: '' })!.action, {
    title: 'Show Output',
    command: 'tilebox.showOutput',
  });
  const to = describeFailure({ kind: 'timed-out', timeoutMs: 30000 })!;
  assert.match(to.message, /timed out after 30 s/);
  assert.equal(to.retryable, true);
  assert.deepEqual(to.action, { title: 'Show Output', command: 'tilebox.showOutput' });
});

test('every failure kind but cancelled has exactly one message and one action, naming a contributed command', async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  const failures = [
    { kind: 'not-found', searched: [] },
    { kind: 'not-authenticated', stderr: '' },
    { kind: 'exited', exitCode: 1, stderr: '' },
    { kind: 'unparsable', detail: 'x', stdout: '' },
    { kind: 'timed-out', timeoutMs: 1000 },
  ] satisfies CliResult<unknown>[];
  for (const f of failures) {
    const d = describeFailure(f, 'Listing jobs')!;
    assert.match(d.message, /^Listing jobs/, f.kind);
    assert.ok(d.action && contributed.has(d.action.command), `${f.kind}: action ${d.action?.command} is a contributed command`);
  }
});
