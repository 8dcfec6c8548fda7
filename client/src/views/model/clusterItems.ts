// Clusters view: a cluster row (default marked) and the runner started here (deployed releases: deploymentItem.ts).
import type { Cluster } from '../../cliAdapter/types';
import { md, plural } from './format';
import type { ItemModel } from './item';
import { Commands } from '../../contributes';

/**
 * `targets`: names of the project targets (`[targets.<name>]`) that list this cluster; `runnerHere`: a runner
 * started from this editor is running for it.
 */
export function clusterItem(c: Cluster, parentId = '', targets: string[] = [], runnerHere = false): ItemModel {
  const workflows = [...new Set(c.deployments.map((d) => d.workflowSlug))];
  const lines = [
    `**${md(c.displayName)}**${c.isDefault ? ' (default cluster)' : ''}`,
    `Slug: \`${c.slug}\``,
    targets.length
      ? `In target${targets.length > 1 ? 's' : ''} ${targets.map((t) => `\`${t}\``).join(', ')} of tilebox.workflow.toml`
      : undefined,
    workflows.length
      ? `Deployed: ${workflows.map((w) => `\`${w}\``).join(', ')}`
      : 'Nothing deployed: runners on this cluster have no tasks to run.',
    c.isDefault ? 'Jobs submitted and runners started without a cluster use this one.' : undefined,
    runnerHere ? `A runner started from this editor is running for it (terminal "Tilebox runner: ${md(c.slug)}").` : undefined,
  ];
  return {
    id: `${parentId}cluster:${c.slug}`,
    label: c.displayName || c.slug,
    // The slug is in the tooltip; the row keeps what tells clusters apart at a glance.
    description: [
      c.isDefault ? 'default' : undefined,
      runnerHere ? 'runner here' : undefined,
      ...targets.map((t) => `target ${t}`),
      plural(c.deployments.length, 'deployment'),
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: c.isDefault ? { id: 'server-environment', color: 'charts.blue' } : { id: 'server' },
    contextValue: ['cluster', c.isDefault ? 'default' : undefined, c.deletable ? 'deletable' : undefined].filter(Boolean).join(' '),
    collapsible: c.deployments.length || runnerHere ? 'collapsed' : 'none',
  };
}

/** The row under a cluster for the runner started from this editor; clicking shows its terminal. */
export function localRunnerItem(c: Cluster, parentId: string): ItemModel {
  return {
    id: `${parentId}/local-runner`,
    label: 'Runner (this editor)',
    description: 'running',
    tooltip: `A runner started from this editor takes tasks of ${md(c.slug)}. Click to show its terminal; stop it there with Ctrl+C.`,
    icon: { id: 'server-process', color: 'charts.green' },
    contextValue: 'localRunner',
    collapsible: 'none',
    command: { command: Commands.startRunner, title: 'Show Runner Terminal', arguments: [c.slug] },
  };
}
