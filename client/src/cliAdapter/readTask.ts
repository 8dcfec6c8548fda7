// Reading the parts of a job out of CLI JSON: task summaries, progress indicators and execution stats.
import { isObj, obj, optDuration, optNum, optStr, optTime, pick, reqStr, type Obj } from './json';
import { taskState } from './readState';
import type { ExecutionStats, ProgressIndicator, TaskSummary } from './types';

export function readTask(v: unknown, path: string): TaskSummary {
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

export function readProgress(v: unknown, path: string): ProgressIndicator {
  const o = obj(v, path);
  return { label: optStr(o, 'label') ?? '', total: optNum(o, 'total') ?? 0, done: optNum(o, 'done') ?? 0 };
}

export function readStats(o: Obj): ExecutionStats {
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
