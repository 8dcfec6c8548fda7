// "CLI not found" → Install CLI…: the documented installer in a terminal (a constant argv, no key), an
// installed binary, or the instructions; Windows gets no shell installer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INSTALL_COMMAND, INSTALL_DOCS, installCliFlow, INSTALLER_TERMINAL } from '../../../client/src/commands/installCli';
import { STANDIN_BIN } from '../cliAdapter/helpers';
import { world } from './support';

const deps = (w: ReturnType<typeof world>, ui: ReturnType<ReturnType<typeof world>['ui']>, platform: NodeJS.Platform = 'linux') => {
  const saved: string[] = [];
  return { saved, d: { ...w.deps(ui), setCliPath: async (p: string) => void saved.push(p), cliPath: () => saved.at(-1), platform } };
};

test('the installer runs in its own terminal from a fixed argv, without the API key, and says what comes next', async () => {
  const w = world();
  const ui = w.ui({ pick: 'Run the official installer' });
  const done = await installCliFlow(deps(w, ui).d);
  assert.deepEqual(
    w.created.map((t) => [t.name, t.shellPath, t.shellArgs, t.env]),
    [[INSTALLER_TERMINAL, '/bin/sh', ['-c', INSTALL_COMMAND], {}]],
  );
  assert.deepEqual(
    done?.next.map((s) => s.command),
    ['tilebox.views.refresh'],
  );
  assert.deepEqual([...w.localRunners], [], 'the installer is not a runner');
});

test('an installed binary is saved as tilebox.cli.path and checked; the docs open in the browser', async () => {
  const w = world();
  const { saved, d } = deps(w, w.ui({ pick: 'Use an installed' }, { file: STANDIN_BIN }));
  const done = await installCliFlow(d);
  assert.deepEqual(saved, [STANDIN_BIN]);
  assert.match(done!.message, /0\.5\.0-standin/);
  const docsUi = w.ui({ pick: 'Open the install instructions' });
  assert.equal(await installCliFlow(deps(w, docsUi).d), undefined);
  assert.deepEqual(docsUi.opened, [INSTALL_DOCS]);
});

test('on Windows the shell installer is not offered', async () => {
  const w = world();
  const ui = w.ui({ escape: true });
  await installCliFlow(deps(w, ui, 'win32').d).catch(() => undefined);
  assert.ok(!ui.asked[0].items!.some((l) => /installer/.test(l)));
  assert.equal(ui.asked[0].items!.length, 2);
});
