// Clusters view: a workflow release deployed on a cluster, the row the release commands and Undeploy act on.
import type { Cluster, ClusterDeployment } from '../../cliAdapter/types';
import { age, md, shortId } from './format';
import type { ItemModel } from './item';

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
    ]
      .filter(Boolean)
      .join('\n\n'),
    icon: { id: 'rocket', color: 'charts.green' },
    contextValue: 'release deployed',
    collapsible: 'none',
  };
}
