// The status bar (active project's slug and target, click → actions; the last job from the editor and its
// state) and the project registry behind it (palette commands ask which project, remembering the choice).
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import type { Project } from '../../../client/src/services';
import type { Job } from '../../../client/src/cliAdapter/types';
import { statusActions } from '../../../client/src/status/statusActions';
import { projectStatus } from '../../../client/src/status/projectStatus';
import { lastJobStatus } from '../../../client/src/status/statusModel';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { TileboxStatusBar } = await import('../../../client/src/status/TileboxStatusBar');
const { WorkspaceProjects } = await import('../../../client/src/projects/WorkspaceProjects');

const qa: Project = {
  configPath: '/ws/qa/tilebox.workflow.toml',
  dir: '/ws/qa',
  label: 'qa',
  slug: 'scene-qa',
  targets: [
    { name: 'dev', clusters: ['dev-1'] },
    { name: 'prod', clusters: ['p-1', 'p-2'] },
  ],
};
const ingest: Project = { configPath: '/ws/ingest/tilebox.workflow.toml', dir: '/ws/ingest', label: 'ingest', slug: 'ingest', targets: [] };
const job = (state: Job['state'], progress: Job['progress'] = []): Job => ({
  id: '019ef7a2-0000-7000-8000-000000000001',
  name: 'nightly scenes',
  state,
  taskSummaries: [],
  progress,
});
const IDS = { publish: 'p', deploy: 'd', submit: 's', runner: 'r', output: 'o' };

test('the project item: workflow slug and first target; a warning colour without a slug; hidden without projects', () => {
  const s = projectStatus(qa, 1)!;
  assert.equal(s.text, '$(rocket) scene-qa · dev');
  assert.match(s.tooltip, /Target `dev`: `dev-1` \(and `prod`\)/);
  assert.equal(s.background, undefined);
  assert.equal(
    projectStatus({ ...ingest, slug: undefined, error: 'No [workflow].slug' }, 1)!.background,
    'statusBarItem.warningBackground',
  );
  assert.equal(projectStatus(ingest, 1)!.text, '$(rocket) ingest · default cluster');
  assert.equal(projectStatus(undefined, 0), undefined);
  assert.equal(projectStatus(undefined, 2)!.text, '$(rocket) Tilebox: pick a project');
});

test('the last job item: state icon, progress while running, red when failed', () => {
  assert.equal(lastJobStatus(job('running', [{ label: 'scenes', total: 10, done: 4 }])).text, '$(sync~spin) nightly scenes: running 4/10');
  assert.equal(lastJobStatus(job('submitted')).text, '$(clock) nightly scenes: queued');
  const failed = lastJobStatus(job('failed'));
  assert.equal(failed.text, '$(error) nightly scenes: failed');
  assert.equal(failed.background, 'statusBarItem.errorBackground');
  assert.equal(lastJobStatus(job('completed', [{ label: 'scenes', total: 10, done: 10 }])).text, '$(pass) nightly scenes: completed');
});

test('actions: "Switch Project…" only when there is a choice', () => {
  assert.deepEqual(
    statusActions(IDS, qa, 1).map((a) => a.command),
    ['p', 'd', 's', 'r', 'o'],
  );
  const many = statusActions(IDS, qa, 2);
  assert.equal(many[0].label, '$(folder-library) Switch Project…');
  assert.equal(many[0].command, undefined);
  assert.equal(many[2].description, 'target dev');
});

function registry(projects: Project[]) {
  let active = projects[0];
  const changed = new fake.EventEmitter<void>();
  return {
    all: () => projects,
    active: () => active,
    pick: async () => active,
    onDidChange: changed.event,
    setActive(p: Project | undefined) {
      active = p as Project;
      changed.fire();
    },
  };
}

test('status bar: shows the active project, follows it, and a click runs the picked action for that project', async () => {
  fake.views.statusItems.length = 0;
  fake.state.executed.length = 0;
  const projects = registry([qa, ingest]);
  const bar = new TileboxStatusBar(projects);
  const [item, jobItem] = fake.views.statusItems;
  assert.equal(item.text, '$(rocket) scene-qa · dev');
  assert.equal(item.visible, true);
  assert.equal(item.command, 'tilebox.status.showActions');
  assert.equal(jobItem.visible, false, 'no job submitted from the editor yet');
  projects.setActive(ingest);
  assert.equal(item.text, '$(rocket) ingest · default cluster');
  fake.state.answers.push((items: { label: string }[]) => items.find((i) => /Publish/.test(i.label)));
  await fake.state.commands.get('tilebox.status.showActions')!();
  assert.deepEqual(fake.state.executed.at(-1), { id: 'tilebox.release.publish', args: [{ projectDir: '/ws/ingest' }] });
  projects.setActive(undefined);
  assert.equal(item.text, '$(rocket) Tilebox: pick a project');
  bar.dispose();
});

test('status bar: the last job submitted or retried shows its state and opens on click', () => {
  fake.views.statusItems.length = 0;
  const bar = new TileboxStatusBar(registry([qa]));
  const jobItem = fake.views.statusItems[1];
  bar.setLastJob(job('running', [{ label: 'scenes', total: 10, done: 4 }]));
  assert.equal(jobItem.visible, true);
  assert.equal(jobItem.text, '$(sync~spin) nightly scenes: running 4/10');
  assert.deepEqual(jobItem.command, { command: 'tilebox.job.show', title: 'Show Job', arguments: [job('running').id] });
  bar.setLastJob(job('failed'));
  assert.equal(jobItem.text, '$(error) nightly scenes: failed');
  assert.equal(jobItem.backgroundColor.id, 'statusBarItem.errorBackground');
  bar.dispose();
});

test('project registry: the palette asks which project, offers the last choice first, and the choice becomes active', async () => {
  fake.views.files.clear();
  fake.views.files.set(qa.configPath, '[workflow]\nslug = "scene-qa"\n[targets.dev]\nclusters = ["dev-1"]\n');
  fake.views.files.set(ingest.configPath, '[workflow]\nslug = "ingest"\n');
  fake.views.quickPicks.length = 0;
  const memento = fake.extensionContext().workspaceState;
  const reg = new WorkspaceProjects(memento);
  await reg.ready();
  assert.deepEqual(
    reg.all().map((p) => [p.label, p.slug]),
    [
      ['ingest', 'ingest'],
      ['qa', 'scene-qa'],
    ],
  );
  assert.equal(reg.active(), undefined, 'two projects, no editor, no choice yet: commands must ask');
  let changes = 0;
  reg.onDidChange(() => changes++);

  fake.state.answers.push((items: { label: string }[]) => items.find((i) => i.label === 'qa'));
  assert.equal((await reg.pick('Publish which project?'))?.dir, '/ws/qa');
  assert.deepEqual(
    fake.views.quickPicks[0].items.map((i: { label: string }) => i.label),
    ['ingest', 'qa'],
  );
  assert.equal(fake.views.quickPicks[0].options.placeHolder, 'Publish which project?');
  assert.equal(reg.active()?.dir, '/ws/qa', 'the choice is the active project');
  assert.equal(changes, 1, 'listeners (status bar, jobs view) hear about it');

  fake.state.answers.push(undefined);
  assert.equal(await reg.pick('Deploy which project?'), undefined, 'Escape: nothing');
  assert.deepEqual(
    fake.views.quickPicks[1].items.map((i: { label: string }) => i.label),
    ['qa', 'ingest'],
    'the last choice first',
  );
  const again = new WorkspaceProjects(memento);
  await again.ready();
  assert.equal(again.active()?.dir, '/ws/qa', 'the choice is remembered for the workspace');
  again.dispose();

  fake.window.activeTextEditor = { document: { uri: fake.Uri.file('/ws/ingest/runner.py') } };
  fake.views.activeEditorChanged.fire();
  assert.equal(reg.active()?.dir, '/ws/ingest', 'an editor of another project makes that one active');
  const seen = changes;
  fake.window.activeTextEditor = { document: { uri: fake.Uri.file('/ws/ingest/tasks.py') } };
  fake.views.activeEditorChanged.fire();
  assert.equal(changes, seen, 'another file of the same project: no change event (views do not re-render)');
  fake.state.answers.push((items: { label: string }[]) => items.find((i) => i.label === 'qa'));
  await reg.pick('Switch to which Tilebox project?');
  assert.equal(reg.active()?.dir, '/ws/qa', "a project just picked wins over the editor's…");
  fake.views.activeEditorChanged.fire();
  assert.equal(reg.active()?.dir, '/ws/ingest', '…until the editor changes');
  fake.window.activeTextEditor = undefined;
  fake.views.activeEditorChanged.fire();
  assert.equal(reg.active()?.dir, '/ws/qa', 'no editor: the remembered choice');
  reg.dispose();
});

test("project registry: until the first scan is done, the last session's projects stand in; a broken record is ignored", async () => {
  fake.views.files.clear();
  fake.views.files.set(qa.configPath, '[workflow]\nslug = "scene-qa"\n[targets.dev]\nclusters = ["dev-1"]\n');
  const memento = fake.extensionContext().workspaceState;
  const first = new WorkspaceProjects(memento);
  assert.deepEqual(first.all(), [], 'nothing remembered yet: empty until the scan');
  await first.ready();
  first.dispose();

  fake.views.files.delete(qa.configPath);
  fake.views.files.set(ingest.configPath, '[workflow]\nslug = "ingest"\n');
  const next = new WorkspaceProjects(memento);
  assert.deepEqual(
    next.all().map((p) => [p.label, p.slug, p.targets]),
    [['qa', 'scene-qa', [{ name: 'dev', clusters: ['dev-1'] }]]],
    'the next session starts with what the last scan found',
  );
  let changes = 0;
  next.onDidChange(() => changes++);
  await next.ready();
  assert.deepEqual(
    next.all().map((p) => p.label),
    ['ingest'],
    'the scan replaces it',
  );
  assert.equal(changes, 1);
  next.dispose();

  for (const broken of ['not a list', [{ dir: '/ws/qa' }], [{ ...qa, targets: [{ name: 'dev', clusters: [1] }] }]]) {
    await memento.update('tilebox.projects.lastScan', broken);
    const reg = new WorkspaceProjects(memento);
    assert.deepEqual(reg.all(), [], `ignored: ${JSON.stringify(broken)}`);
    reg.dispose();
  }
});

test('project registry: with no project, picking says so once and offers to create one', async () => {
  fake.views.files.clear();
  fake.state.messages.length = 0;
  fake.state.executed.length = 0;
  const reg = new WorkspaceProjects(fake.extensionContext().workspaceState);
  fake.state.answers.push('Create Workflow Project…');
  assert.equal(await reg.pick('Publish which project?'), undefined);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(
    fake.state.messages.map((m: { text: string; items: string[] }) => [m.text, m.items]),
    [['No tilebox.workflow.toml in this workspace.', ['Create Workflow Project…']]],
  );
  assert.deepEqual(
    fake.state.executed.map((e: { id: string }) => e.id),
    ['tilebox.project.create'],
  );
  fake.views.files.set(ingest.configPath, '[workflow]\nslug = "ingest"\n');
  await reg.reload();
  fake.views.quickPicks.length = 0;
  assert.equal((await reg.pick('Publish which project?'))?.dir, '/ws/ingest', 'one project: no question');
  assert.equal(fake.views.quickPicks.length, 0);
  reg.dispose();
});
