// Creates the three CLI-backed tree views, ties their visibility to polling, and registers the view commands
// (refresh, filter, clear filter, load more).
import * as vscode from 'vscode';
import { Commands, ContextKeys, Settings, Views } from '../contributes';
import type { ViewName, ViewsApi } from '../services';
import type { ViewRefresher } from '../refresh/ViewRefresher';
import { clusterList } from '../cliAdapter/calls';
import type { CliResult } from '../cliAdapter/types';
import type { CliViewProvider, ViewEnv } from './CliViewProvider';
import { ClustersProvider } from './ClustersProvider';
import { JobsProvider } from './JobsProvider';
import { promptJobFilter } from './jobFilterPrompt';
import { describeJobsView, isFiltered } from './model/jobFilter';
import type { TreeNode } from './nodes/TreeNode';
import { WorkflowsProvider } from './WorkflowsProvider';
import { sharedClusterData } from '../lenses/clusterData';
import { taskJobFilter } from '../lenses/taskJobs';

/** How long revealing a job waits for VS Code to render the reloaded jobs view. */
const REVEAL_WAIT_MS = 3_000;

export interface RegisteredViews extends ViewsApi {
  rerenderAll(): void;
}

export function registerViews(
  context: vscode.ExtensionContext,
  env: ViewEnv,
  refresher: ViewRefresher,
  showFailure: (result: CliResult<unknown>, what: string, retry?: () => void) => void,
): RegisteredViews {
  const config = () => vscode.workspace.getConfiguration('tilebox');
  const onlyCurrentProject = () => config().get<boolean>('jobs.onlyCurrentProject', false);
  const workflows = new WorkflowsProvider(env);
  const clusters = new ClustersProvider(env);
  const jobs = new JobsProvider(env, {
    memento: context.workspaceState,
    onlyCurrentProject,
    loadMoreCommand: Commands.loadMoreJobs,
  });
  const providers: [ViewName, string, CliViewProvider<unknown>][] = [
    ['workflows', Views.workflows, workflows as CliViewProvider<unknown>],
    ['clusters', Views.clusters, clusters as CliViewProvider<unknown>],
    ['jobs', Views.jobs, jobs as CliViewProvider<unknown>],
  ];
  const trees = new Map<ViewName, vscode.TreeView<TreeNode>>();
  for (const [name, id, provider] of providers) {
    // The Python lenses read the deployed state from the clusters this view loads (never a CLI call of their own).
    refresher.register(
      name,
      name === 'clusters' ? () => provider.load().finally(() => sharedClusterData.set(clusters.clusters)) : () => provider.load(),
    );
    const tree = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: name !== 'jobs' });
    trees.set(name, tree);
    context.subscriptions.push(
      provider,
      tree,
      tree.onDidChangeVisibility((e) => {
        if (e.visible) void env.recheck();
        refresher.setVisible(name, e.visible);
      }),
    );
    refresher.setVisible(name, tree.visible);
  }

  const showFilter = () => {
    const filter = jobs.filter;
    trees.get('jobs')!.description = describeJobsView(filter, onlyCurrentProject() ? (env.projects.active() ?? 'none') : undefined);
    void vscode.commands.executeCommand('setContext', ContextKeys.jobsFiltered, isFiltered(filter));
  };
  showFilter();
  sharedClusterData.attach(() => refresher.refresh('clusters'));
  // Only the current project's jobs: the project follows the active editor.
  const setOnlyCurrent = (only: boolean) => config().update('jobs.onlyCurrentProject', only, vscode.ConfigurationTarget.Workspace);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refreshViews, async (view?: unknown) => {
      await env.recheck();
      refresher.refresh(viewName(view));
    }),
    vscode.commands.registerCommand(Commands.filterJobs, async () => {
      const next = await promptJobFilter(jobs.filter, async () => {
        const known = clusters.clusters;
        if (known) return known.map((c) => c.slug);
        const r = await env.cli.run(clusterList());
        return r.kind === 'ok' ? r.value.map((c) => c.slug) : [];
      });
      if (!next) return;
      await jobs.setFilter(next);
      showFilter();
      refresher.refresh('jobs');
    }),
    vscode.commands.registerCommand(Commands.clearJobFilter, async () => {
      await jobs.setFilter({});
      showFilter();
      refresher.refresh('jobs');
    }),
    vscode.commands.registerCommand(Commands.showTaskJobs, async (arg?: unknown) => {
      const filter = taskJobFilter(arg);
      if (!filter) return;
      await jobs.setFilter(filter);
      showFilter();
      await vscode.commands.executeCommand(`${Views.jobs}.focus`);
      refresher.refresh('jobs');
    }),
    vscode.commands.registerCommand(Commands.loadMoreJobs, async () => {
      const r = await jobs.loadMore();
      if (r.kind !== 'ok') showFailure(r, 'Loading more jobs', () => void vscode.commands.executeCommand(Commands.loadMoreJobs));
    }),
    vscode.commands.registerCommand(Commands.showCurrentProjectJobs, () => setOnlyCurrent(true)),
    vscode.commands.registerCommand(Commands.showAllProjectJobs, () => setOnlyCurrent(false)),
    env.projects.onDidChange(() => {
      if (onlyCurrentProject()) showFilter();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(Settings.onlyCurrentProject)) return;
      showFilter();
      refresher.refresh('jobs');
    }),
  );

  return {
    rerenderAll: () => {
      for (const [, , p] of providers) p.rerender();
    },
    async revealJob(jobId: string) {
      const tree = trees.get('jobs')!;
      try {
        if (!tree.visible) await vscode.commands.executeCommand(`${Views.jobs}.focus`);
        await refresher.pollAfterAction('jobs');
        await jobs.waitForRender(REVEAL_WAIT_MS);
        const node = await jobs.findJob(jobId);
        // Revealing opens the view: after the wait, only if the user has not moved on (to the debugger, say).
        if (node && tree.visible) await tree.reveal(node, { select: true, focus: false });
      } catch (e) {
        // Only a convenience: the job may be on a later page or the view was closed meanwhile.
        env.log.debug(`Could not reveal job ${jobId}: ${(e as Error).message}`);
      }
    },
  };
}

/** `tilebox.views.refresh` gets the view id from a view/title button, nothing from the palette. */
function viewName(arg: unknown): ViewName | undefined {
  const id = typeof arg === 'string' ? arg : undefined;
  return id === Views.workflows ? 'workflows' : id === Views.clusters ? 'clusters' : id === Views.jobs ? 'jobs' : undefined;
}
