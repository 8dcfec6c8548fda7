// Browsing a built release archive (issue 4.5): the headless CLI builds the project's `.tar.zst`, the explorer's
// "Open Release Archive" shows its entries in the "Release Archive" view (the same list GNU tar reads from it), and an
// entry opens read-only from memory: its text is the project file's, and typing changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { withSession, root } from './harness.mjs';
import { leafPathsBelow } from './workbench.mjs';

test('release archive: a built .tar.zst shows its entries; an entry opens read-only', { timeout: 180_000 }, async () => {
  let built;
  const prepare = (ws) => {
    built = JSON.parse(execFileSync('node', [join(root, 'dist/cli.js'), 'build', ws, '--json'], { encoding: 'utf8' }));
  };
  await withSession('release-archive', { trust: 'yes', prepare }, async ({ wb, page }) => {
    const name = basename(built.path);
    // What GNU tar reads from the same bytes is what the view must list.
    const expected = execFileSync('tar', ['--zstd', '-tf', built.path], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l && !l.endsWith('/'))
      .sort();
    assert.equal(expected.length, built.files, `tar lists ${expected.length} files, the build said ${built.files}`);

    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
    await row.waitFor({ timeout: 20_000 });
    await wb.contextMenu(row, /Open Release Archive/);

    await wb.treeItem(name, { view: 'Release Archive', timeout: 30_000 });
    await wb.soloView('Release Archive');
    await wb.expandAll('Release Archive');
    assert.deepEqual(leafPathsBelow(await wb.treeRows('Release Archive'), name), expected);

    const entry = await wb.treeItem(/^pyproject\.toml/, { view: 'Release Archive' });
    await entry.click();
    await page.locator('.tab.active').filter({ hasText: 'pyproject.toml' }).waitFor({ timeout: 15_000 });
    const original = readFileSync(join(built.path, '..', 'pyproject.toml'), 'utf8');
    const firstLines = original.trim().split('\n').slice(0, 3).join('\n');
    await wb.waitFor('the entry text in the editor', async () => (await wb.editorText()).includes(firstLines), 15_000);

    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await page.keyboard.type('zzz');
    await page.keyboard.press('Enter');
    await page
      .locator('.monaco-editor-overlaymessage')
      .filter({ hasText: /read-only/i })
      .first()
      .waitFor({ timeout: 10_000 });
    const after = await wb.editorText();
    assert.ok(!after.includes('zzz'), `the archive entry was editable: ${after}`);
    assert.ok(after.includes(firstLines), after);
  });
});
