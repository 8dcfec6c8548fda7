// Risky actions: one dialog with every warning; refusing it means the CLI is never asked to deploy.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deployFlow } from '../../../client/src/commands/deploy';
import { startDirectFlow } from '../../../client/src/runner/startRunner';
import { Dismissed } from '../../../client/src/commands/flow';
import { publishFlow } from '../../../client/src/commands/publish';
import { deployRelease } from '../../../client/src/cliAdapter/calls';
import { ok } from '../cliAdapter/helpers';
import { DEV, exampleProject, world } from './support';
import { shortId } from '../../../client/src/cliAdapter/validate';

test('deploying to the production target gathers production, latest and replaced-release warnings in one dialog', async () => {
  const w = world();
  const v1 = await publishFlow(w.deps(w.ui()), w.project);
  const v1Id = v1.next[1].args![0] as string;
  ok(await w.h.cli.run(deployRelease({ workflow: 'scene-qa-F8yVcPRfw2AkoZ', release: v1Id, clusters: ['prod-eu-CvufcSxcC9SKfe'] })));
  writeFileSync(join(w.project.dir, 'scene_qa', 'extra.py'), 'X = 1\n');
  await publishFlow(w.deps(w.ui()), w.project);

  const refused = w.ui({ pick: 'latest ·' }, { pick: 'Target production' }, { confirm: false });
  await assert.rejects(deployFlow(w.deps(refused), { projectDir: w.project.dir }), Dismissed);
  const dialogs = refused.asked.filter((a) => a.kind === 'confirm');
  assert.equal(dialogs.length, 1, 'one dialog, not a chain');
  const { message, detail, action } = dialogs[0].confirm!;
  assert.match(
    message,
    /^Deploy the latest release \([0-9a-f]{8}\) of scene-qa-F8yVcPRfw2AkoZ to target production \(prod-eu-CvufcSxcC9SKfe, prod-us-Drv6L7Li4t7Yvk\)\?$/,
  );
  assert.equal(action, 'Deploy');
  const lines = detail!.split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^Production: production, prod-eu-CvufcSxcC9SKfe, prod-us-Drv6L7Li4t7Yvk/);
  assert.match(lines[1], /latest published release/);
  assert.equal(lines[2], `Replaces: release ${shortId(v1Id)} on prod-eu-CvufcSxcC9SKfe; runners there switch to the new one.`);
  const deploysAfterRefusal = w.commandsRun().filter((c) => c.includes('--target production'));
  assert.deepEqual(deploysAfterRefusal, [], 'a refused dialog deploys nothing');

  const accepted = w.ui({ pick: 'latest ·' }, { pick: 'Target production' }, { confirm: true });
  const done = await deployFlow(w.deps(accepted), { projectDir: w.project.dir });
  assert.match(done.message, /to prod-eu-CvufcSxcC9SKfe, prod-us-Drv6L7Li4t7Yvk\.$/);
});

test('clusters picked by hand: a dev cluster deploys without a dialog, a prod one asks', async () => {
  const w = world({ ...exampleProject(), targets: [] });
  await publishFlow(w.deps(w.ui()), w.project);
  const dev = w.ui({ pickMany: ['dev-cluster-9xK2mQ4pL8nR7s'] });
  await deployFlow(w.deps(dev), { projectDir: w.project.dir });
  assert.ok(!dev.asked.some((a) => a.kind === 'confirm'));
  const prod = w.ui({ pickMany: ['prod-us-Drv6L7Li4t7Yvk'] }, { confirm: false });
  await assert.rejects(deployFlow(w.deps(prod), { projectDir: w.project.dir }), Dismissed);
  assert.match(prod.asked.find((a) => a.kind === 'confirm')!.confirm!.detail!, /^Production: prod-us-Drv6L7Li4t7Yvk/);
});

test('deploy from a cluster node goes to that cluster without asking where; a release node supplies the release', async () => {
  const w = world();
  const published = await publishFlow(w.deps(w.ui()), w.project);
  const releaseId = published.next[1].args![0] as string;
  // The shapes of the views' ClusterNode and ReleaseNode (fields the commands read).
  const ui = w.ui();
  await deployFlow(w.deps(ui), { clusterSlug: DEV, cluster: { slug: DEV }, workflowSlug: w.project.slug });
  assert.equal(ui.asked.length, 0);
  assert.ok(w.commandsRun().includes(`workflow deploy-release --workflow scene-qa-F8yVcPRfw2AkoZ --latest --cluster ${DEV} --json`));
  const fromRelease = w.ui({ pick: 'Target dev' });
  await deployFlow(w.deps(fromRelease), { release: { id: releaseId, tasks: [], clusters: [] }, releaseId, workflowSlug: w.project.slug });
  assert.ok(
    w.commandsRun().includes(`workflow deploy-release --workflow scene-qa-F8yVcPRfw2AkoZ --release ${releaseId} --target dev --json`),
  );
});

test('deploy from the palette asks which release when there are several, latest first; an older one rolls back', async () => {
  const w = world();
  const none = w.ui();
  await assert.rejects(
    deployFlow(w.deps(none), { projectDir: w.project.dir }),
    /has no published release yet: run "Tilebox: Publish Release" first/,
  );
  assert.equal(w.commandsRun().filter((c) => c.includes('deploy-release')).length, 0);

  const v1 = (await publishFlow(w.deps(w.ui()), w.project)).next[1].args![0] as string;
  writeFileSync(join(w.project.dir, 'scene_qa', 'extra.py'), 'X = 1\n');
  const v2 = (await publishFlow(w.deps(w.ui()), w.project)).next[1].args![0] as string;
  const ui = w.ui({ pick: shortId(v1) }, { pick: 'Target dev' });
  const done = await deployFlow(w.deps(ui), { projectDir: w.project.dir });
  const asked = ui.asked[0];
  assert.equal(asked.title, 'Deploy which release of scene-qa-F8yVcPRfw2AkoZ?');
  // Each release once, newest first and marked latest, with when it was published; the next step names the release.
  assert.deepEqual(asked.items, [`$(arrow-up) ${shortId(v2)}`, shortId(v1)]);
  assert.match(ui.asked.find((a) => a.kind === 'pick')!.descriptions![0] ?? '', /^latest · just now/);
  assert.equal(ui.asked[1].title, `Deploy release ${shortId(v1)} of scene-qa-F8yVcPRfw2AkoZ to`);
  assert.ok(w.commandsRun().includes(`workflow deploy-release --workflow scene-qa-F8yVcPRfw2AkoZ --release ${v1} --target dev --json`));
  assert.match(done.message, new RegExp(`^Deployed release ${shortId(v1)} of scene-qa-F8yVcPRfw2AkoZ to `));
  // A pick item's description is plain text: a code span would show its backticks.
  const descriptions = ui.asked.flatMap((a) => a.descriptions ?? []);
  assert.ok(descriptions.includes('from tilebox cluster list'), JSON.stringify(descriptions));
  assert.deepEqual(
    descriptions.filter((d) => d?.includes('`')),
    [],
  );
});

test('with no clusters, "Choose clusters…" says how to create one instead of an empty list', async () => {
  const w = world({ ...exampleProject(), targets: [] });
  await publishFlow(w.deps(w.ui()), w.project);
  writeFileSync(join(w.h.state, 'clusters.json'), '[]');
  const ui = w.ui();
  await assert.rejects(deployFlow(w.deps(ui), { projectDir: w.project.dir }), /^Problem: No clusters: create one in the Tilebox Console/);
  assert.deepEqual(ui.asked, []);
});

test('the editor-title buttons on a tilebox.workflow.toml outside the workspace projects say why instead of doing nothing', async () => {
  const w = world();
  const elsewhere = { projectDir: '/elsewhere/.venv/lib/pkg' };
  await assert.rejects(
    deployFlow(w.deps(w.ui()), elsewhere),
    /^Problem: \/elsewhere\/\.venv\/lib\/pkg\/tilebox\.workflow\.toml is not a project of this workspace/,
  );
  await assert.rejects(
    startDirectFlow(w.deps(w.ui()), elsewhere),
    /is not a project of this workspace: it is outside the workspace folders/,
  );
  assert.deepEqual(w.commandsRun(), [], 'nothing reached the CLI');
});
