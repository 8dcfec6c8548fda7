// The views as registered: visibility drives polling (running jobs back off, hidden views stay quiet), the view
// commands (refresh, filter, clear, only the current project, load more) and revealing a job after submit.
// A fake CliRunner answers with documented `--json` text through the adapter's real parsers; a fake clock.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import type { CliRunner, Project } from '../../../client/src/services';
import type { CliCall, CliResult } from '../../../client/src/cliAdapter/types';
import { FakeClock, settle } from '../refresh/fakeClock';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { registerViews } = await import('../../../client/src/views/registerViews');
const { ViewRefresher } = await import('../../../client/src/refresh/ViewRefresher');

const RUNNING = '019ef7a2-0000-7000-8000-000000000001';
const DONE = '019ef7a1-0000-7000-8000-000000000002';
const job = (id: string, name: string, state: string) => ({
  id,
  name,
  state,
  submitted_at: '2026-11-23T09:00:00Z',
  cluster_slug: 'dev',
  task_summaries: [],
  progress: [],
});

/** Answers `job list`, `cluster list`, `workflow list` with canned JSON; records every argv. */
class FakeCli implements CliRunner {
  calls: string[][] = [];
  jobs = [job(RUNNING, 'render', 'running'), job(DONE, 'old', 'completed')];
  cursor: string | null = null;
  failNext = false;
  async run<T>(call: CliCall<T>): Promise<CliResult<T>> {
    this.calls.push(call.args);
    if (this.failNext) {
      this.failNext = false;
      return { kind: 'exited', exitCode: 1, stderr: 'Error: boom' };
    }
    const what = call.args.slice(0, 2).join(' ');
    const out =
      what === 'job list'
        ? { jobs: this.jobs, next_cursor: this.cursor }
        : what === 'cluster list'
          ? { clusters: [{ slug: 'dev', display_name: 'dev', deletable: true }] }
          : { workflows: [] };
    const parsed = call.parse(JSON.stringify(out));
    return parsed.ok ? { kind: 'ok', value: parsed.value, warnings: [] } : { kind: 'unparsable', detail: parsed.detail, stdout: '' };
  }
  count(what: string): number {
    return this.calls.filter((a) => a.slice(0, 2).join(' ') === what).length;
  }
}

const project: Project = { configPath: '/p/tilebox.workflow.toml', dir: '/p', label: 'example-project', slug: 'wf', targets: [] };

let previous: { subscriptions: { dispose(): void }[] } | undefined;
function setup() {
  for (const d of previous?.subscriptions ?? []) d.dispose();
  fake.state.executed.length = 0;
  fake.state.config = {};
  const cli = new FakeCli();
  const clock = new FakeClock();
  const refresher = new ViewRefresher(() => 30_000, clock);
  const failures: string[] = [];
  const context = fake.extensionContext();
  previous = context;
  const projectsChanged = new fake.EventEmitter<void>();
  const views = registerViews(
    context,
    {
      cli,
      projects: { all: () => [project], active: () => project, pick: async () => project, onDidChange: projectsChanged.event },
      log: fake.window.createOutputChannel('Tilebox'),
      ready: () => true,
      reportFailure: () => {},
      localRunners: new Set(),
      requestLoad: (v) => refresher.refresh(v),
      recheck: async () => {},
    },
    refresher,
    (_r, what) => void failures.push(what),
  );
  const tree = (id: string) => fake.views.trees.get(`tilebox.views.${id}`)!;
  const run = async (id: string, ...args: unknown[]) => {
    await fake.state.commands.get(id)!(...args);
    await settle();
  };
  return { cli, clock, refresher, failures, context, views, tree, run, projectsChanged };
}

test('hidden views never call the CLI; a shown jobs view with a running job polls at 3 s, backing off, and stops when hidden', async () => {
  const w = setup();
  await w.clock.advance(120_000);
  assert.deepEqual(w.cli.calls, [], 'nothing is visible: no CLI call');
  w.tree('jobs').setVisible(true);
  await settle();
  assert.equal(w.cli.count('job list'), 1, 'shown: loads at once');
  await w.clock.advance(3_000);
  assert.equal(w.cli.count('job list'), 2, 'a running job: again after 3 s');
  await w.clock.advance(3_000);
  assert.equal(w.cli.count('job list'), 2, '…then backs off to 6 s');
  await w.clock.advance(3_000);
  assert.equal(w.cli.count('job list'), 3);
  w.tree('jobs').setVisible(false);
  await w.clock.advance(600_000);
  assert.equal(w.cli.count('job list'), 3, 'hidden: no more polling');
  assert.equal(w.cli.count('workflow list') + w.cli.count('cluster list'), 0, 'the other views stayed hidden');
  w.refresher.dispose();
});

test('Filter… changes one facet, shows it as the view description, sets the context key and reloads; Clear removes it', async () => {
  const w = setup();
  w.tree('jobs').setVisible(true);
  await settle();
  fake.state.answers.push({ key: 'state' }, 'failed');
  await w.run('tilebox.jobs.filter');
  assert.equal(w.tree('jobs').description, 'failed');
  assert.equal(fake.contextKeys()['tilebox.jobs.filtered'], true);
  assert.deepEqual(w.cli.calls.at(-1)!.slice(0, 4), ['job', 'list', '--state', 'failed']);
  await w.run('tilebox.jobs.clearFilter');
  assert.equal(w.tree('jobs').description, undefined);
  assert.equal(fake.contextKeys()['tilebox.jobs.filtered'], false);
  assert.ok(!w.cli.calls.at(-1)!.includes('--state'));
  fake.state.answers.push(undefined);
  const before = w.cli.calls.length;
  await w.run('tilebox.jobs.filter');
  assert.equal(w.cli.calls.length, before, 'Escape changes nothing and reloads nothing');
  w.refresher.dispose();
});

test('"Show Only the Current Project\'s Jobs" sets the workspace setting; the view then names the project and reloads', async () => {
  const w = setup();
  w.tree('jobs').setVisible(true);
  await settle();
  await w.run('tilebox.jobs.showCurrentProjectOnly');
  assert.equal(fake.state.config['jobs.onlyCurrentProject'], true);
  const before = w.cli.count('job list');
  fake.views.configChanged.fire({ affectsConfiguration: (k: string) => k === 'tilebox.jobs.onlyCurrentProject' });
  await settle();
  assert.equal(w.tree('jobs').description, 'example-project');
  assert.equal(w.cli.count('job list'), before + 1);
  assert.equal(w.cli.count('workflow list'), 1, "workflows are read to tell which jobs are the project's");
  await w.run('tilebox.jobs.showAllProjects');
  assert.equal(fake.state.config['jobs.onlyCurrentProject'], false);
  fake.views.configChanged.fire({ affectsConfiguration: (k: string) => k === 'tilebox.jobs.onlyCurrentProject' });
  assert.equal(w.tree('jobs').description, undefined);
  w.refresher.dispose();
});

test('Load more appends the next page; a failure there is reported once, the list stays', async () => {
  const w = setup();
  w.cli.cursor = DONE;
  w.tree('jobs').setVisible(true);
  await settle();
  const provider = w.tree('jobs').provider;
  assert.equal((await provider.getChildren()).at(-1).model.label, 'Load more…');
  w.cli.failNext = true;
  await w.run('tilebox.jobs.loadMore');
  assert.deepEqual(w.failures, ['Loading more jobs']);
  assert.equal((await provider.getChildren()).length, 3, 'two jobs and the load-more row are still there');
  w.cli.jobs = [job('019ef7a0-0000-7000-8000-000000000003', 'older', 'failed')];
  w.cli.cursor = null;
  await w.run('tilebox.jobs.loadMore');
  assert.ok(w.cli.calls.at(-1)!.includes('--cursor') && w.cli.calls.at(-1)!.includes(DONE));
  assert.deepEqual(
    (await provider.getChildren()).map((n: any) => n.model.label),
    ['render', 'old', 'older'],
  );
  w.refresher.dispose();
});

test('refresh reloads the named view only; revealJob shows the jobs view and selects the job', async () => {
  const w = setup();
  await w.run('tilebox.views.refresh', 'tilebox.views.clusters');
  assert.deepEqual([w.cli.count('cluster list'), w.cli.count('job list'), w.cli.count('workflow list')], [1, 0, 0]);
  const revealing = w.views.revealJob(RUNNING);
  for (let i = 0; i < 50 && w.cli.count('job list') === 0; i++) await settle();
  await settle();
  await w.tree('jobs').provider.getChildren(); // what VS Code does once the focused view shows the reloaded data
  await revealing;
  assert.ok(
    fake.state.executed.some((e: any) => e.id === 'tilebox.views.jobs.focus'),
    'the hidden jobs view is focused',
  );
  const revealed = w.tree('jobs').revealed.at(-1)!;
  assert.equal(revealed.node.jobId, RUNNING);
  assert.deepEqual(revealed.o, { select: true, focus: false });
  w.refresher.dispose();
});

test('revealJob leaves the sidebar alone when the user moved to another view while the job list reloaded', async () => {
  const w = setup();
  const revealing = w.views.revealJob(RUNNING);
  for (let i = 0; i < 50 && w.cli.count('job list') === 0; i++) await settle();
  w.tree('jobs').setVisible(false); // Run and Debug shown: the debugger stopped meanwhile
  await settle();
  await w.tree('jobs').provider.getChildren();
  await revealing;
  assert.deepEqual(w.tree('jobs').revealed, [], 'revealing would open the Jobs view over the debugger');
  w.refresher.dispose();
});
