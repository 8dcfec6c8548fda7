// Which task failed and why, from the job's task summaries and its logs: the failed task, the last error logged for
// it (its first line) and the traceback under it, with file:line places the panel turns into links. Pure.
import type { Job, LogLine, TaskSummary } from '../../cliAdapter/types';
import { tracebackLocations } from '../../debug/tracebackLinks';
import { taskLabel } from './taskGraph';

export interface SourcePlace {
  file: string;
  line: number;
}
export interface TraceLine {
  text: string;
  place?: SourcePlace;
}
export interface Failure {
  task?: TaskSummary;
  /** The first line of the error logged for the task; undefined when no log line says. */
  error?: string;
  traceback: TraceLine[];
}

const ERROR_SEVERITY = /^(error|critical|fatal)/i;
const PLAIN_PLACE = /((?:[\w.-]+\/)*[\w.-]+\.py):(\d+)/;

/** The lines the CLI logged about a task: its id or its name appears in the line (logs carry no task field). */
export function mentionsTask(line: LogLine, task: TaskSummary): boolean {
  const names = [task.id, task.display, task.identifier?.name].filter((n): n is string => !!n);
  return names.some((n) => line.body.includes(n));
}

const isError = (l: LogLine) => ERROR_SEVERITY.test(l.severity ?? '') || /Traceback \(most recent call last\)/.test(l.body);

/** A Python frame (`File "x.py", line 12`, as terminals link it) or a plain `x.py:12`. */
export function sourcePlace(text: string): SourcePlace | undefined {
  const [frame] = tracebackLocations(text);
  if (frame) return { file: frame.path, line: frame.line };
  const m = PLAIN_PLACE.exec(text);
  return m ? { file: m[1], line: Number(m[2]) } : undefined;
}

/** The failure to show first, or undefined when the job has not failed and no task did. */
export function findFailure(job: Job, logs: readonly LogLine[]): Failure | undefined {
  const task = job.taskSummaries.find((t) => t.state === 'failed') ?? job.taskSummaries.find((t) => t.state === 'failed_optional');
  if (!task && job.state !== 'failed') return undefined;
  const errors = logs.filter(isError);
  // The last error about the task: after a retry that failed again, the newest run's error.
  const line = (task && errors.filter((l) => mentionsTask(l, task)).at(-1)) ?? errors.at(-1);
  if (!line) return { task, traceback: [] };
  const [first, ...rest] = line.body.split('\n');
  return { task, error: first, traceback: rest.filter((t) => t.trim() !== '').map((text) => ({ text, place: sourcePlace(text) })) };
}

export const failureTitle = (f: Failure): string => (f.task ? `${taskLabel(f.task)} failed` : 'The job failed');
