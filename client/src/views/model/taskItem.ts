// Jobs view: a job's tasks as a tree, one row each with its state, time taken and the panel of its logs.
import { Commands } from '../../contributes';
import type { Job, TaskSummary } from '../../cliAdapter/types';
import { between, md, shortId } from './format';
import type { ItemModel } from './item';
import { taskStateIcon } from './stateIcons';

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
    icon: taskStateIcon(t.state),
    contextValue: ['task', t.state, t.state === 'failed' && job.state !== 'running' ? 'retryable' : undefined].filter(Boolean).join(' '),
    collapsible: hasChildren ? 'collapsed' : 'none',
    // The job's panel with the logs of this task.
    command: { command: Commands.showJob, title: 'Show Job', arguments: [{ jobId: job.id, taskId: t.id }] },
  };
}
