// A monorepo with two workflow projects (issue 7.5): the Workflows view groups workflows under the project whose
// toml names them, and Publish from the palette asks which project, offering the last choice first next time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession } from './harness.mjs';
import { runStandin } from './seed.mjs';

/** A second project in ingest/: a copy of the example with the slug of a workflow created in the stand-in account. */
function prepare(ws, env) {
  const slug = JSON.parse(runStandin(env, ws, ['workflow', 'create', 'Ingest', '--json'])).slug;
  const dir = join(ws, 'ingest');
  cpSync(join(ws, 'scene_qa'), join(dir, 'scene_qa'), { recursive: true });
  for (const f of ['pyproject.toml', 'uv.lock']) cpSync(join(ws, f), join(dir, f));
  const toml = readFileSync(join(ws, 'tilebox.workflow.toml'), 'utf8');
  writeFileSync(join(dir, 'tilebox.workflow.toml'), toml.replace(/^slug = ".*"$/m, `slug = "${slug}"`));
  return slug;
}

const groupRows = async (wb) => (await wb.treeRows('Workflows')).filter((r) => r.level === 1).map((r) => r.label);

test('two projects: views group by project; palette commands ask which one and remember it', { timeout: 180_000 }, async () => {
  await withSession('multi-project', { trust: 'yes', prepare }, async ({ wb, page }) => {
    await wb.openTilebox();
    await wb.expandView('Workflows');
    await wb
      .waitFor(
        'the Workflows view to group by project',
        async () => {
          const groups = await groupRows(wb);
          return groups.includes('example-project') && groups.includes('ingest');
        },
        45_000,
      )
      .catch(async (e) => {
        throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.treeRows('Workflows'))}`);
      });
    await wb.expandTreeItem(/^ingest/, { view: 'Workflows' });
    await wb.treeItem('Ingest', { view: 'Workflows' });

    await wb.runCommand('Tilebox: Publish Release');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const offered = await rows.allInnerTexts();
    assert.ok(offered.some((t) => /example-project/.test(t)) && offered.some((t) => /ingest/.test(t)), `projects offered: ${offered}`);
    await wb.pick(/ingest/);
    assert.match(await wb.notification(/Published release/i, 90_000), /\bingest-/i, 'published the picked project');

    await wb.runCommand('Tilebox: Publish Release');
    await rows.first().waitFor({ timeout: 15_000 });
    assert.match(await rows.first().innerText(), /ingest/, 'the last picked project comes first');
    await page.keyboard.press('Escape');
  });
});
