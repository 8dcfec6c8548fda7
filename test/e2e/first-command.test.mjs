// A folder without tilebox.workflow.toml: nothing activates the extension at startup, so the first palette command
// is what activates it. VS Code runs that command as soon as activate() resolves, before the lazily loaded views and
// commands are in; the command must still run (it used to end in "command 'tilebox.project.create' not found").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { withSession } from './harness.mjs';

const prepare = (ws) => rmSync(join(ws, 'tilebox.workflow.toml'));

test('first command: "Create Workflow Project…" run before anything activated the extension asks for a folder', {
  timeout: 180_000,
}, async () => {
  await withSession('first-command', { trust: 'yes', waitReady: false, prepare }, async ({ wb }) => {
    await wb.runCommand('Tilebox: Create Workflow Project…');
    const title = wb.page.locator('.quick-input-widget').filter({ hasText: 'Folder for the new workflow project' });
    await title.waitFor({ state: 'visible', timeout: 30_000 });
    const toasts = await wb.page.locator('.notification-toast').allInnerTexts();
    assert.deepEqual(
      toasts.filter((t) => /not found|not available/i.test(t)),
      [],
    );
  });
});
