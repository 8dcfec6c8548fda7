// The preview follows the files on disk (issue 4.4): the code lens above `[build]` counts what ships ("N files · size ·
// Preview", N as the headless `preview` counts it), clicking it shows the Artifact view, and a new .py file created on
// disk under an included folder (by another program, not the editor) appears in the lens, the view's files and, since
// it declares a task, the view's tasks, without any refresh by the user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, root } from './harness.mjs';

const NEW_FILE = 'scene_qa/ingest.py';
const NEW_TASK = 'tilebox.com/example/IngestScene';
const TASK_SOURCE = `from tilebox.workflows import ExecutionContext, Task


class IngestScene(Task):
    @staticmethod
    def identifier() -> tuple[str, str]:
        return "${NEW_TASK}", "v2.1"

    def execute(self, context: ExecutionContext) -> None:
        print("ingesting")
`;

const headlessPreview = (ws) =>
  JSON.parse(execFileSync('node', [join(root, 'dist/cli.js'), 'preview', ws, '--json'], { encoding: 'utf8' }));

test('artifact preview: the [build] lens and the Artifact view follow a file created on disk', { timeout: 180_000 }, async () => {
  await withSession('artifact-live', { trust: 'yes' }, async ({ wb, page, dirs }) => {
    const ws = dirs.workspace;
    const before = headlessPreview(ws);
    await wb.openFile('tilebox.workflow.toml');

    const lens = page
      .locator('.part.editor .codelens-decoration')
      .filter({ hasText: /· Preview/ })
      .first();
    const lensCount = async () => Number(/^(\d+) files? · .+ · Preview$/.exec((await lens.innerText({ timeout: 1_000 })).trim())?.[1]);
    await wb.waitFor(
      `the [build] lens to count ${before.files.length} files`,
      async () => (await lensCount()) === before.files.length,
      45_000,
    );

    // The Explorer is the open sidebar: clicking the lens is what brings up the Tilebox container's Artifact view.
    assert.equal(await wb.view('Artifact').isVisible(), false, 'the Artifact view was visible before the lens was clicked');
    await lens.locator('a').first().click();
    await wb.view('Artifact').locator('.pane-header').waitFor({ state: 'visible', timeout: 15_000 });
    await wb.soloView('Artifact');
    const filesRow = () => wb.treeItem(/^Files/, { view: 'Artifact', timeout: 2_000 });
    await wb.waitFor(
      'the Artifact view to list the files',
      async () => (await (await filesRow()).innerText()).includes(`${before.files.length} files`),
      30_000,
    );

    writeFileSync(join(ws, NEW_FILE), TASK_SOURCE);
    const after = headlessPreview(ws);
    assert.equal(
      after.files.length,
      before.files.length + 1,
      `headless preview after creating ${NEW_FILE}: ${JSON.stringify(after.files)}`,
    );
    assert.ok(
      after.tasks.some((t) => t.name === NEW_TASK),
      JSON.stringify(after.tasks),
    );

    await wb.waitFor(`the lens to count ${after.files.length} files`, async () => (await lensCount()) === after.files.length, 30_000);
    await wb.waitFor(
      'the Artifact view to show the new file and its task',
      async () => {
        await wb.expandAll('Artifact');
        const rows = await wb.treeRows('Artifact');
        const files = rows.find((r) => r.label === 'Files');
        return (
          files?.description.includes(`${after.files.length} files`) &&
          rows.some((r) => r.label === 'ingest.py') &&
          rows.some((r) => r.label.includes(NEW_TASK))
        );
      },
      30_000,
    );
  });
});
