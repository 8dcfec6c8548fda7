// Diagnostics users can steer (issue 7.1): the workspace setting re-grades a code, and the quick fix
// "Ignore <code> here" writes the ignore comment above the line, after which the problem is gone.
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
    },
  );
});
