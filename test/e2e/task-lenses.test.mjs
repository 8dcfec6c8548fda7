// Task code is first-class (issue 17): above a Task class of the example project the lens shows its identifier, the
// Runner that registers it and what is deployed; Submit Job… from the lens asks for the task's fields (none, one,
// several) and the stand-in CLI receives `--input` encoded as the SDK reads it: none, the bare value, an object.
// A task with five fields gets the JSON document instead, which marks a wrong value as it is typed.
// The several-field task is added to this session's copy of the project (a file of its own, registered in the
// Runner) and the project is published and deployed to dev before VS Code opens, as a user would have done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSession, standinCalls } from './harness.mjs';
import { DEV_CLUSTER, runStandin } from './seed.mjs';

const EXPORT_SOURCE = `from tilebox.workflows import ExecutionContext, Task


class ExportScene(Task):
    scene_id: str
    bands: list[str] = ["B04", "B08"]
    max_cloud: float = 0.2

    @staticmethod
    def identifier() -> tuple[str, str]:
        return "tilebox.com/example/ExportScene", "v1.0"

    def execute(self, context: ExecutionContext) -> None:
        print(f"exporting {self.scene_id}")


class ExportMosaic(Task):
    scenes: list[str]
    bands: list[str] = ["B04"]
    resolution: int = 10
    max_cloud: float = 0.2
    label: str = "mosaic"

    @staticmethod
    def identifier() -> tuple[str, str]:
        return "tilebox.com/example/ExportMosaic", "v1.0"

    def execute(self, context: ExecutionContext) -> None:
        print(f"mosaic of {len(self.scenes)} scenes")
`;
const RUNNER_SOURCE = `from tilebox.workflows import Client, Runner

from scene_qa.export import ExportMosaic, ExportScene
from scene_qa.tasks import CheckClouds, FetchScene, Summarize

client = Client()
runner = Runner(tasks=[FetchScene, CheckClouds, Summarize, ExportScene, ExportMosaic])
`;

function prepare(ws, env) {
  writeFileSync(join(ws, 'scene_qa/export.py'), EXPORT_SOURCE);
  writeFileSync(join(ws, 'scene_qa/runner.py'), RUNNER_SOURCE);
  runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
}

const submits = (s) =>
  standinCalls(s)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).argv)
    .filter((a) => a[0] === 'job' && a[1] === 'submit');

// Typing JSON into the editor: no auto-closed brackets or quotes in the way.
const settings = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
};

test('task lenses: identifier and deployed state; Submit Job… asks for the fields and sends --input for 0, 1, 3 and 5 fields', {
  timeout: 240_000,
}, async () => {
  await withSession('task-lenses', { trust: 'yes', prepare, settings }, async (s) => {
    const { wb, page } = s;
    const lensOf = (cls) => page.locator('.part.editor .codelens-decoration').filter({ hasText: cls }).first();
    /** Answers the input box titled `title` (the value offered when `value` is undefined), once that box is up. */
    const answer = async (title, value) => {
      await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ state: 'visible' });
      const input = page.locator('.quick-input-widget input');
      await wb.answerInput(value ?? (await input.inputValue()));
    };
    /** Clicks the lens's action and answers: the dev cluster, the job name as offered, each field, retries 0. */
    const submitFrom = async (cls, job, fields) => {
      await lensOf(cls).locator('a').filter({ hasText: 'Submit Job…' }).click();
      await wb.pick(/dev-cluster/);
      await answer('Job name', undefined);
      for (const [field, value] of fields) await answer(`${job}: ${field}`, value);
      await answer('Max retries', '0');
      await wb.notification(`Queued job "${job}"`, 30_000);
    };

    await wb.openFile('scene_qa/tasks.py');
    await wb.waitFor(
      'the FetchScene lens to show its identifier, Runner and deployed state',
      async () =>
        /tilebox\.com\/example\/FetchScene v1\.0 · in scene_qa\.runner:runner · deployed on dev/.test(
          await lensOf('FetchScene').innerText({ timeout: 1_000 }),
        ),
      60_000,
    );
    assert.match(await lensOf('FetchScene').innerText(), /Submit Job….*Show Jobs/s);

    await submitFrom('Summarize v0.0', 'Summarize', []);
    await submitFrom('FetchScene v1.0', 'FetchScene', [['scene_id', 'S2A_MSIL2A_42']]);
    await wb.openFile('scene_qa/export.py');
    await wb.waitFor(
      'the ExportScene lens',
      async () => /ExportScene v1\.0 · in scene_qa\.runner:runner/.test(await lensOf('ExportScene').innerText({ timeout: 1_000 })),
      30_000,
    );
    await submitFrom('ExportScene v1.0', 'ExportScene', [
      ['scene_id', 'S2B_7'],
      ['bands', undefined],
      ['max_cloud', '0.5'],
    ]);

    // Five fields: an untitled JSON document prefilled from the defaults, checked as it is typed.
    await lensOf('ExportMosaic v1.0').locator('a').filter({ hasText: 'Submit Job…' }).click();
    await wb.pick(/dev-cluster/);
    await answer('Job name', undefined);
    await wb.notification('Input of ExportMosaic', 30_000);
    await wb.problems({ until: (rows) => rows.some((r) => /scenes \(list\[str\]\) cannot be null/.test(r)) });
    await page.locator('.part.editor .monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{"scenes": ["S1", "S2"], "resolution": 20}');
    // Whatever the editor closed by itself (a bracket) is after the cursor: remove it.
    await page.keyboard.press('Shift+Control+End');
    await page.keyboard.press('Delete');
    await wb.problems({ until: (rows) => !rows.some((r) => /scenes \(list/.test(r)) });
    await wb.runCommand('Tilebox: Submit Job with This Input');
    await answer('Max retries', '0');
    await wb.notification('Queued job "ExportMosaic"', 30_000);

    const sent = submits(s).map((argv) => {
      const at = argv.indexOf('--input');
      return [argv[argv.indexOf('--task') + 1], at < 0 ? null : argv[at + 1], argv[argv.indexOf('--cluster') + 1]];
    });
    assert.deepEqual(sent, [
      ['Summarize', null, DEV_CLUSTER],
      ['tilebox.com/example/FetchScene', '"S2A_MSIL2A_42"', DEV_CLUSTER],
      ['tilebox.com/example/ExportScene', '{"scene_id":"S2B_7","bands":["B04","B08"],"max_cloud":0.5}', DEV_CLUSTER],
      ['tilebox.com/example/ExportMosaic', '{"scenes":["S1","S2"],"resolution":20}', DEV_CLUSTER],
    ]);
  });
});
