// The ignore comment end to end (issue 7.1), from what a user types: an include pattern typed into the config that
// matches nothing is flagged live (a warning by default), the keyboard quick fix "Ignore include-matches-nothing
// here" writes `# tilebox: ignore include-matches-nothing` above the line and the problem goes, and once saved the
// headless `check` (as CI runs it) honours the same comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, root } from './harness.mjs';

const PATTERN = 'docs/**/*.md';
const COMMENT = '# tilebox: ignore include-matches-nothing';

const headlessCheck = (ws) =>
  JSON.parse(execFileSync('node', [join(root, 'dist/cli.js'), 'check', ws, '--format', 'json'], { encoding: 'utf8' }));
const codes = (report) => report.files.flatMap((f) => f.diagnostics.map((d) => d.code));

test('ignore comment: a typed include that matches nothing is flagged; the keyboard quick fix silences it, headless too', {
  timeout: 180_000,
}, async () => {
  await withSession('ignore-comment', { trust: 'yes' }, async ({ wb, page, dirs }) => {
    const file = join(dirs.workspace, 'tilebox.workflow.toml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((l) => l.startsWith('include = ['));
    assert.ok(index >= 0 && lines[index].trimEnd().endsWith(']'), 'fixture changed: expected a one-line `include = [...]`');
    const line = index + 1;
    assert.ok(!codes(headlessCheck(dirs.workspace)).includes('include-matches-nothing'), 'the fixture already has the problem');

    await wb.openFile('tilebox.workflow.toml');
    await wb.goToLine(line, lines[index].trimEnd().length); // just before the closing `]`
    await page.keyboard.insertText(`, "${PATTERN}"`);
    const isOurs = (r) => /include-matches-nothing/.test(r) && r.includes(PATTERN);
    const rows = await wb.problems({ until: (rs) => rs.some(isOurs), timeout: 45_000 });
    assert.match(rows.find(isOurs), new RegExp(`Ln ${line}\\b|line ${line}\\b`));
    const icon = await page
      .locator('.markers-panel .monaco-list-row')
      .filter({ hasText: PATTERN })
      .first()
      .locator('.marker-icon')
      .first()
      .getAttribute('class');
    assert.match(icon ?? '', /\bwarning\b/, `severity icon: ${icon}`);

    await wb.goToLine(line, lines[index].indexOf(']') + 5); // inside the typed pattern
    await wb.applyQuickFix('Ignore include-matches-nothing here');
    await wb.problems({ until: (rs) => !rs.some(isOurs), timeout: 30_000 });
    const text = await wb.editorText();
    assert.match(text, new RegExp(`${COMMENT}\\s*\\n\\s*include = \\[.*"${PATTERN.replace(/[*.]/g, '\\$&')}"\\]`), text);

    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+S');
    await wb.waitFor('the config to be saved', async () => readFileSync(file, 'utf8').includes(COMMENT), 15_000);
    const saved = readFileSync(file, 'utf8');
    assert.ok(saved.includes(PATTERN), saved);
    assert.ok(!codes(headlessCheck(dirs.workspace)).includes('include-matches-nothing'), 'headless check still reports it');
  });
});
