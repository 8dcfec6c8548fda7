// What the job panel shows, decided in one place: header, the actions enabled by the job's state, the failure
// first, details, progress, stats, the task graph and the logs of the chosen task. Pure: renderPanel.ts turns it
// into HTML, tests read it directly.
import type { Job, LogLine } from '../../cliAdapter/types';
import { age } from '../../views/model/format';
import { jobStateIcon, STATE_LABEL } from '../../views/model/jobItems';
import { ACTIVE_STATES, isTerminal, RETRYABLE_STATES } from '../jobStates';
import { failureTitle, findFailure, mentionsTask, type Failure } from './failure';
import { layoutTasks, taskLabel, type TaskGraph } from './taskGraph';

/** What the session knows about the job (JobSession.view()), plus what the panel adds. */
export interface PanelState {
  jobId: string;
  job?: Job;
  logs: readonly LogLine[];
  /** The first log page was read; before that the failure's error may simply not be read yet. */
  logsRead?: boolean;
  following: boolean;
  moreLogs: boolean;
  problem?: string;
  waitingReasons: readonly string[];
  /** The input sent, when the job was submitted from this editor (`job get` does not report it). */
  input?: string;
  /** Show only the log lines of this task. */
  taskFilter?: string;
  /** A runner for the job's cluster was started from this editor. */
  localRunner: boolean;
}

export type PanelAction = 'retry' | 'cancel' | 'followLogs' | 'startRunner';
export interface ActionModel {
  action: PanelAction;
  label: string;
  icon: string;
  enabled: boolean;
  why: string;
}
export interface TimeModel {
  label: string;
  relative: string;
  absolute: string;
}

export interface PanelModel {
  title: string;
  id: string;
  state?: { word: string; icon: string };
  actions: ActionModel[];
  failure?: Failure & { title: string; logsRead: boolean };
  waitingReasons: readonly string[];
  times: TimeModel[];
  cluster?: string;
  input: string;
  progress: { label: string; done: number; total: number; percent: number }[];
  stats: [string, string][];
  graph?: TaskGraph;
  taskOptions: { id: string; label: string; selected: boolean }[];
  logs: LogLine[];
  logsNote: string;
  following: boolean;
  moreLogs: boolean;
  problem?: string;
}

/** "2026-12-07 02:31:05 UTC": the hover text next to a relative time. */
export const absoluteTime = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
};

function time(label: string, iso: string | undefined, now: number): TimeModel | undefined {
  if (!iso) return undefined;
  return { label, relative: age(iso, now) ?? iso, absolute: absoluteTime(iso) };
}

/** A button: enabled unless one of `blockers` holds; its tooltip says what it does, or the first reason it cannot. */
function button(
  action: PanelAction,
  label: string,
  icon: string,
  does: string,
  blockers: readonly (readonly [boolean, string])[],
): ActionModel {
  const blocked = blockers.find(([holds]) => holds);
  return { action, label, icon, enabled: !blocked, why: blocked ? blocked[1] : does };
}

function actions(s: PanelState): ActionModel[] {
  const state = s.job?.state;
  const loading: [boolean, string] = [state === undefined, 'The job has not been read yet'];
  const ended = state !== undefined && isTerminal(state);
  return [
    button('retry', 'Retry', 'debug-restart', 'Run the failed or canceled tasks again', [
      loading,
      [state !== undefined && !RETRYABLE_STATES.includes(state), 'Only a failed or canceled job can be retried'],
    ]),
    button('cancel', 'Cancel Job', 'circle-slash', 'Cancel the job: its queued tasks will not run', [
      loading,
      [state !== undefined && !ACTIVE_STATES.includes(state), 'Only a queued or running job can be canceled'],
    ]),
    button('followLogs', s.following ? 'Following Logs' : 'Follow Logs', 'debug-continue', 'Follow the log while the job runs', [
      [s.following, 'New log lines appear as the job writes them'],
      loading,
      [ended, 'The job has ended; its logs are all below'],
    ]),
    button('startRunner', 'Start Runner', 'server-process', "Start a runner for the job's cluster in a terminal", [
      [s.localRunner, 'A runner for this cluster was started from this editor'],
      loading,
      [ended, 'The job has ended'],
    ]),
  ];
}

function stats(job: Job): [string, string][] {
  const s = job.executionStats;
  if (!s) return [];
  const rows: [string, string | undefined][] = [
    ['Elapsed', s.elapsedTime],
    ['Compute time', s.computeTime],
    ['Parallelism', s.parallelism?.toString()],
    ['Tasks', s.totalTasks?.toString()],
    [
      'By state',
      Object.entries(s.tasksByState)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k.replace('_', ' ')}`)
        .join(', ') || undefined,
    ],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined);
}

export function panelModel(s: PanelState, now: number): PanelModel {
  const job = s.job;
  const tasks = job?.taskSummaries ?? [];
  const filterTask = tasks.find((t) => t.id === s.taskFilter);
  const failure = job ? findFailure(job, s.logs) : undefined;
  return {
    title: job?.name || `Job ${s.jobId}`,
    id: s.jobId,
    state: job ? { word: STATE_LABEL[job.state], icon: jobStateIcon(job.state).id.replace('~spin', ' codicon-modifier-spin') } : undefined,
    actions: actions(s),
    failure: failure && { ...failure, title: failureTitle(failure), logsRead: s.logsRead !== false },
    waitingReasons: job?.state === 'submitted' ? s.waitingReasons : [],
    times: job
      ? [
          time('Submitted', job.submittedAt, now),
          time('First task started', job.executionStats?.firstTaskStartedAt, now),
          time('Last task stopped', job.executionStats?.lastTaskStoppedAt, now),
        ].filter((t): t is TimeModel => !!t)
      : [],
    cluster: job?.clusterSlug,
    input: s.input ?? "Not in the CLI's job output; shown for jobs submitted from this editor.",
    progress: (job?.progress ?? []).map((p) => ({
      label: p.label || 'Progress',
      done: p.done,
      total: p.total,
      percent: p.total > 0 ? Math.round(Math.min(1, Math.max(0, p.done / p.total)) * 100) : 0,
    })),
    stats: job ? stats(job) : [],
    graph: tasks.length ? layoutTasks(tasks, now) : undefined,
    taskOptions: tasks.map((t) => ({ id: t.id, label: taskLabel(t), selected: t.id === filterTask?.id })),
    logs: filterTask ? s.logs.filter((l) => mentionsTask(l, filterTask)) : [...s.logs],
    logsNote: filterTask ? `Lines that name ${taskLabel(filterTask)} (the CLI's log lines carry no task field).` : '',
    following: s.following,
    moreLogs: s.moreLogs,
    problem: s.problem,
  };
}
