// Activation through a fake VS Code: the context keys the welcome views are keyed on are really set by the
// code paths that should set them (untrusted, CLI missing, no API key, no project), they follow changes
// (trust granted, key stored), and nothing that may run the CLI starts in an untrusted workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { test } from 'node:test';
import { ContextKeys, Views } from '../../client/src/contributes';
import { contextKeysIn } from './views/whenClause';
import { STANDIN_BIN } from './cliAdapter/helpers';
import { settle } from './refresh/fakeClock';

register('../vscodeHook.mjs', import.meta.url);
const fake = await import('../fakeVscode');
const { activate } = await import('../../client/src/extension');

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const CLI_VIEWS = [Views.workflows, Views.clusters, Views.jobs];
const TOML = '[workflow]\nslug = "scene-qa-F8yVcPRfw2AkoZ"\n\n[targets.dev]\nclusters = ["dev-cluster-9xK2mQ4pL8nR7s"]\n';
delete process.env.TILEBOX_API_KEY;

/** Waits (bounded) for the lazily imported trusted half to finish starting: it logs one summary line. */
async function trustedStarted(logsBefore: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (fake.views.logs.slice(logsBefore).some((l) => /project\(s\)$/.test(l.text))) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  for (let i = 0; i < 20; i++) await settle();
}

/** Bounded wait for something the extension does after real I/O (file stat, secret storage). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}

let context: any;
async function start(o: { trusted: boolean; cliPath?: string; key?: string; tomls?: string[] }) {
  for (const d of context?.subscriptions ?? []) d.dispose();
  fake.state.executed.length = 0;
  fake.state.config = { 'cli.path': o.cliPath ?? '/nowhere/tilebox' };
  fake.views.trusted = o.trusted;
  fake.views.files.clear();
  for (const dir of o.tomls ?? []) fake.views.files.set(`${dir}/tilebox.workflow.toml`, TOML);
  context = fake.extensionContext(new Map(o.key ? [['tilebox.apiKey', o.key]] : []));
  const before = fake.views.logs.length;
  await activate(context);
  if (o.trusted) await trustedStarted(before);
  for (let i = 0; i < 20; i++) await settle();
  return fake.contextKeys();
}

/** Welcome entries of a view whose `when` holds for these context keys (only tilebox keys and `!`/`&&`). */
function welcomeShown(view: string, keys: Record<string, unknown>): string[] {
  return (pkg.contributes.viewsWelcome as { view: string; when: string; contents: string }[])
    .filter((w) => w.view === view)
    .filter((w) =>
      w.when.split('&&').every((term) => {
        const t = term.trim();
        const negated = t.startsWith('!');
        const value = !!keys[negated ? t.slice(1) : t];
        return negated ? !value : value;
      }),
    )
    .map((w) => w.contents.split('\n').find((l) => /\[.*\]\(command:/.test(l)) ?? w.contents);
}

test('untrusted: the untrusted welcome shows, no CLI-backed view or status item exists, and CLI commands say trust is needed', async () => {
  const keys = await start({ trusted: false, cliPath: STANDIN_BIN, tomls: ['/p'] });
  assert.equal(keys[ContextKeys.untrusted], true);
  for (const v of CLI_VIEWS) assert.deepEqual(welcomeShown(v, keys), ['[Manage Workspace Trust](command:workbench.trust.manage)']);
  assert.deepEqual(
    CLI_VIEWS.filter((v) => fake.views.trees.has(v)),
    [],
    'no provider: VS Code shows the welcome',
  );
  // The palette (before activation sets the key) and the walkthrough still reach the CLI commands: they explain.
  fake.state.answers.push('Manage Workspace Trust');
  await fake.state.commands.get('tilebox.release.publish')!();
  const said = fake.state.messages.at(-1)!;
  assert.equal(said.level, 'warning');
  assert.match(said.text, /runs the tilebox CLI, which stays off until you trust this workspace/);
  assert.ok(
    fake.state.executed.some((e) => e.id === 'workbench.trust.manage'),
    'the button opens the trust editor',
  );
  for (const id of ['tilebox.output.show', 'tilebox.showOutput']) {
    const before = fake.state.messages.length;
    await fake.state.commands.get(id)!();
    assert.equal(fake.state.messages.length, before, `${id} shows the log, trusted or not`);
  }
  assert.ok(fake.views.logs.some((l) => /not trusted/.test(l.text)));
  assert.match(fake.views.logs.find((l) => /activated in/.test(l.text))?.text ?? '', /^activated in \d+ ms$/);
});

test('granting trust starts the views and commands and clears the untrusted key', async () => {
  await start({ trusted: false, cliPath: STANDIN_BIN, key: 'k', tomls: ['/p'] });
  const before = fake.views.logs.length;
  fake.views.grantTrust.fire();
  await trustedStarted(before);
  const keys = fake.contextKeys();
  assert.equal(keys[ContextKeys.untrusted], false);
  assert.deepEqual(
    CLI_VIEWS.filter((v) => fake.views.trees.has(v)),
    CLI_VIEWS,
  );
  assert.ok(fake.state.commands.has('tilebox.release.publish'));
});

test('CLI missing: the install / "Set CLI Path" welcome shows', async () => {
  const keys = await start({ trusted: true, tomls: ['/p'] });
  assert.equal(keys[ContextKeys.cliMissing], true);
  for (const v of CLI_VIEWS) assert.deepEqual(welcomeShown(v, keys), ['[Set CLI Path](command:tilebox.cli.setPath)']);
  assert.deepEqual(await fake.views.trees.get(Views.jobs)!.provider.getChildren(), [], 'the view stays empty so the welcome shows');
  fake.state.config['cli.path'] = STANDIN_BIN; // installed meanwhile; the welcome's "Check Again" runs refresh
  await fake.state.commands.get('tilebox.views.refresh')!();
  assert.equal(fake.contextKeys()[ContextKeys.cliMissing], false);
});

test('no API key: the "Set API Key" welcome shows until a key is stored', async () => {
  let keys = await start({ trusted: true, cliPath: STANDIN_BIN, tomls: ['/p'] });
  assert.equal(keys[ContextKeys.cliMissing], false);
  assert.equal(keys[ContextKeys.noApiKey], true);
  for (const v of CLI_VIEWS) assert.deepEqual(welcomeShown(v, keys), ['[Set API Key](command:tilebox.account.setApiKey)']);
  await context.secrets.store('tilebox.apiKey', 'tbx-key');
  await until(() => fake.contextKeys()[ContextKeys.noApiKey] === false);
  keys = fake.contextKeys();
  assert.equal(keys[ContextKeys.noApiKey], false);
  for (const v of CLI_VIEWS) assert.deepEqual(welcomeShown(v, keys), []);
});

test('no tilebox.workflow.toml: the workflows view offers "Create Workflow Project"; one or several set the project keys', async () => {
  let keys = await start({ trusted: true, cliPath: STANDIN_BIN, key: 'k' });
  assert.equal(keys[ContextKeys.noProject], true);
  assert.deepEqual(welcomeShown(Views.workflows, keys), ['[Create Workflow Project](command:tilebox.project.create)']);
  assert.deepEqual(welcomeShown(Views.jobs, keys), [], 'jobs and clusters still work without a project');
  keys = await start({ trusted: true, cliPath: STANDIN_BIN, key: 'k', tomls: ['/a'] });
  assert.deepEqual([keys[ContextKeys.noProject], keys[ContextKeys.multiProject]], [false, false]);
  keys = await start({ trusted: true, cliPath: STANDIN_BIN, key: 'k', tomls: ['/a', '/b'] });
  assert.deepEqual([keys[ContextKeys.noProject], keys[ContextKeys.multiProject]], [false, true]);
});

test('after a reload the Workflows view shows its last rows, marked Refreshing, before the projects are found or the CLI is looked for', async () => {
  await start({ trusted: true, cliPath: STANDIN_BIN, key: 'k', tomls: ['/p'] });
  const labels = async () =>
    ((await fake.views.trees.get(Views.workflows)?.provider.getChildren()) ?? []).map((n: { model: { label: string } }) => n.model.label);
  await labels(); // the first look asks the CLI
  await until(() => context.workspaceState.get('tilebox.views.last.workflows') !== undefined);
  assert.ok((await labels()).includes('Scene QA'), 'the first session listed the workflow');
  const remembered = context.workspaceState;
  assert.deepEqual(remembered.get('tilebox.views.lastGate'), { cliMissing: false, noApiKey: false }, 'the CLI/key answer is kept');
  for (const d of context.subscriptions) d.dispose();
  const gateWrites: unknown[] = [];
  const update = remembered.update;
  remembered.update = (key: string, value: unknown) => {
    if (key === 'tilebox.views.lastGate') gateWrites.push(value);
    return update(key, value);
  };

  // The reload: the workspace search does not answer yet, and looking for the CLI is slow.
  const search = fake.workspace.findFiles;
  let answerSearch = () => undefined as unknown;
  fake.workspace.findFiles = () => new Promise((resolve) => (answerSearch = () => resolve(search())));
  context = fake.extensionContext(new Map([['tilebox.apiKey', 'k']]));
  context.workspaceState = remembered;
  fake.state.executed.length = 0;
  try {
    await activate(context);
    await until(() => fake.views.trees.has(Views.workflows) && fake.views.logs.some((l) => l.text === 'views registered'));
    const rows = await labels();
    assert.deepEqual(rows.slice(0, 2), ['Refreshing…', 'Scene QA'], 'the last rows at once, marked');
    assert.equal(fake.contextKeys()[ContextKeys.noProject], false, 'no "create a project" welcome meanwhile');
    const logged = fake.views.logs.length;
    answerSearch(); // the start-up ends (its last line) once the search and the CLI/key check are both done
    await until(() => fake.views.logs.slice(logged).some((l) => /project\(s\)$/.test(l.text)));
    assert.deepEqual(gateWrites, [], 'the same answer again is not written again');
  } finally {
    remembered.update = update;
    fake.workspace.findFiles = search;
    answerSearch();
  }
});

test('every context key a welcome view reads is one of the keys these scenarios saw set', async () => {
  const seen = new Set<string>();
  for (const o of [
    { trusted: false },
    { trusted: true },
    { trusted: true, cliPath: STANDIN_BIN },
    { trusted: true, cliPath: STANDIN_BIN, key: 'k' },
  ]) {
    for (const k of Object.keys(await start(o))) seen.add(k);
  }
  const read = new Set((pkg.contributes.viewsWelcome as { when: string }[]).flatMap((w) => contextKeysIn(w.when)));
  assert.deepEqual(
    [...read].filter((k) => !seen.has(k)),
    [],
  );
  for (const d of context.subscriptions) d.dispose();
});

test('a command run before the lazy half has loaded (VS Code activating for it) waits and runs the real handler', async () => {
  for (const d of context?.subscriptions ?? []) d.dispose();
  fake.state.executed.length = 0;
  fake.state.config = { 'cli.path': STANDIN_BIN };
  fake.views.trusted = true;
  context = fake.extensionContext(new Map([['tilebox.apiKey', 'k']]));
  const before = fake.views.logs.length;
  await activate(context);
  // What VS Code does next for a palette command that activated the extension: run it right away.
  const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command);
  assert.deepEqual(
    contributed.filter((id) => !fake.state.commands.has(id)),
    [],
    'every contributed command has a handler at once',
  );
  const held = fake.state.commands.get('tilebox.project.create')!;
  const run = held('arg');
  await trustedStarted(before);
  await run;
  assert.notEqual(fake.state.commands.get('tilebox.project.create'), held, 'the real handler replaced the hold');
  assert.deepEqual(
    fake.state.executed.filter((e: { id: string }) => e.id === 'tilebox.project.create'),
    [{ id: 'tilebox.project.create', args: ['arg'] }],
  );
  assert.ok(!fake.state.messages.some((m: { text?: string }) => /not available/.test(String(m.text ?? m))), 'no "not available" error');
});
