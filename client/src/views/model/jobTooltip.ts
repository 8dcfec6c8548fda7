// A job's Markdown tooltip in the Jobs view: state, timing, task counts, progress and why it may not run.
import type { Diagnosis } from '../../cliAdapter/jobDiagnosis';
import type { Job } from '../../cliAdapter/types';
import { age, between, md, progressBar } from './format';
import { STATE_LABEL } from './stateIcons';

/** Summed progress indicators, or else the share of tasks computed or skipped. */
export function overallProgress(job: Job): { done: number; total: number } | undefined {
  if (job.progress.length) {
    return job.progress.reduce((acc, p) => ({ done: acc.done + p.done, total: acc.total + p.total }), { done: 0, total: 0 });
  }
  const n = job.taskSummaries.length;
  if (!n) return undefined;
  return { done: job.taskSummaries.filter((t) => t.state === 'computed' || t.state === 'skipped').length, total: n };
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
