// Job and task states as the CLI spells them, read to the adapter's lowercase names: uppercase and the
// `JOB_STATE_*`/`TASK_STATE_*` enum spellings accepted, anything else 'unknown'.
import type { JobState, TaskState } from './types';

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
