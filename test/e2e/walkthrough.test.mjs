// The getting-started walkthrough (issue 7.6): steps already done by the state the editor starts with are ticked
// (an API key in the environment, a project with a slug on disk), and a step ticks once its command has succeeded
// (Publish Release), not before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession } from './harness.mjs';

const TITLE = 'Get started with Tilebox Workflows';

/** {stepId: done} for every step of the open walkthrough (VS Code keeps both on the step's button). */
async function steps(page) {
  return page
    .locator('button.getting-started-step[data-step-id]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [(e.getAttribute('data-step-id') ?? '').split('#').pop(), e.getAttribute('aria-checked') === 'true']),
      ),
    );
}

test('walkthrough: steps done by the starting state are ticked; Publish ticks its step once it has published', {
  timeout: 180_000,
}, async () => {
  // VS Code's default start: the Welcome page, so the walkthrough service exists before the extension activates.
  // (VS Code never ticks an onContext step whose key was already set when that service started, so a session
  // without it would show nothing done.)
  const settings = { 'workbench.startupEditor': 'welcomePage' };
  await withSession('walkthrough', { trust: 'yes', settings }, async ({ wb, page }) => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pick(TITLE);
    let shown = {};
    const waitSteps = (what, check) =>
      wb
        .waitFor(what, async () => check((shown = await steps(page))), 30_000)
        .catch((e) => {
          throw new Error(`${e.message}; steps: ${JSON.stringify(shown)}`);
        });
    await waitSteps('the walkthrough steps', (s) => Object.keys(s).length === 6);
    await waitSteps('API key and project steps ticked', (s) => s.apiKey && s.createProject);
    assert.equal(shown.publish, false, 'publish is not done before publishing');

    await wb.runCommand('Tilebox: Publish Release');
    await wb.notification(/Published release/i, 90_000);
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pick(TITLE);
    await waitSteps('the publish step ticked', (s) => s.publish);
    assert.equal(shown.deploy, false, 'deploy is not done by publishing');
  });
});
