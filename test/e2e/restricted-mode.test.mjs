// Restricted mode: the user answers "No" to the trust dialog. Validation still runs (it never executes anything),
// the Tilebox views explain why they are empty, and the tilebox CLI is never called.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, standinCalls } from './harness.mjs';

test('restricted mode: diagnostics appear, views show the untrusted welcome, the CLI is never run', { timeout: 180_000 }, async () => {
  const prepare = (ws) => {
    const file = join(ws, 'tilebox.workflow.toml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^runner = .*$/m, 'runner = "scene_qa.runner"'));
  };
  await withSession('restricted-mode', { trust: 'no', prepare }, async (s) => {
    const { wb } = s;
    await wb.openFile('tilebox.workflow.toml');
    await wb.problems({ until: (rs) => rs.some((r) => /runner-invalid/.test(r)), timeout: 45_000 });

    await wb.openTilebox();
    for (const view of ['Workflows', 'Clusters', 'Jobs']) {
      await wb.expandView(view);
      assert.match(await wb.welcomeText(view), /not trusted/i, `${view} view`);
    }
    await new Promise((r) => setTimeout(r, 3_000)); // give a wrongly eager refresh time to show up in the call log
    assert.equal(standinCalls(s), '', 'the stand-in tilebox CLI was called in an untrusted workspace');
  });
});
