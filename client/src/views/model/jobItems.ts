// Jobs view: job → task summaries, with state icons/colours, capability tokens and Markdown tooltips.
import { Commands } from '../../contributes';
import { ACTIVE_STATES, RETRYABLE_STATES } from '../../jobs/jobStates';
import type { Diagnosis } from '../../cliAdapter/jobDiagnosis';
import type { Job, JobState, TaskState, TaskSummary } from '../../cliAdapter/types';
import { age, between, md, progressBar, shortId } from './format';
import type { IconModel, ItemModel } from './item';

const JOB_ICONS: Record<JobState, IconModel> = {
  submitted: { id: 'clock', color: 'charts.blue' },
  running: { id: 'sync~spin', color: 'charts.yellow' },
  started: { id: 'debug-pause', color: 'charts.yellow' },
  completed: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  canceled: { id: 'circle-slash', color: 'disabledForeground' },
  unknown: { id: 'question' },
};

const TASK_ICONS: Record<TaskState, IconModel> = {
  queued: { id: 'clock', color: 'charts.blue' },
  running: { id: 'sync~spin', color: 'charts.yellow' },
  computed: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  skipped: { id: 'debug-step-over', color: 'disabledForeground' },
  failed_optional: { id: 'warning', color: 'charts.orange' },
  unknown: { id: 'question' },
};

export const STATE_LABEL: Record<JobState, string> = {
  submitted: 'queued',
  running: 'running',
  started: 'waiting for tasks',
  completed: 'completed',
  failed: 'failed',
  canceled: 'canceled',
  unknown: 'state unknown',
};

/** Jobs whose state still changes by itself: the view polls faster while one is shown. */
export function isActive(state: JobState): boolean {
  return ACTIVE_STATES.includes(state);
}

export const jobStateIcon = (s: JobState): IconModel => JOB_ICONS[s];
export const taskStateIcon = (s: TaskState): IconModel => TASK_ICONS[s];

/** Newest first: by submission time, then by id (job ids are time-ordered UUIDv7). */
export function sortJobs(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || b.id.localeCompare(a.id));
}

function overallProgress(job: Job): { done: number; total: number } | undefined {
  if (job.progress.length) {
    return job.progress.reduce((acc, p) => ({ done: acc.done + p.done, total: acc.total + p.total }), { done: 0, total: 0 });
  }
  const n = job.taskSummaries.length;
  if (!n) return undefined;
  return { done: job.taskSummaries.filter((t) => t.state === 'computed' || t.state === 'skipped').length, total: n };
}

/** A missing local runner is only a hint (a runner elsewhere may pick the job up): tooltip, no warning mark. */
const isBlocking = (d: Diagnosis) => d.code !== 'no-local-runner';

export function jobItem(job: Job, now: number, diagnosis: Diagnosis[] = [], parentId = ''): ItemModel {
  const progress = overallProgress(job);
  const blocked = job.state === 'submitted' && diagnosis.some(isBlocking);
  const when = age(job.submittedAt, now);
  const capabilities = [RETRYABLE_STATES.includes(job.state) ? 'retryable' : undefined, isActive(job.state) ? 'cancelable' : undefined];
  const description = [
    STATE_LABEL[job.state],
    isActive(job.state) && progress && progress.total ? `${progress.done}/${progress.total}` : undefined,
    when,
    job.clusterSlug,
    blocked ? '⚠' : undefined,
  ];
  return {
    id: `${parentId}job:${job.id}`,
    label: job.name || shortId(job.id),
    description: description.filter(Boolean).join(' · '),
    tooltip: jobTooltip(job, now, diagnosis),
    icon: blocked ? { id: 'warning', color: 'charts.orange' } : JOB_ICONS[job.state],
    contextValue: ['job', job.state, ...capabilities].filter(Boolean).join(' '),
    collapsible: job.taskSummaries.length ? 'collapsed' : 'none',
    command: { command: Commands.showJob, title: 'Show Job', arguments: [job.id] },
  };
}

export function jobTooltip(job: Job, now: number, diagnosis: Diagnosis[] = []): string {
  const s = job.executionStats;
  const when = age(job.submittedAt, now);
  const lines: (string | undefined)[] = [
    `**${md(job.name || 'Job')}**: ${STATE_LABEL[job.state]}`,
    `Id: \`${job.id}\``,
    job.submittedAt ? `Submitted ${job.submittedAt}${when ? ` (${when})` : ''}` : undefined,
    job.clusterSlug ? `Cluster: \`${job.clusterSlug}\`` : undefined,
  ];
  if (s) {
    lines.push(
      [
        s.elapsedTime
          ? `Elapsed ${s.elapsedTime}`
          : between(s.firstTaskStartedAt, s.lastTaskStoppedAt) && `Elapsed ${between(s.firstTaskStartedAt, s.lastTaskStoppedAt)}`,
        s.computeTime ? `compute ${s.computeTime}` : undefined,
        s.parallelism !== undefined ? `parallelism ${s.parallelism}` : undefined,
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    );
    const byState = Object.entries(s.tasksByState)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    if (byState.length) lines.push(`Tasks: ${byState.join(', ')}${s.totalTasks !== undefined ? ` (${s.totalTasks} total)` : ''}`);
  }
  for (const p of job.progress) lines.push(`${md(p.label || 'Progress')}: \`${progressBar(p.done, p.total)}\``);
  if (!job.progress.length) {
    const p = overallProgress(job);
    if (p && p.total) lines.push(`Tasks done: \`${progressBar(p.done, p.total)}\``);
  }
  if (diagnosis.length) lines.push(`**Why it may not run**\n\n${diagnosis.map((d) => `- ${md(d.message)}`).join('\n')}`);
  return lines.filter(Boolean).join('\n\n');
}

/** The job's tasks as a tree: roots are tasks without a parent in the list. */
export function childTasks(job: Job, parentTaskId: string | undefined): TaskSummary[] {
  const ids = new Set(job.taskSummaries.map((t) => t.id));
  return job.taskSummaries.filter((t) => (parentTaskId === undefined ? !t.parentId || !ids.has(t.parentId) : t.parentId === parentTaskId));
}

export function taskItem(t: TaskSummary, job: Job, parentId: string, now: number): ItemModel {
  const took = between(t.startedAt, t.stoppedAt ?? (t.state === 'running' ? new Date(now).toISOString() : undefined));
  const name = t.display || t.identifier?.name || shortId(t.id);
  const hasChildren = job.taskSummaries.some((c) => c.parentId === t.id);
  return {
    id: `${parentId}/task:${t.id}`,
    label: name,
    description: [t.state.replace('_', ' '), took].filter(Boolean).join(' · '),
    tooltip: [
      `**${md(name)}**: ${t.state.replace('_', ' ')}`,
      `Task \`${t.id}\``,
      t.identifier ? `Identifier \`${t.identifier.name} ${t.identifier.version}\`` : undefined,
      t.startedAt ? `Started ${t.startedAt}` : undefined,
      t.stoppedAt ? `Stopped ${t.stoppedAt}` : undefined,
      took ? `Took ${took}` : undefined,
    ]
      .filter(Boolean)
      .join('\n\n'),
    icon: TASK_ICONS[t.state],
    contextValue: ['task', t.state, t.state === 'failed' && job.state !== 'running' ? 'retryable' : undefined].filter(Boolean).join(' '),
    collapsible: hasChildren ? 'collapsed' : 'none',
    // The job's panel with the logs of this task.
    command: { command: Commands.showJob, title: 'Show Job', arguments: [{ jobId: job.id, taskId: t.id }] },
  };
}
