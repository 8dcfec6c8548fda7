// A misspelled key reaches the Problems panel on the line where it is, and the quick fix repairs it; a runner
// string typed wrong gets the Runner the project has as its quick fix (issue 15.3: quick fixes that fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, root } from './harness.mjs';

const misspell = (ws) => {
  const file = join(ws, 'tilebox.workflow.toml');
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^exclude = /m, 'fixture changed: expected an `exclude =` line');
  writeFileSync(file, text.replace(/^exclude = /m, 'exlude = '));
  return text.split('\n').findIndex((l) => l.startsWith('exclude = ')) + 1;
};

test('misspelled key: Problems shows it on its line; the quick fix removes it', { timeout: 180_000 }, async () => {
  let line = 0;
  await withSession(
    'diagnostics-misspelled-key',
    {
      trust: 'yes',
      prepare: (ws) => {
        line = misspell(ws);
      },
    },
    async ({ wb }) => {
      await wb.openFile('tilebox.workflow.toml');
      const isOurs = (r) => /exlude/.test(r) && /tilebox/i.test(r);
      const rows = await wb.problems({ until: (rs) => rs.some(isOurs), timeout: 45_000 });
      const row = rows.find(isOurs);
      assert.match(row, new RegExp(`Ln ${line}\\b|line ${line}\\b`), `expected line ${line}: ${row}`);
      assert.match(row, /unknown-key/);
      await wb.screenshot(join(root, 'docs/images/problems.png'));

      await wb.goToLine(line, 2);
      await wb.applyQuickFix(/exclude/);
      await wb.problems({ until: (rs) => !rs.some(isOurs), timeout: 30_000 });
      assert.match(await wb.editorText(), /exclude = \[/);

      const runnerLine = (await wb.editorText()).split('\n').findIndex((l) => l.startsWith('runner = "scene_qa.runner:runner"')) + 1;
      assert.ok(runnerLine > 0, 'fixture changed: expected runner = "scene_qa.runner:runner"');
      await wb.goToLine(runnerLine, 'runner = "scene_qa'.length + 1);
      await wb.page.keyboard.insertText('/tasks');
      const isRunner = (r) => /runner-(invalid|module-not-found)/.test(r);
      await wb.problems({ until: (rs) => rs.some(isRunner), timeout: 30_000 });
      await wb.goToLine(runnerLine, 'runner = "scene_qa'.length + 1); // the Problems panel took the focus
      await wb.applyQuickFix('Change runner to "scene_qa.runner:runner"');
      await wb.problems({ until: (rs) => !rs.some(isRunner), timeout: 30_000 });
      assert.match(await wb.editorText(), /^runner = "scene_qa\.runner:runner"$/m);
    },
  );
});
