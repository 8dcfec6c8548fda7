// What the status bar shows for the active project: its workflow slug and where it deploys, or what is missing.
import type { Project } from '../services';
import type { StatusText } from './statusModel';

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
