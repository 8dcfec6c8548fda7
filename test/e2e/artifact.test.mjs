// The artifact, in one VS Code session (each start costs ~15 s of the suite).
// The artifact view lists exactly the files that go into the release: what include selects, minus exclude and
// .gitignore. The workspace gets one new included file, one git-ignored and one excluded file that the include
// pattern would otherwise select, so the view must be computed, not remembered.
// The preview follows the files on disk (issue 4.4): the code lens above `[build]` counts what ships ("N files · size ·
// Preview", N as the headless `preview` counts it), clicking it shows the Artifact view, and a new .py file created on
// disk under an included folder (by another program, not the editor) appears in the lens, the view's files and, since
// it declares a task, the view's tasks, without any refresh by the user.
// Browsing a built release archive (issue 4.5): the headless CLI builds the project's `.tar.zst`, the explorer's
// "Open Release Archive" shows its entries in the "Release Archive" view (the same list GNU tar reads from it), and an
// entry opens read-only from memory: its text is the project file's, and typing changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root, withSessionSteps } from './harness.mjs';
import { leafPathsBelow } from './workbench.mjs';

const EXPECTED = ['pyproject.toml', 'scene_qa/__init__.py', 'scene_qa/extra.py', 'scene_qa/runner.py', 'scene_qa/tasks.py', 'uv.lock'];
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

function prepare(ws) {
  writeFileSync(join(ws, 'scene_qa/extra.py'), 'VALUE = 1\n');
  mkdirSync(join(ws, 'scene_qa/output'), { recursive: true });
  writeFileSync(join(ws, 'scene_qa/output/cache.py'), '# generated; .gitignore has output/\n');
  mkdirSync(join(ws, 'scene_qa/__pycache__'), { recursive: true });
  writeFileSync(join(ws, 'scene_qa/__pycache__/stale.py'), '# excluded by **/__pycache__/**\n');
}

test('artifact: the Artifact view, the [build] lens following the disk, a built release archive', { timeout: 300_000 }, async (t) => {
  await withSessionSteps(t, 'artifact', { trust: 'yes', prepare }, [
    [
      'artifact view: exactly the selected files; ignored and excluded files are not in it',
      async ({ wb }) => {
        await wb.openFile('tilebox.workflow.toml');
        await wb.openTilebox();
        await wb.soloView('Artifact');
        await wb.treeItem('Files', { view: 'Artifact', timeout: 45_000 });
        await wb.expandAll('Artifact');
        const rows = await wb.treeRows('Artifact');
        assert.deepEqual(
          leafPathsBelow(rows, 'Files', (r) => !/excluded/i.test(r.description)),
          EXPECTED,
          JSON.stringify(rows),
        );
        await wb.widenSidebar();
        await wb.screenshot(join(root, 'docs/images/artifact-view.png'));
        await wb.page.keyboard.press('Control+Shift+E'); // back to the Explorer, where the next step starts
      },
    ],
    [
      'artifact preview: the [build] lens and the Artifact view follow a file created on disk',
      async ({ wb, page, dirs }) => {
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
      },
    ],
    [
      'release archive: a built .tar.zst shows its entries; an entry opens read-only',
      async ({ wb, page, dirs }) => {
        const built = JSON.parse(
          execFileSync('node', [join(root, 'dist/cli.js'), 'build', dirs.workspace, '--json'], { encoding: 'utf8' }),
        );
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
      },
    ],
  ]);
});
