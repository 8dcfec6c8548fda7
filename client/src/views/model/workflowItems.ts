// Workflows view: a workflow row (releases are releaseItem.ts). Pure mapping from CLI data.
import type { Workflow } from '../../cliAdapter/types';
import { md, plural } from './format';
import type { ItemModel } from './item';

/** Clusters any release of the workflow is deployed on. */
export function deployedClusters(w: Workflow): string[] {
  return [...new Set(w.releases.flatMap((r) => r.clusters))].sort();
}

export function workflowItem(w: Workflow, isLocalProject: boolean): ItemModel {
  const clusters = deployedClusters(w);
  // The slug (long, with a random suffix) is in the tooltip: at 300 px the description has room for one short note.
  const parts = [isLocalProject ? 'this workspace' : undefined];
  const lines = [
    `**${md(w.name)}**`,
    `Slug: \`${w.slug}\``,
    w.description ? md(w.description) : undefined,
    `${plural(w.releases.length, 'release')}${clusters.length ? `, deployed on ${clusters.map((c) => `\`${c}\``).join(', ')}` : ', not deployed'}`,
  ];
  return {
    id: `workflow:${w.slug}`,
    label: w.name || w.slug,
    description: parts.filter(Boolean).join(' · ') || undefined,
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: { id: 'workflow', color: clusters.length ? 'charts.green' : undefined },
    contextValue: isLocalProject ? 'workflow local' : 'workflow',
    collapsible: 'collapsed',
  };
}
