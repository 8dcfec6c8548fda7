// tilebox.job.retry / cancel / copyId. Retry first compares the failed tasks with what is deployed
// on the job's cluster and puts every reason it may fail again into one confirmation.
import { checkRetry } from '../cliAdapter/checkRetry';
import { jobCluster, releasesOn } from '../cliAdapter/jobDiagnosis';
import { jobCancel, jobGet, jobRetry } from '../cliAdapter/calls';
import { ACTIVE_STATES, isTerminal, RETRYABLE_STATES } from '../jobs/jobStates';
import { Dismissed, need, withProgress } from './flow';
import { jobIdFrom } from './nodeArgs';
import { listClusters } from './pickCluster';
import { pickJob } from './pickers';
import type { JobDeps } from './submit';
import { outcome, type Outcome } from './ui';

export async function retryFlow(d: JobDeps, arg?: unknown): Promise<Outcome> {
  const id = jobIdFrom(arg) ?? (await pickJob(d, 'Retry which job?', RETRYABLE_STATES)).id;
  const job = await need(d.cli.run(jobGet(id), { signal: d.signal }), 'Reading the job');
  const clusters = await listClusters(d);
  // Retry requeues the failed tasks; a canceled job also resumes the tasks it never finished.
  const again = job.taskSummaries.filter(
    (t) => t.state === 'failed' || (job.state === 'canceled' && (t.state === 'queued' || t.state === 'running')),
  );
  const lines = checkRetry(job, again, releasesOn(jobCluster(job, clusters))).map((w) => w.message);
  if (job.state !== 'failed' && job.state !== 'canceled')
    lines.unshift(`The job is ${job.state}, not failed or canceled: the CLI may refuse the retry.`);
  if (lines.length > 0) {
    const go = await d.ui.confirm({
      message: `Retry job "${job.name || id}"? It may fail again.`,
      detail: lines.join('\n'),
      action: 'Retry Anyway',
    });
    if (!go) throw new Dismissed();
  }
  const retried = await withProgress(d, `Retrying job ${job.name || id}`, (signal) => d.cli.run(jobRetry(id), { signal }));
  await d.jobs?.reread(id);
  d.refresh.pollAfterAction('jobs');
  void d.views.revealJob(id);
  d.watch(id);
  const count = retried.numTasksRescheduled !== undefined ? `: ${retried.numTasksRescheduled} task(s) rescheduled` : '';
  return outcome(`Retried job "${job.name || id}"${count}.`, [
    { title: 'Show Job', command: 'tilebox.job.show', args: [id] },
    { title: 'Show Logs', command: 'tilebox.job.showLogs', args: [id] },
  ]);
}

export async function cancelFlow(d: JobDeps, arg?: unknown): Promise<Outcome> {
  const id = jobIdFrom(arg) ?? (await pickJob(d, 'Cancel which job?', ACTIVE_STATES)).id;
  const job = await need(d.cli.run(jobGet(id), { signal: d.signal }), 'Reading the job');
  const go = await d.ui.confirm({
    message: `Cancel job "${job.name || id}"?`,
    detail: `Its queued tasks will not run; tasks running now finish. A canceled job can be retried later.${isTerminal(job.state) ? `\nThe job is already ${job.state}.` : ''}`,
    action: 'Cancel Job',
    dismiss: 'Keep Job',
  });
  if (!go) throw new Dismissed();
  d.canceledHere?.(id);
  await withProgress(d, `Canceling job ${job.name || id}`, (signal) => d.cli.run(jobCancel(id), { signal }));
  await d.jobs?.reread(id);
  d.refresh.pollAfterAction('jobs');
  return outcome(`Canceled job "${job.name || id}".`, [{ title: 'Retry', command: 'tilebox.job.retry', args: [id] }]);
}

export async function copyJobIdFlow(d: JobDeps, arg?: unknown): Promise<Outcome> {
  const id = jobIdFrom(arg) ?? (await pickJob(d, 'Copy the ID of which job?')).id;
  await d.ui.copy(id);
  return outcome(`Copied job ID ${id}.`);
}
