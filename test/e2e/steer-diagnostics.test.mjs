// Diagnostics users can steer (issue 7.1): the workspace setting re-grades a code, and the quick fix
// "Ignore <code> here" writes the ignore comment above the line, after which the problem is gone. In the Settings
// editor (issue 15.4) the CLI path shows under User (code-server is a remote window, where machine-scoped settings
// would be hidden there), and the severity setting offers the diagnostic codes as its keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession } from './harness.mjs';

const PATTERN = 'notebooks/**/*.ipynb';

/** Adds an include pattern that matches nothing and grades that code as an error; returns its line and column. */
function prepare(ws) {
  const file = join(ws, 'tilebox.workflow.toml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith('include = ['));
  assert.ok(i >= 0, 'fixture changed: expected an `include = [` line');
  lines[i] = lines[i].replace(/\]\s*$/, `, "${PATTERN}"]`);
  writeFileSync(file, lines.join('\n'));
  mkdirSync(join(ws, '.vscode'), { recursive: true });
  writeFileSync(
    join(ws, '.vscode/settings.json'),
    JSON.stringify({ 'tilebox.diagnostics.severity': { 'include-matches-nothing': 'error' } }),
  );
  return { line: i + 1, column: lines[i].indexOf(PATTERN) + 2 };
}

test('steer diagnostics: a setting re-grades a code; "Ignore … here" silences it with a comment', { timeout: 180_000 }, async () => {
  let at;
  await withSession(
    'steer-diagnostics',
    {
      trust: 'yes',
      prepare: (ws) => {
        at = prepare(ws);
      },
    },
    async ({ wb, page }) => {
      await wb.openFile('tilebox.workflow.toml');
      const isOurs = (r) => /include-matches-nothing/.test(r) && r.includes(PATTERN);
      const rows = await wb.problems({ until: (rs) => rs.some(isOurs), timeout: 45_000 });
      const row = rows.find(isOurs);
      assert.match(row, new RegExp(`Ln ${at.line}\\b|line ${at.line}\\b`), `expected line ${at.line}: ${row}`);
      // Re-graded by the workspace setting: the Problems row carries the error icon (a warning by default; the icon's class names the severity).
      const icon = await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: PATTERN })
        .first()
        .locator('.marker-icon')
        .first()
        .getAttribute('class');
      assert.match(icon ?? '', /\berror\b/, `severity icon: ${icon}`);

      await wb.goToLine(at.line, at.column);
      await wb.applyQuickFix('Ignore include-matches-nothing here');
      await wb.problems({ until: (rs) => !rs.some(isOurs), timeout: 30_000 });
      const text = await wb.editorText();
      assert.match(text, /# tilebox: ignore include-matches-nothing\s*\n\s*include = \[/, text);

      await wb.runCommand('Preferences: Open User Settings');
      const settings = page.locator('.settings-editor');
      const search = async (query) => {
        await settings.locator('.search-container .monaco-editor').first().click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(query);
      };
      await search('tilebox.cli.path');
      await settings.locator('.setting-item-contents').filter({ hasText: 'Path to the' }).first().waitFor({ timeout: 20_000 });
      assert.match(await settings.locator('.settings-tabs-widget .action-label.checked').first().innerText(), /User/);
      await search('tilebox.diagnostics.severity');
      const severity = settings.locator('.setting-item-contents').filter({ hasText: 'Re-grade or turn off' }).first();
      await severity.waitFor({ timeout: 20_000 });
      await severity.getByRole('button', { name: 'Add Item' }).click();
      let keys = [];
      await wb
        .waitFor(
          'the codes offered as keys',
          async () =>
            (keys = await severity
              .locator('select')
              .first()
              .evaluate((sel) => [...sel.options].map((o) => o.text))).includes('slug-placeholder'),
          15_000,
        )
        .catch((e) => {
          throw new Error(`${e.message}; keys offered: ${JSON.stringify(keys)}`);
        });
      assert.ok(keys.includes('include-matches-nothing') && keys.includes('task-field-type-unsupported'), JSON.stringify(keys));
    },
  );
});
