// The job document's text: state, progress bars drawn with characters, execution stats, the task
// tree and the logs read so far. Markdown, so the editor's preview renders it; plain text reads fine too.
import type { Job, LogLine, ProgressIndicator, TaskSummary } from '../cliAdapter/types';

export interface JobView {
  job: Job;
  logs: readonly LogLine[];
  /** Logs are still being followed (the job runs). */
  following: boolean;
  /** More log pages exist than were read. */
  moreLogs: boolean;
  /** Why logs or the job could not be (re)read, if so. */
  problem?: string;
  /** Why a queued job may not run (nothing compatible deployed, no runner started here). */
  waitingReasons?: string[];
  /** The input submitted from this editor (compact JSON; `null`: submitted without input); undefined: not known. */
  input?: string | null;
}

export function progressBar(p: ProgressIndicator, width = 20): string {
  const ratio = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  const filled = Math.round(ratio * width);
  const pct = Math.round(ratio * 100);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} (${pct}%)`;
}

export function taskTree(tasks: readonly TaskSummary[]): string[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string | undefined, TaskSummary[]>();
  for (const t of tasks) {
    // A parent missing from the summaries makes the task a root, so nothing disappears.
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      const id = t.identifier ? ` (${t.identifier.name}@${t.identifier.version})` : '';
      lines.push(`${'  '.repeat(depth)}- ${t.display || t.id}${id}: ${t.state}`);
      walk(t.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines;
}

export function renderJob(view: JobView): string {
  const { job } = view;
  const out: string[] = [`# Job ${job.name || job.id}`, '', `- ID: \`${job.id}\``, `- State: **${job.state}**`];
  if (job.clusterSlug) out.push(`- Cluster: ${job.clusterSlug}`);
  if (job.submittedAt) out.push(`- Submitted: ${job.submittedAt}`);
  if (view.input === null) out.push('- Input: none');
  else if (view.input !== undefined) out.push(`- Input: ${inlineCode(view.input)}`);
  if (view.waitingReasons?.length) out.push('', '## Why it may wait', '', ...view.waitingReasons.map((r) => `- ${r}`));
  if (job.progress.length > 0) {
    out.push('', '## Progress', '', '```text');
    for (const p of job.progress) out.push(`${p.label || 'progress'} ${progressBar(p)}`);
    out.push('```');
  }
  const s = job.executionStats;
  if (s) {
    out.push('', '## Execution', '');
    if (s.firstTaskStartedAt) out.push(`- First task started: ${s.firstTaskStartedAt}`);
    if (s.lastTaskStoppedAt) out.push(`- Last task stopped: ${s.lastTaskStoppedAt}`);
    if (s.elapsedTime) out.push(`- Elapsed: ${s.elapsedTime}`);
    if (s.computeTime) out.push(`- Compute time: ${s.computeTime}`);
    if (s.parallelism !== undefined) out.push(`- Parallelism: ${s.parallelism}`);
    if (s.totalTasks !== undefined) out.push(`- Tasks: ${s.totalTasks}`);
    const byState = Object.entries(s.tasksByState).map(([k, v]) => `${k} ${v}`);
    if (byState.length > 0) out.push(`- By state: ${byState.join(', ')}`);
  }
  if (job.taskSummaries.length > 0) out.push('', '## Tasks', '', ...taskTree(job.taskSummaries));
  out.push('', '## Logs', '');
  if (view.logs.length === 0) out.push(view.following ? '_No log lines yet; following…_' : '_No log lines._');
  else {
    out.push('```text');
    for (const l of view.logs) out.push([l.time, l.severity, l.body].filter(Boolean).join(' '));
    out.push('```');
  }
  if (view.following) out.push('', '_Following: new lines appear while the job runs._');
  else if (view.moreLogs) out.push('', '_More lines exist: run "Tilebox: Load More Logs" (editor title)._');
  if (view.problem) out.push('', `> ${view.problem}`);
  return out.join('\n') + '\n';
}

/** Inline code that survives backticks inside JSON strings (a longer fence than any run inside). */
function inlineCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${fence} ${text} ${fence}`;
}
