// What the status bar shows, as pure functions: the text shape, and the state of the job last submitted or
// retried from the editor. The active project's text is projectStatus.ts; the menu behind a click statusActions.ts.
import type { Job, JobState } from '../cliAdapter/types';

export interface StatusText {
  text: string;
  /** Markdown. */
  tooltip: string;
  /** A theme color id for the background (`statusBarItem.errorBackground`…), when it needs attention. */
  background?: string;
}

const JOB_TEXT: Record<JobState, { icon: string; word: string; background?: string }> = {
  submitted: { icon: 'clock', word: 'queued' },
  running: { icon: 'sync~spin', word: 'running' },
  started: { icon: 'debug-pause', word: 'waiting for tasks' },
  completed: { icon: 'pass', word: 'completed' },
  failed: { icon: 'error', word: 'failed', background: 'statusBarItem.errorBackground' },
  canceled: { icon: 'circle-slash', word: 'canceled' },
  unknown: { icon: 'question', word: 'no longer followed' },
};

/** `$(sync~spin) scene 42: running 4/10`. */
export function lastJobStatus(job: Job): StatusText {
  const t = JOB_TEXT[job.state];
  const total = job.progress.reduce((n, p) => n + p.total, 0);
  const done = job.progress.reduce((n, p) => n + p.done, 0);
  const progress = (job.state === 'running' || job.state === 'started') && total > 0 ? ` ${done}/${total}` : '';
  const name = job.name.length > 24 ? `${job.name.slice(0, 23)}…` : job.name || 'job';
  return {
    text: `$(${t.icon}) ${name}: ${t.word}${progress}`,
    tooltip: [`Last job from this editor: **${job.name || job.id}**`, `\`${job.id}\`: ${t.word}${progress}`, 'Click to show the job.'].join(
      '\n\n',
    ),
    background: t.background,
  };
}
