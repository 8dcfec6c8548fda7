// Clusters view: cluster (default marked) → deployed workflow releases. Pure mapping from CLI data.
import type { Cluster, ClusterDeployment } from '../../cliAdapter/types';
import { age, md, plural, shortId } from './format';
import type { ItemModel } from './item';

/** `targets`: names of the project targets (`[targets.<name>]`) that list this cluster. */
export function clusterItem(c: Cluster, parentId = '', targets: string[] = []): ItemModel {
  const workflows = [...new Set(c.deployments.map((d) => d.workflowSlug))];
  const lines = [
    `**${md(c.displayName)}**${c.isDefault ? ' (default cluster)' : ''}`,
    `Slug: \`${c.slug}\``,
    targets.length ? `In target${targets.length > 1 ? 's' : ''} ${targets.map((t) => `\`${t}\``).join(', ')} of tilebox.workflow.toml` : undefined,
    workflows.length ? `Deployed: ${workflows.map((w) => `\`${w}\``).join(', ')}` : 'Nothing deployed: runners on this cluster have no tasks to run.',
    c.isDefault ? 'Jobs submitted and runners started without a cluster use this one.' : undefined,
  ];
  return {
    id: `${parentId}cluster:${c.slug}`,
    label: c.displayName || c.slug,
    // The slug is in the tooltip; the row keeps what tells clusters apart at a glance.
    description: [
      c.isDefault ? 'default' : undefined,
      ...targets.map((t) => `target ${t}`),
      plural(c.deployments.length, 'deployment'),
    ]
      .filter(Boolean).join(' · '),
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: c.isDefault ? { id: 'server-environment', color: 'charts.blue' } : { id: 'server' },
    contextValue: ['cluster', c.isDefault ? 'default' : undefined, c.deletable ? 'deletable' : undefined].filter(Boolean).join(' '),
    collapsible: c.deployments.length ? 'collapsed' : 'none',
  };
}

export function deploymentItem(d: ClusterDeployment, cluster: Cluster, parentId: string, now: number): ItemModel {
  const r = d.release;
  const when = age(r.createdAt, now);
  const tasks = r.tasks.map((t) => `${t.name} ${t.version}`);
  return {
    id: `${parentId}/deployment:${d.workflowSlug}:${r.id}`,
    label: d.workflowName || d.workflowSlug,
    description: [shortId(r.id), when].filter(Boolean).join(' · '),
    tooltip: [
      `**${md(d.workflowName || d.workflowSlug)}** on \`${cluster.slug}\``,
      `Release \`${r.id}\`${r.createdAt ? `, published ${r.createdAt}` : ''}`,
      tasks.length ? `Tasks:\n${tasks.map((t) => `- \`${t}\``).join('\n')}` : undefined,
    ].filter(Boolean).join('\n\n'),
    icon: { id: 'rocket', color: 'charts.green' },
    contextValue: 'release deployed',
    collapsible: 'none',
  };
}
