// Multi-root and monorepo workspaces: with several `tilebox.workflow.toml`, every view groups its items by
// project. Pure: projects and CLI data in, groups out.
import type { Project } from '../../services';
import type { Cluster, Workflow } from '../../cliAdapter/types';
import type { ItemModel } from './item';

export interface Group<T> {
  /** Undefined for the "other" group (items that belong to no project in the workspace). */
  project?: Project;
  items: T[];
}

export const OTHER_LABEL = { workflows: 'Other workflows', clusters: 'Other clusters', jobs: 'Other jobs' } as const;

/** Groups shown only when they are not empty; projects in the registry's order, "other" last. */
export function finish<T>(groups: Group<T>[]): Group<T>[] {
  return groups.filter((g) => g.items.length > 0 || g.project);
}

export function groupWorkflows(projects: readonly Project[], workflows: Workflow[]): Group<Workflow>[] {
  const claimed = new Set(projects.map((p) => p.slug).filter(Boolean));
  return finish([
    ...projects.map((project) => ({ project, items: workflows.filter((w) => w.slug === project.slug) })),
    { items: workflows.filter((w) => !claimed.has(w.slug)) },
  ]);
}

/** A project's clusters: those its targets name and those its workflow is deployed on. */
export function projectClusters(project: Project, clusters: Cluster[]): Cluster[] {
  const named = new Set(project.targets.flatMap((t) => t.clusters));
  return clusters.filter((c) => named.has(c.slug) || (project.slug && c.deployments.some((d) => d.workflowSlug === project.slug)));
}

export function groupClusters(projects: readonly Project[], clusters: Cluster[]): Group<Cluster>[] {
  const groups = projects.map((project) => ({ project, items: projectClusters(project, clusters) }));
  const used = new Set(groups.flatMap((g) => g.items.map((c) => c.slug)));
  return finish([...groups, { items: clusters.filter((c) => !used.has(c.slug)) }]);
}

export function groupItem(group: Group<unknown>, view: keyof typeof OTHER_LABEL): ItemModel {
  const p = group.project;
  if (!p) {
    return { id: `${view}/other`, label: OTHER_LABEL[view], icon: { id: 'cloud' }, contextValue: 'group other', collapsible: 'collapsed' };
  }
  return {
    id: `${view}/project:${p.dir}`,
    label: p.label,
    description: p.slug ?? (p.error ? 'unreadable tilebox.workflow.toml' : 'no [workflow].slug'),
    tooltip: [`**${p.label}**`, `\`${p.configPath}\``, p.slug ? `Workflow \`${p.slug}\`` : undefined, p.error].filter(Boolean).join('\n\n'),
    icon: { id: 'root-folder' },
    contextValue: 'group project',
    collapsible: 'expanded',
  };
}
