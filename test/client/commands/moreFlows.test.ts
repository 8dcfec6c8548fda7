// The command flows the loop tests do not cover, each with the scripted Ui against the stand-in: build,
// undeploy, copy release id, cancel, copy job id, set CLI path, and retry warnings in one dialog.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setCliPathFlow } from '../../../client/src/commands/account';
import { undeployFlow } from '../../../client/src/commands/deploy';
import { Dismissed, Problem } from '../../../client/src/commands/flow';
import { cancelFlow, copyJobIdFlow, retryFlow } from '../../../client/src/commands/jobActions';
import { buildFlow, publishFlow } from '../../../client/src/commands/publish';
import { copyReleaseIdFlow } from '../../../client/src/commands/releaseId';
import { deployRelease, jobCancel, jobGet, jobSubmit } from '../../../client/src/cliAdapter/calls';
import { harness, ok, STANDIN_BIN } from '../cliAdapter/helpers';
import { DEV, world } from './support';
import { shortId } from '../../../client/src/cliAdapter/validate';

const PROD = 'prod-eu-CvufcSxcC9SKfe';

test('build runs build-release in the project and offers Publish…', async () => {
  const w = world();
  const built = await buildFlow(w.deps(w.ui()), w.project);
  assert.match(built.message, /^Built scene-qa-F8yVcPRfw2AkoZ: \d+ files, tasks: tilebox\.com\/example\/FetchScene@v1\.0/);
  assert.deepEqual(
    built.next.map((s) => [s.title, s.command]),
    [['Publish…', 'tilebox.release.publish']],
  );
  assert.ok(w.commandsRun().some((c) => c.startsWith('workflow build-release')));
  assert.ok(!w.commandsRun().some((c) => c.startsWith('workflow publish-release')), 'building publishes nothing');
});

test('undeploy asks once (production named first), refusing changes nothing, accepting undeploys that release', async () => {
  const w = world();
  const published = await publishFlow(w.deps(w.ui()), w.project);
  const id = published.next[1].args![0] as string;
  ok(await w.h.cli.run(deployRelease({ workflow: w.project.slug, release: id, clusters: [DEV, PROD] })));
  const node = { release: { id, tasks: [], clusters: [DEV, PROD] }, releaseId: id, workflowSlug: w.project.slug };

  const refused = w.ui({ pickMany: [DEV, PROD] }, { confirm: false });
  await assert.rejects(undeployFlow(w.deps(refused), node), Dismissed);
  const [dialog] = refused.asked.filter((a) => a.kind === 'confirm');
  assert.equal(dialog.confirm!.action, 'Undeploy');
  const [picker] = refused.asked.filter((a) => a.kind === 'pickMany');
  assert.deepEqual(picker.picked, ['dev-cluster'], "only the project's target (dev) comes ticked, never every cluster");
  assert.equal(dialog.confirm!.message, `Undeploy scene-qa-F8yVcPRfw2AkoZ from ${DEV}, ${PROD}?`);
  assert.deepEqual(dialog.confirm!.detail!.split('\n'), [
    `Production: ${PROD} looks like a production environment.`,
    `• dev-cluster (${DEV}): release ${shortId(id)}`,
    `• prod-eu (${PROD}): release ${shortId(id)}`,
    `Runners there stop taking scene-qa-F8yVcPRfw2AkoZ's tasks; queued jobs wait until a release is deployed again.`,
  ]);
  assert.ok(!w.commandsRun().some((c) => c.includes('undeploy-release')));

  const accepted = w.ui({ confirm: true });
  const done = await undeployFlow(w.deps(accepted), { ...node, clusterSlug: DEV });
  assert.equal(done.message, `Undeployed scene-qa-F8yVcPRfw2AkoZ from ${DEV}.`);
  assert.ok(
    w.commandsRun().includes(`workflow undeploy-release --workflow scene-qa-F8yVcPRfw2AkoZ --release ${id} --cluster ${DEV} --json`),
  );
});

test('copy release id: from a node directly, from the palette by picking a release', async () => {
  const w = world();
  const published = await publishFlow(w.deps(w.ui()), w.project);
  const id = published.next[1].args![0] as string;
  const fromNode = w.ui();
  await copyReleaseIdFlow({ ...w.deps(fromNode) }, { release: { id, tasks: [], clusters: [] } });
  assert.deepEqual(fromNode.copied, [id]);
  const fromPalette = w.ui({ pick: shortId(id) });
  const done = await copyReleaseIdFlow({ ...w.deps(fromPalette) });
  assert.deepEqual(fromPalette.copied, [id]);
  assert.equal(done.message, `Copied release ID ${id}.`);
});

test('cancel asks once; refusing keeps the job queued; accepting cancels it and offers Retry', async () => {
  const w = world();
  const { jobId } = ok(
    await w.h.cli.run(jobSubmit({ name: 'to-cancel', task: 'tilebox.com/example/FetchScene', version: 'v1.0', cluster: DEV })),
  );
  await assert.rejects(cancelFlow(w.deps(w.ui({ confirm: false })), { job: { id: jobId } }), Dismissed);
  assert.equal(ok(await w.h.cli.run(jobGet(jobId))).state, 'submitted');
  const ui = w.ui({ pick: 'to-cancel' }, { confirm: true });
  const done = await cancelFlow(w.deps(ui));
  assert.equal(ui.asked[1].confirm!.action, 'Cancel Job');
  assert.equal(ui.asked[1].confirm!.dismiss, 'Keep Job', 'its own "do nothing" button, so no "Cancel" next to "Cancel Job"');
  assert.equal(ok(await w.h.cli.run(jobGet(jobId))).state, 'canceled');
  assert.deepEqual(
    done.next.map((s) => [s.title, s.command, s.args]),
    [['Retry', 'tilebox.job.retry', [jobId]]],
  );
});

test('copy job id from a job node or a pick', async () => {
  const w = world();
  const { jobId } = ok(await w.h.cli.run(jobSubmit({ name: 'copy-me', task: 'X', cluster: DEV })));
  const a = w.ui();
  await copyJobIdFlow(w.deps(a), { job: { id: jobId } });
  const b = w.ui({ pick: 'copy-me' });
  await copyJobIdFlow(w.deps(b));
  assert.deepEqual([...a.copied, ...b.copied], [jobId, jobId]);
});

test('retry of a job whose task no deployed release can run: every reason in one "Retry Anyway" dialog', async () => {
  const w = world();
  await publishFlow(w.deps(w.ui()), w.project);
  ok(await w.h.cli.run(deployRelease({ target: 'dev' }), { cwd: w.project.dir }));
  // v2.0 of FetchScene: the deployed release registers v1.0 (same name, other major), so it cannot run.
  const { jobId } = ok(
    await w.h.cli.run(jobSubmit({ name: 'too-new', task: 'tilebox.com/example/FetchScene', version: 'v2.0', cluster: DEV })),
  );
  ok(await w.h.cli.run(jobCancel(jobId)));
  const refused = w.ui({ confirm: false });
  await assert.rejects(retryFlow(w.deps(refused), jobId), Dismissed);
  const dialogs = refused.asked.filter((a) => a.kind === 'confirm');
  assert.equal(dialogs.length, 1);
  assert.equal(dialogs[0].confirm!.action, 'Retry Anyway');
  assert.match(dialogs[0].confirm!.detail!, /FetchScene@v2\.0/);
  assert.match(dialogs[0].confirm!.detail!, /v1\.0/);
  assert.ok(!w.commandsRun().some((c) => c.startsWith('job retry')), 'a refused retry never reaches the CLI');
  assert.deepEqual(w.watched, []);

  const accepted = await retryFlow(w.deps(w.ui({ confirm: true })), jobId);
  assert.deepEqual(
    accepted.next.map((s) => s.title),
    ['Show Job', 'Show Logs'],
  );
  assert.deepEqual(w.watched, [jobId], 'a retried job is watched for the end notification');
  assert.deepEqual(w.revealed, [jobId], 'and selected in the jobs view');
});

test('set CLI path: the picked binary is saved, then checked with --version; another program is refused and the old path kept', async () => {
  // The CLI runner follows the setting, as the extension's locate() does.
  const settings: string[] = ['/opt/old/tilebox'];
  const h = harness({ locate: async () => ({ path: settings.at(-1) === '/opt/old/tilebox' ? STANDIN_BIN : settings.at(-1)! }) });
  const deps = (ui: ReturnType<ReturnType<typeof world>['ui']>) => ({
    ...world().deps(ui),
    cli: h.cli,
    setCliPath: async (p: string) => void settings.push(p),
    cliPath: () => settings.at(-1),
  });
  const w = world();
  const done = await setCliPathFlow(deps(w.ui({ file: STANDIN_BIN })));
  assert.equal(settings.at(-1), STANDIN_BIN);
  assert.match(done.message, /version 0\.5\.0-standin/);

  await assert.rejects(setCliPathFlow(deps(w.ui({ file: process.execPath }))), (e: Error) => {
    assert.ok(e instanceof Problem);
    assert.match(
      e.message,
      new RegExp(`^${process.execPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not the tilebox CLI: its --version printed "v\\d+`),
    );
    return true;
  });
  assert.equal(settings.at(-1), STANDIN_BIN, 'node printed a version, but the previous path is back');

  await assert.rejects(setCliPathFlow(deps(w.ui({ escape: true }))), Dismissed);
  assert.equal(settings.at(-1), STANDIN_BIN);
});

test('retry and cancel from the palette ask the CLI for their states, so newer jobs in other states do not hide the one to pick', async () => {
  const w = world();
  const { jobId } = ok(await w.h.cli.run(jobSubmit({ name: 'old-canceled', task: 'X', cluster: DEV })));
  ok(await w.h.cli.run(jobCancel(jobId)));
  // 60 newer queued jobs, more than the picker's page of 50, written straight into the stand-in's state.
  const file = join(w.h.state, 'jobs.json');
  const [old] = JSON.parse(readFileSync(file, 'utf8')) as { id: string; submitted_at: string }[];
  const newer = Array.from({ length: 60 }, (_, i) => ({
    ...old,
    id: old.id.replace(/.{4}$/, i.toString(16).padStart(4, '0')),
    name: `newer-${i}`,
    state: 'submitted',
    submitted_at: new Date(Date.parse(old.submitted_at) + 1000 * (i + 1)).toISOString(),
  }));
  writeFileSync(file, JSON.stringify([old, ...newer]));

  const retry = w.ui({ pick: 'old-canceled' }, { confirm: true });
  await retryFlow(w.deps(retry), undefined).catch((e) => assert.fail(`retry from the palette: ${e.message}`));
  assert.deepEqual(retry.asked[0].items, ['old-canceled']);
  assert.ok(w.commandsRun().includes('job list --state failed,canceled --last 7d --limit 50 --json'), w.commandsRun().join('\n'));
  const cancel = w.ui({ escape: true });
  await assert.rejects(cancelFlow(w.deps(cancel)), Dismissed);
  assert.equal(cancel.asked[0].items!.length, 50, 'cancel offers the not-yet-ended jobs');
});
