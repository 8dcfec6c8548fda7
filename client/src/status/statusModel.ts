// What the status bar shows, as pure functions: the active project (slug and where it deploys) and the state
// of the job last submitted or retried from the editor. The menu behind a click is statusActions.ts.
import type { Project } from '../services';
import type { Job, JobState } from '../cliAdapter/types';

export interface StatusText {
  text: string;
  /** Markdown. */
  tooltip: string;
  /** A theme color id for the background (`statusBarItem.errorBackground`…), when it needs attention. */
  background?: string;
}

/** `$(rocket) scene-qa · dev`: the workflow slug and the first target (or the default cluster). */
export function projectStatus(project: Project | undefined, projectCount: number): StatusText | undefined {
  if (!project) {
    if (projectCount === 0) return undefined;
    return {
      text: '$(rocket) Tilebox: pick a project',
      tooltip: `${projectCount} Tilebox projects in this workspace: click to choose an action and a project.`,
    };
  }
  const target = project.targets[0];
  const where = target ? target.name : 'default cluster';
  const slug = project.slug ?? project.label;
  const lines = [
    `**${project.label}**`,
    project.slug ? `Workflow \`${project.slug}\`` : `No workflow slug (${project.error ?? 'no [workflow].slug'})`,
    target
      ? `Target \`${target.name}\`: ${target.clusters.map((c) => `\`${c}\``).join(', ') || 'no clusters'}${
          project.targets.length > 1
            ? ` (and ${project.targets
                .slice(1)
                .map((t) => `\`${t.name}\``)
                .join(', ')})`
            : ''
        }`
      : 'No [targets]: deploys go to the clusters you pick (or the default cluster).',
    'Click for actions: publish, deploy, submit a job, start a runner.',
  ];
  return {
    text: `$(rocket) ${slug} · ${where}`,
    tooltip: lines.join('\n\n'),
    background: project.slug ? undefined : 'statusBarItem.warningBackground',
  };
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
