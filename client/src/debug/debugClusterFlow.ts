// Asks for the debug runner's cluster once per project and workspace: the remembered one while it exists, else a
// pick that offers creating a development cluster first and confirms the default or a target's cluster.
import { clusterCreate } from '../cliAdapter/calls';
import type { Cluster } from '../cliAdapter/types';
import { answered, Dismissed, withProgress, type FlowDeps } from '../commands/flow';
import { listClusters } from '../commands/pickers';
import type { Project } from '../services';
import { CREATE, debugClusterItems, devClusterName, riskOf } from './debugCluster';

/** Per-workspace memory of each project's debug cluster (workspaceState in the editor). */
export interface ClusterMemory {
  get(projectDir: string): string | undefined;
  set(projectDir: string, slug: string | undefined): Thenable<void> | Promise<void>;
}

export interface DebugClusterDeps extends FlowDeps {
  memory: ClusterMemory;
  userName: string | undefined;
}

export async function debugClusterFor(
  d: DebugClusterDeps,
  project: Pick<Project, 'dir' | 'label' | 'targets'>,
  ask = false,
  listed?: Cluster[],
): Promise<string> {
  const clusters = listed ?? (await listClusters(d));
  const remembered = d.memory.get(project.dir);
  if (!ask && remembered && clusters.some((c) => c.slug === remembered)) return remembered;
  const name = devClusterName(d.userName);
  const choice = answered(
    await d.ui.pick(`Cluster for the debug runner of ${project.label}`, debugClusterItems(clusters, project.targets, name), {
      placeHolder: 'Only your debug runner should poll it: another runner there may take the task first',
    }),
  );
  let slug: string;
  if (choice === CREATE) {
    slug = (await withProgress(d, `Creating cluster ${name}`, (signal) => d.cli.run(clusterCreate(name), { signal }))).slug;
  } else {
    const risk = riskOf(choice, project.targets);
    if (
      risk &&
      !(await d.ui.confirm({
        message: `Debug on ${choice.slug}? ${risk[0].toUpperCase()}${risk.slice(1)}.`,
        detail: 'Runners serving it can take the task before the debugger does, and jobs submitted for debugging run next to real work.',
        action: 'Debug There',
      }))
    ) {
      throw new Dismissed();
    }
    slug = choice.slug;
  }
  await d.memory.set(project.dir, slug);
  return slug;
}
