// Jobs view: newest first, filtered (state, time range, cluster, name), paged with the CLI's cursor, grouped by
// project when the workspace holds several, optionally only the current project's jobs; queued jobs say why
// they may not run. Running jobs make the scheduler poll faster.
import type { Memento } from 'vscode';
import { Commands } from '../contributes';
import { explainQueuedJob } from '../cliAdapter/jobDiagnosis';
import { clusterList, jobList, workflowList } from '../cliAdapter/calls';
import type { CliResult, Cluster, Job, Workflow } from '../cliAdapter/types';
import { CliViewProvider, type ViewEnv } from './CliViewProvider';
import { groupJobs, onlyProjectJobs, projectTasks } from './model/jobGrouping';
import { sortJobs } from './model/jobItems';
import { isActive } from './model/stateIcons';
import { isFiltered, type JobFilter, PAGE_SIZE, toListOptions } from './model/jobFilter';
import { GroupNode } from './nodes/GroupNode';
import { JobNode, LoadMoreNode } from './nodes/JobNodes';
import { MessageNode } from './nodes/MessageNode';
import type { TreeNode } from './nodes/TreeNode';

export interface JobsData {
  jobs: Job[];
  nextCursor?: string;
  /** For the queued-job diagnosis; undefined when unknown. */
  clusters?: Cluster[];
  /** For grouping/filtering by project; undefined when not needed or unknown. */
  workflows?: Workflow[];
}

const FILTER_KEY = 'tilebox.jobs.filter';
const MAX_RELOAD = 200;

export interface JobsOptions {
  memento: Memento;
  onlyCurrentProject(): boolean;
  loadMoreCommand: string;
  /** Jobs per `job list` page (default PAGE_SIZE). */
  pageSize?: number;
}

export class JobsProvider extends CliViewProvider<JobsData> {
  private lastRoots: TreeNode[] = [];
  private renderWaiters: (() => void)[] = [];

  private readonly cacheSubscription?: { dispose(): void };

  constructor(
    env: ViewEnv,
    private readonly options: JobsOptions,
  ) {
    super(env, 'jobs', 'Listing jobs');
    this.cacheSubscription = env.jobs?.onDidChange((job) => this.updateJob(job));
  }

  /** A newer read of a job shown here (a retry, a cancel, a panel following it): its row changes now, not at the next poll. */
  updateJob(job: Job): void {
    if (this.state.kind !== 'loaded') return;
    const jobs = this.state.data.jobs;
    const i = jobs.findIndex((j) => j.id === job.id);
    if (i < 0 || jobs[i] === job) return;
    this.state = { ...this.state, data: { ...this.state.data, jobs: jobs.with(i, job) } };
    this.rerender();
  }

  override dispose(): void {
    this.cacheSubscription?.dispose();
    super.dispose();
  }

  private get pageSize(): number {
    return this.options.pageSize ?? PAGE_SIZE;
  }

  get filter(): JobFilter {
    return this.options.memento.get<JobFilter>(FILTER_KEY) ?? {};
  }

  async setFilter(filter: JobFilter): Promise<void> {
    await this.options.memento.update(FILTER_KEY, isFiltered(filter) ? filter : undefined);
    this.state = { kind: 'idle' };
    this.rerender();
  }

  protected async fetch(): Promise<CliResult<JobsData>> {
    const shown = this.state.kind === 'loaded' ? this.state.data.jobs.length : 0;
    // A reload keeps what "load more" already showed (up to a bound), so the list does not shrink under the user.
    const limit = Math.min(MAX_RELOAD, Math.max(this.pageSize, shown));
    // The workflows for grouping do not depend on the page: both calls start together.
    const workflows = this.needWorkflows() ? this.env.cli.run(workflowList()) : undefined;
    const page = await this.env.cli.run(jobList({ ...toListOptions(this.filter), limit }));
    if (page.kind !== 'ok') return page;
    const data: JobsData = { jobs: page.value.items, nextCursor: page.value.nextCursor };
    await this.addContext(data, workflows);
    return { ...page, value: data };
  }

  protected override recall(saved: unknown): JobsData | undefined {
    const data = saved as JobsData | undefined;
    return Array.isArray(data?.jobs) && data.jobs.every((j) => typeof j?.id === 'string' && typeof j?.state === 'string')
      ? data
      : undefined;
  }

  /** Appends the next page. Returns the failure for the command to report. */
  async loadMore(): Promise<CliResult<unknown>> {
    if (this.state.kind !== 'loaded' || !this.state.data.nextCursor) return { kind: 'ok', value: undefined, warnings: [] };
    const current = this.state.data;
    const page = await this.env.cli.run(jobList(toListOptions(this.filter, current.nextCursor, this.pageSize)));
    if (page.kind !== 'ok') return page;
    // A poll may have finished meanwhile: append to what is shown now, not to the list from before.
    const base = this.state.kind === 'loaded' ? this.state.data : current;
    const seen = new Set(base.jobs.map((j) => j.id));
    const data = { ...base, jobs: [...base.jobs, ...page.value.items.filter((j) => !seen.has(j.id))], nextCursor: page.value.nextCursor };
    await this.addContext(data);
    this.state = { kind: 'loaded', data, at: Date.now() };
    this.rerender();
    return page;
  }

  /** The node showing the job, if it is on screen (for reveal after submit/retry). */
  async findJob(jobId: string): Promise<TreeNode | undefined> {
    for (const node of this.lastRoots) {
      if (node instanceof JobNode && node.jobId === jobId) return node;
      if (node instanceof GroupNode) {
        const hit = (await node.children()).find((c) => c instanceof JobNode && c.jobId === jobId);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  protected override isRunning(data: JobsData): boolean {
    return data.jobs.some((j) => isActive(j.state));
  }

  protected roots(data: JobsData, now: number): TreeNode[] {
    this.lastRoots = this.buildRoots(data, now);
    for (const done of this.renderWaiters.splice(0)) done();
    return this.lastRoots;
  }

  /**
   * Resolves when VS Code next asks for the root items (it does after a reload of a visible view), or after
   * `ms`: reveal must use the node objects VS Code holds, not ones from before the reload.
   */
  waitForRender(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.renderWaiters.push(done);
    });
  }

  private buildRoots(data: JobsData, now: number): TreeNode[] {
    const projects = this.env.projects.all();
    const tasks = projectTasks(projects, data.workflows ?? []);
    let jobs = sortJobs(data.jobs);
    if (this.options.onlyCurrentProject()) jobs = onlyProjectJobs(this.env.projects.active(), projects, jobs, tasks);
    const runners = [...this.env.localRunners];
    const node = (j: Job, prefix = '') =>
      new JobNode(j, now, data.clusters && j.state === 'submitted' ? explainQueuedJob(j, data.clusters, runners) : [], prefix);
    const more = data.nextCursor ? [new LoadMoreNode(this.options.loadMoreCommand, 'jobs')] : [];
    if (!jobs.length) {
      // The empty row offers the way on: show all projects, clear the filter, or submit a first job.
      const [why, next] = this.options.onlyCurrentProject()
        ? [
            'No jobs of the current project (click to show all projects)',
            { command: Commands.showAllProjectJobs, title: 'Show Jobs of All Projects' },
          ]
        : isFiltered(this.filter)
          ? ['No jobs match the filter (click to clear it)', { command: Commands.clearJobFilter, title: 'Clear Job Filter' }]
          : ['No jobs yet (click to submit one)', { command: Commands.submitJob, title: 'Submit Job…' }];
      return [new MessageNode('empty', why, 'jobs', undefined, next), ...more];
    }
    if (projects.length > 1 && !this.options.onlyCurrentProject()) {
      const groups = groupJobs(projects, jobs, tasks).filter((g) => g.items.length > 0);
      return [
        ...groups.map((g) => new GroupNode(g, 'jobs', (items) => items.map((j) => node(j, `${g.project?.dir ?? 'other'}/`)))),
        ...more,
      ];
    }
    return [...jobs.map((j) => node(j)), ...more];
  }

  private needWorkflows(): boolean {
    return this.options.onlyCurrentProject() || this.env.projects.all().length > 1;
  }

  /** Clusters for queued jobs, workflows for project grouping: only fetched when needed; failures just skip. */
  private async addContext(data: JobsData, started?: Promise<CliResult<Workflow[]>>): Promise<void> {
    const needClusters = data.jobs.some((j) => j.state === 'submitted');
    const [clusters, workflows] = await Promise.all([
      // Fresh, not the clusters view's list: a deploy a minute ago changes the answer.
      needClusters ? this.env.cli.run(clusterList()) : undefined,
      started ?? (this.needWorkflows() ? this.env.cli.run(workflowList()) : undefined),
    ]);
    data.clusters = clusters?.kind === 'ok' ? clusters.value : undefined;
    data.workflows = workflows?.kind === 'ok' ? workflows.value : undefined;
  }
}
