// Parsers for `job list`, `job get` and `job logs`: states lowercase (uppercase and `JOB_STATE_*` accepted,
// anything else → 'unknown'), timestamps as ISO strings, task identifiers only when the CLI reports them.
import { at, isObj, obj, optDuration, optList, optNum, optStr, optTime, pick, reqList, reqStr, type Obj } from './json';
import { parseWith, Reader } from './parseWith';
import type { ExecutionStats, Job, JobState, LogLine, Page, Parsed, ProgressIndicator, TaskState, TaskSummary } from './types';

const JOB_STATES: readonly JobState[] = ['submitted', 'running', 'started', 'completed', 'failed', 'canceled'];
const TASK_STATES: readonly TaskState[] = ['queued', 'running', 'computed', 'failed', 'skipped', 'failed_optional'];

function normalise(v: unknown, prefix: RegExp): string {
  return typeof v === 'string' ? v.trim().toLowerCase().replace(prefix, '') : '';
}

export function jobState(v: unknown): JobState {
  const s = normalise(v, /^job_state_/);
  const alias = s === 'queued' ? 'submitted' : s === 'cancelled' ? 'canceled' : s;
  return (JOB_STATES as readonly string[]).includes(alias) ? (alias as JobState) : 'unknown';
}

export function taskState(v: unknown): TaskState {
  const s = normalise(v, /^task_state_/);
  return (TASK_STATES as readonly string[]).includes(s) ? (s as TaskState) : 'unknown';
}

function readTask(v: unknown, path: string): TaskSummary {
  const o = obj(v, path);
  const ident = pick(o, 'identifier');
  return {
    id: reqStr(o, path, 'id'),
    display: optStr(o, 'display') ?? (isObj(ident) ? optStr(ident, 'name') : undefined) ?? '',
    state: taskState(o.state),
    parentId: optStr(o, 'parent_id', 'parentId'),
    startedAt: optTime(o, 'started_at', 'startedAt'),
    stoppedAt: optTime(o, 'stopped_at', 'stoppedAt'),
    identifier:
      isObj(ident) && typeof ident.name === 'string'
        ? { name: ident.name, version: typeof ident.version === 'string' ? ident.version : 'v0.0' }
        : undefined,
    ...dependsOn(pick(o, 'depends_on', 'dependsOn')),
  };
}

/** `depends_on`, read defensively: only an array (of strings) counts; absent stays absent. */
function dependsOn(v: unknown): { dependsOn?: string[] } {
  return Array.isArray(v) ? { dependsOn: v.filter((x): x is string => typeof x === 'string') } : {};
}

function readProgress(v: unknown, path: string): ProgressIndicator {
  const o = obj(v, path);
  return { label: optStr(o, 'label') ?? '', total: optNum(o, 'total') ?? 0, done: optNum(o, 'done') ?? 0 };
}

function readStats(o: Obj): ExecutionStats {
  const byState = pick(o, 'tasks_by_state', 'tasksByState');
  const tasksByState: Record<string, number> = {};
  if (isObj(byState))
    for (const [k, n] of Object.entries(byState))
      if (typeof n === 'number') tasksByState[taskState(k) === 'unknown' ? k.toLowerCase() : taskState(k)] = n;
  if (Array.isArray(byState))
    for (const e of byState) if (isObj(e) && typeof e.count === 'number') tasksByState[taskState(e.state)] = e.count;
  return {
    firstTaskStartedAt: optTime(o, 'first_task_started_at', 'firstTaskStartedAt'),
    lastTaskStoppedAt: optTime(o, 'last_task_stopped_at', 'lastTaskStoppedAt'),
    computeTime: optDuration(o, 'compute_time', 'computeTime'),
    elapsedTime: optDuration(o, 'elapsed_time', 'elapsedTime'),
    parallelism: optNum(o, 'parallelism'),
    totalTasks: optNum(o, 'total_tasks', 'totalTasks'),
    tasksByState,
  };
}

export function readJob(v: unknown, path: string, r: Reader): Job {
  const o = obj(v, path);
  const id = reqStr(o, path, 'id');
  if (o.state === undefined) r.warn(`${at(path, 'state')} missing`);
  const name = optStr(o, 'name');
  if (name === undefined) r.warn(`${at(path, 'name')} missing`);
  const tasks = optList(pick(o, 'task_summaries', 'taskSummaries'), at(path, 'task_summaries'));
  const progress = optList(o.progress, at(path, 'progress'));
  const stats = pick(o, 'execution_stats', 'executionStats');
  return {
    id,
    name: name ?? '',
    state: jobState(o.state),
    submittedAt: optTime(o, 'submitted_at', 'submittedAt'),
    clusterSlug: optStr(o, 'cluster_slug', 'clusterSlug', 'cluster'),
    taskSummaries: (tasks?.items ?? []).map((t, i) => readTask(t, at(tasks!.path, i))),
    progress: (progress?.items ?? []).map((p, i) => readProgress(p, at(progress!.path, i))),
    executionStats: isObj(stats) ? readStats(stats) : undefined,
  };
}

function cursor(j: unknown): string | undefined {
  if (!isObj(j)) return undefined;
  const c = optStr(j, 'next_cursor', 'nextCursor');
  return c ? c : undefined;
}

export const parseJob = (s: string): Parsed<Job> =>
  parseWith(s, (j, r) => (isObj(j) && isObj(j.job) ? readJob(j.job, 'job', r) : readJob(j, '', r)));

export const parseJobPage = (s: string): Parsed<Page<Job>> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'jobs');
    return { items: list.items.map((x, i) => readJob(x, at(list.path, i), r)), nextCursor: cursor(j) };
  });

function readLog(v: unknown, path: string): LogLine {
  if (typeof v === 'string') return { body: v };
  const o = obj(v, path);
  const body = pick(o, 'body', 'message');
  return {
    time: optTime(o, 'time', 'timestamp'),
    severity: optStr(o, 'severity_text', 'severityText', 'severity', 'level'),
    body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
  };
}

export const parseLogPage = (s: string): Parsed<Page<LogLine>> =>
  parseWith(s, (j) => {
    const list = reqList(j, '', 'logs');
    return { items: list.items.map((x, i) => readLog(x, at(list.path, i))), nextCursor: cursor(j) };
  });
