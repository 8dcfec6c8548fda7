// Quick picks a command uses when it was started without a node: project, cluster, job.
import type { ProjectRegistry, Project } from '../services';
import { projectDirFrom, releaseFrom, workflowFrom } from './nodeArgs';
import { clusterList, jobList, workflowGet } from '../cliAdapter/calls';
import type { Cluster, Job, JobState, Release } from '../cliAdapter/types';
import { answered, need, Problem, type FlowDeps } from './flow';
import type { PickItem } from './ui';
import { shortId } from '../cliAdapter/validate';
import { age } from '../views/model/format';
import { STATE_LABEL } from '../views/model/stateIcons';

export async function pickProject(projects: Pick<ProjectRegistry, 'pick'>, placeHolder: string): Promise<Project> {
  return answered(await projects.pick(placeHolder));
}

/** The project a node or next step refers to, else (when the workflow is unknown) the one the user picks. */
export async function projectFor(
  projects: Pick<ProjectRegistry, 'pick' | 'all'>,
  arg: unknown,
  placeHolder: string,
): Promise<Project | undefined> {
  const dir = projectDirFrom(arg);
  if (dir) {
    const known = projects.all().find((p) => p.dir === dir);
    if (known) return known;
    // The editor title offers the commands on any file of that name; say why this one is not a project.
    throw new Problem(
      `${dir}/tilebox.workflow.toml is not a project of this workspace: it is outside the workspace folders, or under a folder the extension skips (.venv, node_modules, .git). Open its folder as a workspace folder to publish or deploy it.`,
    );
  }
  const slug = workflowFrom(arg) ?? releaseFrom(arg)?.workflowSlug;
  if (slug) return projects.all().find((p) => p.slug === slug);
  return pickProject(projects, placeHolder);
}

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

/**
 * Recent jobs, optionally only in the given states (retry: failed/canceled; cancel: not yet ended). The states go to
 * the CLI, so an older matching job is not crowded out of the page by newer jobs in other states.
 */
export async function pickJob(d: FlowDeps, title: string, states?: readonly JobState[]): Promise<Job> {
  const page = await need(d.cli.run(jobList({ last: '7d', limit: 50, state: states?.join(',') }), { signal: d.signal }), 'Listing jobs');
  const jobs = page.items.filter((j) => !states || states.includes(j.state));
  if (jobs.length === 0) throw new Problem(`${title}: no ${states ? `${states.join(' or ')} ` : ''}job in the last 7 days.`);
  return answered(
    await d.ui.pick(
      title,
      jobs.map((j) => ({
        label: j.name || j.id,
        description: STATE_LABEL[j.state],
        detail: [j.id, age(j.submittedAt, Date.now())].filter(Boolean).join(' · '),
        value: j,
      })),
    ),
  );
}

/** A workflow's releases, newest first; none published is a Problem that says what to do. */
export async function listReleases(d: FlowDeps, workflow: string, cwd?: string): Promise<Release[]> {
  const wf = await need(d.cli.run(workflowGet(workflow), { cwd, signal: d.signal }), `Reading workflow ${workflow}`);
  if (wf.releases.length === 0) throw new Problem(`${workflow} has no published release yet: run "Tilebox: Publish Release" first.`);
  return wf.releases;
}

/** A release as a pick item: its short id, when it was published ("3 h ago"), where it is deployed, its tasks. */
export function releaseItem(r: Release, now = Date.now()): PickItem<string> {
  return {
    label: shortId(r.id),
    description: [age(r.createdAt, now), r.clusters.length ? `deployed on ${r.clusters.join(', ')}` : ''].filter(Boolean).join(' · '),
    detail: r.tasks.map((t) => `${t.name}@${t.version}`).join(', '),
    value: r.id,
  };
}
