// Picking a cluster: the list with the default first (or a target's clusters first), and a cluster as a pick item.
import { clusterList } from '../cliAdapter/calls';
import type { Cluster } from '../cliAdapter/types';
import { answered, need, Problem, type FlowDeps } from './flow';
import type { PickItem } from './ui';

/** Clusters with the default first, then by name (the runner and submit pickers offer the default first). */
export function defaultFirst(clusters: readonly Cluster[]): Cluster[] {
  return [...clusters].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.slug.localeCompare(b.slug));
}

export function clusterItem(c: Cluster): PickItem<Cluster> {
  const deployed = c.deployments.map((d) => d.workflowSlug).join(', ');
  return {
    label: c.isDefault ? `$(star-full) ${c.displayName || c.slug}` : c.displayName || c.slug,
    description: c.slug + (c.isDefault ? ' (default)' : ''),
    detail: deployed ? `Deployed: ${deployed}` : 'Nothing deployed',
    value: c,
  };
}

export const NO_CLUSTERS = 'No clusters: create one in the Tilebox Console or with `tilebox cluster create`.';

export async function listClusters(d: FlowDeps): Promise<Cluster[]> {
  return defaultFirst(await need(d.cli.run(clusterList(), { signal: d.signal }), 'Listing clusters'));
}

/**
 * Picks a cluster. With a target (the project's first `[targets.<name>]`), its clusters come first and say so:
 * a job for this project belongs there, not on the API's default cluster.
 */
export async function pickCluster(
  d: FlowDeps,
  title: string,
  clusters?: Cluster[],
  target?: { name: string; clusters: string[] },
): Promise<Cluster> {
  const all = clusters ?? (await listClusters(d));
  if (all.length === 0) throw new Problem(NO_CLUSTERS);
  const rank = (c: Cluster) => target?.clusters.indexOf(c.slug) ?? -1;
  const inTarget = all.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  const items = [...inTarget, ...all.filter((c) => rank(c) < 0)].map((c) => {
    const item = clusterItem(c);
    return rank(c) >= 0 ? { ...item, description: `${item.description} · target ${target!.name}` } : item;
  });
  const placeHolder = inTarget.length ? `The clusters of target ${target!.name} are listed first` : 'The default cluster is listed first';
  return answered(await d.ui.pick(title, items, { placeHolder }));
}
