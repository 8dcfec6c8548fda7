// Jobs view: a job row with its state icon/colour, progress, capability tokens and tooltip.
import { Commands } from '../../contributes';
import { RETRYABLE_STATES } from '../../jobs/jobStates';
import type { Diagnosis } from '../../cliAdapter/jobDiagnosis';
import type { Job } from '../../cliAdapter/types';
import { age, shortId } from './format';
import type { ItemModel } from './item';
import { jobTooltip, overallProgress } from './jobTooltip';
import { isActive, jobStateIcon, STATE_LABEL } from './stateIcons';

// The job panel still imports these from here; new code imports stateIcons.ts.
export { jobStateIcon, STATE_LABEL } from './stateIcons';

/** Newest first: by submission time, then by id (job ids are time-ordered UUIDv7). */
export function sortJobs(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || b.id.localeCompare(a.id));
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
    icon: blocked ? { id: 'warning', color: 'charts.orange' } : jobStateIcon(job.state),
    contextValue: ['job', job.state, ...capabilities].filter(Boolean).join(' '),
    collapsible: job.taskSummaries.length ? 'collapsed' : 'none',
    command: { command: Commands.showJob, title: 'Show Job', arguments: [job.id] },
  };
}
