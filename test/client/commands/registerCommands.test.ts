// registerCommands against a thin fake of the VS Code API: every command of package.json is registered,
// outcomes become one notification whose buttons run the next command, CLI failures go to showFailure,
// and a picker closed with Escape says nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { test } from 'node:test';
import type { Services } from '../../../client/src/services';
import type { CliResult } from '../../../client/src/cliAdapter/types';
import { exampleProject, KEY } from './support';
import { harness, ok } from '../cliAdapter/helpers';
import { jobGet, jobSubmit } from '../../../client/src/cliAdapter/calls';
import { JobCache } from '../../../client/src/jobs/jobCache';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerCommands } = await import('../../../client/src/commands/index');

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const mine = (pkg.contributes.commands as { command: string }[])
  .map((c) => c.command)
  .filter((id) => /^tilebox\.(account|cli|project|release|job|runner)\b/.test(id));

function services() {
  const h = harness();
  const project = exampleProject();
  const failures: { kind: string; what: string }[] = [];
  const logShown: number[] = [];
  const s = {
    context: { subscriptions: [] as { dispose(): void }[], workspaceState: memento() },
    log: { debug() {}, info() {}, warn() {}, error() {}, show: () => void logShown.push(1) },
    cli: h.cli,
    refresh: { refresh() {}, pollAfterAction() {} },
    projects: { all: () => [project], active: () => project, pick: async () => project, onDidChange: () => ({ dispose() {} }) },
    secrets: {
      get: async () => KEY,
      set: async () => {},
      clear: async () => {},
      source: async () => 'stored',
      onDidChange: () => ({ dispose() {} }),
    },
    statusBar: { setLastJob() {} },
    views: { revealJob: async () => {} },
    showFailure: (r: CliResult<unknown>, what: string) => void failures.push({ kind: r.kind, what }),
    localRunners: new Set<string>(),
    jobs: new JobCache(async () => ({ kind: 'cancelled' as const })),
  };
  return { s: s as unknown as Services, h, failures, logShown, project };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

test('registerCommands registers every command this helper contributes, once', () => {
  const { s } = services();
  registerCommands(s);
  for (const id of mine) assert.ok(fake.state.commands.has(id), `${id} is registered`);
  assert.ok(mine.length >= 18);
  assert.deepEqual(
    fake.state.taskProviders.map((t: { type: string }) => t.type),
    ['tilebox'],
  );
  assert.deepEqual(fake.state.debugRegistrations, ['configuration:tilebox', 'configuration:tilebox', 'adapter:tilebox', 'tracker:tilebox']);
  assert.equal(fake.state.linkProviders.length, 1, 'traceback frames in terminals are links');
  for (const d of s.context.subscriptions as { dispose(): void }[]) d.dispose();
  assert.equal(fake.state.commands.size, 0, 'everything is disposed with the extension');
});

test('publish shows one notification with Deploy…; pressing it runs the deploy command with the release', async () => {
  const { s } = services();
  registerCommands(s);
  try {
    fake.state.messages.length = 0;
    fake.state.answers.push('Deploy…');
    await fake.state.commands.get('tilebox.release.publish')!();
    // The button's command runs once the notification resolves; other commands (setContext) may run meanwhile.
    const deploy = () => fake.state.executed.find((e: { id: string }) => e.id === 'tilebox.release.deploy');
    for (let waited = 0; !deploy() && waited < 2000; waited += 10) await settle();
    const [note] = fake.state.messages;
    assert.equal(note.level, 'info');
    assert.match(note.text, /^Published release /);
    assert.deepEqual(note.items, ['Deploy…', 'Copy ID']);
    assert.equal(fake.state.executed.filter((e: { id: string }) => e.id === 'tilebox.release.deploy').length, 1);
    assert.match(deploy()!.args[0].releaseId, /^[0-9a-f-]{36}$/);
  } finally {
    // A failure here must not leave the commands registered for the next test.
    for (const d of s.context.subscriptions as { dispose(): void }[]) d.dispose();
  }
});

test('the Workflows title button with a workflow from outside the workspace focused asks for the project instead of doing nothing', async () => {
  const { s } = services();
  let asked = 0;
  const pick = s.projects.pick.bind(s.projects);
  (s.projects as { pick: typeof pick }).pick = async (placeHolder) => {
    asked++;
    return pick(placeHolder);
  };
  registerCommands(s);
  fake.state.messages.length = 0;
  // VS Code hands a view-title command the focused row: here a workflow node no workspace project publishes.
  await fake.state.commands.get('tilebox.release.publish')!({ workflowSlug: 'someone-elses-wf-Xy7Kq2' });
  assert.equal(asked, 1);
  assert.match(fake.state.messages[0]?.text ?? '', /^Published release .* of /);
  for (const d of s.context.subscriptions as { dispose(): void }[]) d.dispose();
});

test('a CLI failure goes to showFailure with what was being done; Escape in a picker is silent', async () => {
  const { s, h, failures } = services();
  registerCommands(s);
  fake.state.messages.length = 0;
  h.setMode('fail');
  await fake.state.commands.get('tilebox.release.publish')!();
  assert.deepEqual(failures, [{ kind: 'exited', what: 'Publishing release of scene-qa-F8yVcPRfw2AkoZ' }]);
  h.setMode('');
  fake.state.answers.push(undefined); // Escape on the input box
  await fake.state.commands.get('tilebox.account.setApiKey')!();
  assert.equal(fake.state.messages.length, 0);
  assert.equal(failures.length, 1);
  for (const d of s.context.subscriptions as { dispose(): void }[]) d.dispose();
});

test('the Cancel Job dialog has "Cancel Job" and "Keep Job" (the close button), so no "Cancel" sits next to "Cancel Job"', async () => {
  const { s, h } = services();
  const { jobId } = ok(await h.cli.run(jobSubmit({ name: 'keep-me', task: 'X', cluster: 'dev-cluster-9xK2mQ4pL8nR7s' })));
  registerCommands(s);
  fake.state.messages.length = 0;
  fake.state.respond = ({ items }) => (items.includes('Keep Job') ? 'Keep Job' : undefined);
  try {
    await fake.state.commands.get('tilebox.job.cancel')!(jobId);
    const dialog = fake.state.messages.find((m) => /^Cancel job "keep-me"\?$/.test(m.text))!;
    assert.deepEqual(dialog.items, ['Cancel Job', 'Keep Job']);
    assert.deepEqual((dialog as { closers?: string[] }).closers, ['Keep Job']);
    assert.equal(ok(await h.cli.run(jobGet(jobId))).state, 'submitted', '"Keep Job" cancels nothing');
  } finally {
    fake.state.respond = undefined;
    for (const d of s.context.subscriptions as { dispose(): void }[]) d.dispose();
  }
});

/** An in-memory `workspaceState` (remembered inputs and submissions). */
function memento() {
  const m = new Map<string, unknown>();
  return { get: (k: string) => m.get(k), update: async (k: string, v: unknown) => void m.set(k, v), keys: () => [...m.keys()] };
}
