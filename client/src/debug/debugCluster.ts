// Which cluster a debug runner polls: a development cluster of the user's, remembered per workspace, never silently
// the default cluster or one a project target deploys to; and who else might take the task there first. Pure.
import type { Cluster, TaskIdentifier } from '../cliAdapter/types';
import { isCompatible } from '../cliAdapter/jobDiagnosis';
import type { PickItem } from '../commands/ui';

export const CREATE = 'create' as const;
export type ClusterPick = Cluster | typeof CREATE;

/** The name a created development cluster gets (the CLI adds a random suffix to its slug). */
export function devClusterName(user: string | undefined): string {
  const who = (user ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return who ? `debug-${who}`.slice(0, 40) : 'debug';
}

/** The project targets that deploy to `slug` (a release runner there can take the debug runner's tasks). */
export function targetsOf(slug: string, targets: readonly { name: string; clusters: string[] }[]): string[] {
  return targets.filter((t) => t.clusters.includes(slug)).map((t) => t.name);
}

/** Why debugging on this cluster needs a confirmation, or undefined for a plain development cluster. */
export function riskOf(c: Cluster, targets: readonly { name: string; clusters: string[] }[]): string | undefined {
  const inTargets = targetsOf(c.slug, targets);
  if (inTargets.length) return `it is a cluster of the target${inTargets.length > 1 ? 's' : ''} ${inTargets.join(', ')}`;
  if (c.isDefault) return 'it is the default cluster, where jobs without a cluster go';
  return undefined;
}

/** "Create a development cluster" first, then clusters without risk, then the risky ones (marked). */
export function debugClusterItems(
  clusters: readonly Cluster[],
  targets: readonly { name: string; clusters: string[] }[],
  newName: string,
): PickItem<ClusterPick>[] {
  const item = (c: Cluster): PickItem<ClusterPick> => {
    const risk = riskOf(c, targets);
    return {
      label: `${risk ? '$(warning) ' : ''}${c.displayName || c.slug}`,
      description: c.slug,
      detail: risk ? `Not for debugging: ${risk}` : undefined,
      value: c,
    };
  };
  return [
    {
      label: `$(add) Create a development cluster "${newName}"`,
      detail: 'tilebox cluster create: a cluster only your debug runner polls',
      value: CREATE,
    },
    ...clusters.filter((c) => !riskOf(c, targets)).map(item),
    ...clusters.filter((c) => riskOf(c, targets)).map(item),
  ];
}

/** Runners other than the debug runner that may claim `task` on the cluster first, as one warning (or none). */
export function competingRunners(c: Cluster, task: TaskIdentifier | undefined, localRunners: ReadonlySet<string>): string | undefined {
  const releases = c.deployments.filter((d) => !task || d.release.tasks.some((t) => isCompatible(task, t)));
  const who = [
    ...releases.map((d) => `a release of ${d.workflowSlug} is deployed there`),
    ...(localRunners.has(c.slug) ? ['a release runner for it runs in this editor'] : []),
  ];
  if (who.length === 0) return undefined;
  return `Another runner may take ${task ? task.name : 'the task'} on ${c.slug} before the debugger does: ${who.join('; ')}. Use a development cluster nothing is deployed on.`;
}
