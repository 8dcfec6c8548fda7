// Icons, colours and labels of job and task states, shared by the Jobs view and the job panel.
import { ACTIVE_STATES } from '../../jobs/jobStates';
import type { JobState, TaskState } from '../../cliAdapter/types';
import type { IconModel } from './item';

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
