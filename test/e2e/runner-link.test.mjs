// The `runner` string in tilebox.workflow.toml leads to the Runner object (issue 17.4): Go to Definition on
// "scene_qa.runner:runner" opens scene_qa/runner.py at the line of `runner = Runner(...)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession } from './harness.mjs';

test('runner link: Go to Definition and Open Link on the runner string open runner.py at the Runner object', {
  timeout: 120_000,
}, async () => {
  await withSession('runner-link', { trust: 'yes' }, async ({ wb, page, dirs }) => {
    const config = readFileSync(join(dirs.workspace, 'tilebox.workflow.toml'), 'utf8').split('\n');
    const line = config.findIndex((l) => l.startsWith('runner = "')) + 1;
    const runnerLine =
      readFileSync(join(dirs.workspace, 'scene_qa/runner.py'), 'utf8')
        .split('\n')
        .findIndex((l) => /^runner\s*=\s*Runner\(/.test(l)) + 1;
    assert.ok(line > 0 && runnerLine > 0, 'fixture changed: expected a runner string and a module-level Runner');

    await wb.openFile('tilebox.workflow.toml');
    // The definition exists once the preview (task discovery) has run; F12 before that finds nothing, so retry
    // while the config is still the active editor.
    const runnerTab = page.locator('.tab.active').filter({ hasText: 'runner.py' });
    await wb.waitFor(
      'runner.py to open from the runner string',
      async () => {
        if (await runnerTab.isVisible().catch(() => false)) return true;
        await wb.goToLine(line, 'runner = "scene_qa.ru'.length);
        await page.keyboard.press('F12');
        await runnerTab.waitFor({ timeout: 3_000 }).catch(() => undefined);
        return false;
      },
      45_000,
    );
    await wb.statusBarItem(`Ln ${runnerLine}, Col 1`);

    // The same string is a document link: "Open Link" with the cursor on it (Ctrl+click with a mouse) lands there too.
    await wb.goToLine(1);
    await wb.statusBarItem('Ln 1, Col 1');
    await page.locator('.tab').filter({ hasText: 'tilebox.workflow.toml' }).first().click();
    await page.locator('.tab.active').filter({ hasText: 'tilebox.workflow.toml' }).waitFor({ timeout: 10_000 });
    await wb.goToLine(line, 'runner = "scene_qa.ru'.length);
    await wb.statusBarItem(`Ln ${line}, Col ${'runner = "scene_qa.ru'.length}`);
    // From the palette, but without runCommand's click into the editor, which would move the cursor off the link.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Open Link');
    await page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: /^Open Link/ })
      .first()
      .click();
    await runnerTab.waitFor({ timeout: 15_000 });
    await wb.statusBarItem(`Ln ${runnerLine}, Col 1`);
  });
});
