// Parsers for `job get` and `job list`: timestamps as ISO strings, task identifiers only when the CLI reports them.
import { at, isObj, obj, optList, optStr, optTime, pageCursor, pick, reqList, reqStr } from './json';
import { parseWith, type Reader } from './parseWith';
import { jobState } from './readState';
import { readProgress, readStats, readTask } from './readTask';
import type { Job, Page, Parsed } from './types';

function readJob(v: unknown, path: string, r: Reader): Job {
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

export const parseJob = (s: string): Parsed<Job> =>
  parseWith(s, (j, r) => (isObj(j) && isObj(j.job) ? readJob(j.job, 'job', r) : readJob(j, '', r)));

export const parseJobPage = (s: string): Parsed<Page<Job>> =>
  parseWith(s, (j, r) => {
    const list = reqList(j, '', 'jobs');
    return { items: list.items.map((x, i) => readJob(x, at(list.path, i), r)), nextCursor: pageCursor(j) };
  });
