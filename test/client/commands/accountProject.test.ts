// API key: verified with `account get`, put back when rejected. New project: `workflow init` in the
// picked folder, the toml opened, the CLI's refusal surfaced when the folder already holds a project.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clearApiKeyFlow, setApiKeyFlow } from '../../../client/src/commands/account';
import { CliFailure } from '../../../client/src/commands/flow';
import { createProjectFlow } from '../../../client/src/commands/project';
import { describeFailure } from '../../../client/src/cliAdapter/describe';
import { harness } from '../cliAdapter/helpers';
import { FakeUi } from './fakeUi';

function keyStore(initial?: string) {
  let stored = initial;
  return {
    get: async () => stored,
    set: async (k: string) => void (stored = k),
    clear: async () => void (stored = undefined),
    source: async () => (stored ? ('stored' as const) : ('none' as const)),
    onDidChange: () => ({ dispose() {} }),
  };
}

test('a new API key is stored, verified with account get, and the owner is shown', async () => {
  const secrets = keyStore();
  const h = harness({ apiKey: () => secrets.get() });
  const ui = new FakeUi([{ input: '  tbx-api-new-key  ' }]);
  const done = await setApiKeyFlow({ cli: h.cli, ui, secrets });
  assert.equal(await secrets.get(), 'tbx-api-new-key');
  assert.match(done.message, /^API key saved\. It belongs to /);
  assert.deepEqual(
    h.calls().map((c) => c.argv.join(' ')),
    ['account get --json'],
  );
  assert.ok(h.calls()[0].api_key_env && !h.calls()[0].api_key_flag, 'the key went in the environment');
});

test('a key the CLI rejects is not kept: the previous stored key comes back', async () => {
  const secrets = keyStore('tbx-api-old');
  const h = harness({ apiKey: () => secrets.get() });
  h.setMode('unauthenticated');
  const ui = new FakeUi([{ input: 'tbx-api-wrong' }]);
  await assert.rejects(
    setApiKeyFlow({ cli: h.cli, ui, secrets }),
    (e: unknown) => e instanceof CliFailure && e.result.kind === 'not-authenticated',
  );
  assert.equal(await secrets.get(), 'tbx-api-old');
});

test('clearing the key says when the environment key is still used', async () => {
  const secrets = { ...keyStore('k'), source: async () => 'environment' as const };
  const h = harness();
  const done = await clearApiKeyFlow({ cli: h.cli, ui: new FakeUi(), secrets });
  assert.match(done.message, /TILEBOX_API_KEY from the editor's environment is still used/);
});

test('create project runs workflow init in the picked folder, opens the toml, and surfaces the refusal the second time', async () => {
  const h = harness();
  const folder = h.tempDir();
  const opened: string[] = [];
  const ui = new FakeUi([{ folder }, { input: 'Scene QA' }]);
  const done = await createProjectFlow({ cli: h.cli, ui, openFile: async (f) => void opened.push(f) });
  assert.deepEqual(opened, [join(folder, 'tilebox.workflow.toml')]);
  assert.ok(existsSync(opened[0]));
  assert.match(done.message, /^Created workflow scene-qa\S* in /);
  assert.deepEqual(
    done.next.map((s) => s.title),
    ['Publish Release'],
  );
  const call = h.calls()[0];
  assert.deepEqual(call.argv, ['workflow', 'init', '--name', 'Scene QA', '--json']);
  assert.equal(call.cwd, folder);

  const again = new FakeUi([{ folder }, { input: 'Scene QA' }]);
  const refusal = await createProjectFlow({ cli: h.cli, ui: again, openFile: async (f) => void opened.push(f) }).then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(refusal instanceof CliFailure && refusal.result.kind === 'exited');
  const shown = describeFailure(refusal.result, refusal.what)!.message;
  assert.match(shown, /tilebox\.workflow\.toml/, `the CLI's reason reaches the user: ${shown}`);
  assert.equal(opened.length, 1, 'nothing opened after the refusal');
});
