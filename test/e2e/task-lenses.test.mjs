// Task code is first-class (issue 17): above a Task class of the example project the lens shows its identifier, the
// Runner that registers it and what is deployed; Submit Job… from the lens asks for the task's fields (none, one,
// several) and the stand-in CLI receives `--input` encoded as the SDK reads it: none, the bare value, an object.
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
`;
const RUNNER_SOURCE = `from tilebox.workflows import Client, Runner

from scene_qa.export import ExportScene
from scene_qa.tasks import CheckClouds, FetchScene, Summarize

client = Client()
runner = Runner(tasks=[FetchScene, CheckClouds, Summarize, ExportScene])
`;

function prepare(ws, env) {
  writeFileSync(join(ws, 'scene_qa/export.py'), EXPORT_SOURCE);
  writeFileSync(join(ws, 'scene_qa/runner.py'), RUNNER_SOURCE);
  runStandin(env, ws, ['workflow', 'publish-release', '--json']);
  runStandin(env, ws, ['workflow', 'deploy-release', '--latest', '--target', 'dev', '--json']);
}

const submits = (s) => standinCalls(s).split('\n').filter(Boolean).map((l) => JSON.parse(l).argv).filter((a) => a[0] === 'job' && a[1] === 'submit');

test('task lenses: identifier and deployed state; Submit Job… asks for the fields and sends --input for 0, 1 and 3 fields', { timeout: 240_000 }, async () => {
  await withSession('task-lenses', { trust: 'yes', prepare }, async (s) => {
    const { wb, page } = s;
    const lensOf = (cls) => page.locator('.part.editor .codelens-decoration').filter({ hasText: cls }).first();
    /** Clicks the lens's action and answers: the target cluster, the job name as offered, the fields, the retries as offered. */
    const submitFrom = async (cls, job, fields) => {
      await lensOf(cls).locator('a').filter({ hasText: 'Submit Job…' }).click();
      await wb.pick(/dev-cluster/);
      await wb.answerInput(await page.locator('.quick-input-widget input').inputValue()); // job name as offered
      for (const value of fields) {
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await wb.answerInput(value ?? (await input.inputValue()));
      }
      await wb.answerInput('0');
      await wb.notification(`Submitted job "${job}"`, 30_000);
    };

    await wb.openFile('scene_qa/tasks.py');
    await wb.waitFor('the FetchScene lens to show its identifier, Runner and deployed state', async () =>
      /tilebox\.com\/example\/FetchScene v1\.0 · in scene_qa\.runner:runner · deployed on dev/.test(await lensOf('FetchScene').innerText({ timeout: 1_000 })), 60_000);
    assert.match(await lensOf('FetchScene').innerText(), /Submit Job….*Show Jobs/s);

    await submitFrom('Summarize v0.0', 'Summarize', []);
    await submitFrom('FetchScene v1.0', 'FetchScene', ['S2A_MSIL2A_42']);
    await wb.openFile('scene_qa/export.py');
    await wb.waitFor('the ExportScene lens', async () => /ExportScene v1\.0 · in scene_qa\.runner:runner/.test(await lensOf('ExportScene').innerText({ timeout: 1_000 })), 30_000);
    await submitFrom('ExportScene v1.0', 'ExportScene', ['S2B_7', undefined, '0.5']);

    const sent = submits(s).map((argv) => {
      const at = argv.indexOf('--input');
      return [argv[argv.indexOf('--task') + 1], at < 0 ? null : argv[at + 1], argv[argv.indexOf('--cluster') + 1]];
    });
    assert.deepEqual(sent, [
      ['Summarize', null, DEV_CLUSTER],
      ['tilebox.com/example/FetchScene', '"S2A_MSIL2A_42"', DEV_CLUSTER],
      ['tilebox.com/example/ExportScene', '{"scene_id":"S2B_7","bands":["B04","B08"],"max_cloud":0.5}', DEV_CLUSTER],
    ]);
  });
});
