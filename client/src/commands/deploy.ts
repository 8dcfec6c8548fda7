// tilebox.release.deploy / tilebox.release.undeploy. Deploy takes the selected release (or asks,
// latest first), a target from the project's toml or clusters picked from `cluster list`, and shows one
// modal dialog with every warning when the destination looks like production.
import type { ProjectRegistry } from '../services';
import { deployRelease, undeployRelease } from '../cliAdapter/calls';
import type { Cluster } from '../cliAdapter/types';
import { deployWarnings, suggestsProduction } from './deployWarnings';
import { answered, Dismissed, need, Problem, withProgress } from './flow';
import { clusterFrom, releaseFrom, workflowFrom } from './nodeArgs';
import { clusterItem, listClusters, NO_CLUSTERS } from './pickCluster';
import { projectFor } from './pickers';
import { listReleases, releaseItem } from './pickRelease';
import type { ReleaseDeps } from './publish';
import { outcome, type Outcome } from './ui';
import { shortId } from '../cliAdapter/validate';

type Destination = { target: string; clusters: string[] } | { target?: undefined; clusters: string[] } | 'pick';

/**
 * Started without a release (palette, cluster node): with one release that one goes, as `--latest`; with more the user
 * picks, newest first (marked "latest", deployed as `--latest`) and each release once, so an older release can be
 * rolled back to without finding its node. Returns the release and how to name it in titles and messages.
 */
async function pickDeployRelease(d: DeployDeps, workflow: string, cwd?: string): Promise<{ release: string; name: string }> {
  const releases = await listReleases(d, workflow, cwd);
  const now = Date.now();
  const [newest] = releases;
  const latestName = `the latest release (${shortId(newest.id)})`;
  if (releases.length === 1) return { release: 'latest', name: latestName };
  const item = releaseItem(newest, now);
  const latest = {
    ...item,
    label: `$(arrow-up) ${item.label}`,
    description: ['latest', item.description].filter(Boolean).join(' · '),
    value: 'latest',
  };
  const release = answered(
    await d.ui.pick(`Deploy which release of ${workflow}?`, [latest, ...releases.slice(1).map((r) => releaseItem(r, now))]),
  );
  return { release, name: release === 'latest' ? latestName : `release ${shortId(release)}` };
}

export interface DeployDeps extends ReleaseDeps {
  projects: Pick<ProjectRegistry, 'pick' | 'all'>;
}

export async function deployFlow(d: DeployDeps, arg?: unknown): Promise<Outcome> {
  const ref = releaseFrom(arg);
  const project = await projectFor(d.projects, arg, 'Deploy which project?');
  const workflow = ref?.workflowSlug ?? workflowFrom(arg) ?? project?.slug;
  if (!workflow) throw new Problem('Cannot tell which workflow to deploy: the project has no [workflow].slug.');
  const { release, name: what } = ref?.id
    ? { release: ref.id, name: `release ${shortId(ref.id)}` }
    : await pickDeployRelease(d, workflow, project?.dir);
  const clusters = await listClusters(d);

  const choices: { label: string; description?: string; value: Destination }[] = (project?.targets ?? []).map((t) => ({
    label: `$(target) Target ${t.name}`,
    description: t.clusters.join(', '),
    value: { target: t.name, clusters: t.clusters },
  }));
  choices.push({ label: '$(server) Choose clusters…', description: 'from tilebox cluster list', value: 'pick' });
  // Started from a cluster node: that cluster is the destination.
  const preset = clusterFrom(arg);
  let dest: Destination =
    preset && clusters.some((c) => c.slug === preset)
      ? { clusters: [preset] }
      : choices.length === 1
        ? 'pick'
        : answered(await d.ui.pick(`Deploy ${what} of ${workflow} to`, choices));
  if (dest === 'pick') {
    if (clusters.length === 0) throw new Problem(NO_CLUSTERS);
    const items = clusters.map((c) => ({ ...clusterItem(c), picked: c.slug === preset }));
    const picked = answered(await d.ui.pickMany(`Deploy ${what} of ${workflow} to which clusters?`, items));
    if (picked.length === 0) throw new Dismissed();
    dest = { clusters: picked.map((c) => c.slug) };
  }

  const current = Object.fromEntries(clusters.map((c) => [c.slug, c.deployments.find((x) => x.workflowSlug === workflow)?.release.id]));
  const warnings = deployWarnings({
    workflow,
    release,
    target: dest.target,
    clusters: dest.clusters,
    knownClusters: clusters.map((c) => c.slug),
    currentlyDeployed: current,
  });
  const where = dest.target ? `target ${dest.target} (${dest.clusters.join(', ')})` : dest.clusters.join(', ');
  if (warnings.risky) {
    const go = await d.ui.confirm({
      message: `Deploy ${what} of ${workflow} to ${where}?`,
      detail: warnings.lines.join('\n'),
      action: 'Deploy',
    });
    if (!go) throw new Dismissed();
  }
  const chosen = dest;
  const result = await d.ui.progress(`Deploying ${workflow} to ${where}`, (signal) =>
    need(
      d.cli.run(deployRelease({ workflow, release, ...(chosen.target ? { target: chosen.target } : { clusters: chosen.clusters }) }), {
        cwd: project?.dir,
        signal,
      }),
      `Deploying ${workflow}`,
    ),
  );
  d.refresh.pollAfterAction('workflows');
  d.refresh.pollAfterAction('clusters');
  const reached = result.clusters.length > 0 ? result.clusters : dest.clusters;
  const first = reached[0];
  const deployed = result.releaseId ? `release ${shortId(result.releaseId)}` : what;
  return outcome(`Deployed ${deployed} of ${workflow} to ${reached.join(', ')}.`, [
    { title: 'Submit Job…', command: 'tilebox.job.submit', args: [{ clusterSlug: first, workflowSlug: workflow }] },
    { title: 'Start Runner', command: 'tilebox.runner.start', args: [first] },
  ]);
}

export async function undeployFlow(d: DeployDeps, arg?: unknown): Promise<Outcome> {
  const ref = releaseFrom(arg);
  const project = await projectFor(d.projects, arg, 'Undeploy which project?');
  const workflow = ref?.workflowSlug ?? workflowFrom(arg) ?? project?.slug;
  if (!workflow) throw new Problem('Cannot tell which workflow to undeploy: the project has no [workflow].slug.');
  const clusters = await listClusters(d);
  const deployedOn = (c: Cluster) => c.deployments.find((x) => x.workflowSlug === workflow && (!ref || x.release.id === ref.id));
  const candidates = clusters.filter(deployedOn);
  if (candidates.length === 0)
    throw new Problem(`${workflow} is not deployed on any cluster${ref ? ` as release ${shortId(ref.id)}` : ''}.`);
  const preset = clusterFrom(arg);
  let chosen = candidates;
  if (preset && candidates.some((c) => c.slug === preset)) chosen = candidates.filter((c) => c.slug === preset);
  else if (candidates.length > 1) {
    // Nothing is undeployed by just pressing Enter: only the project's own target comes pre-selected.
    const target = new Set(project?.targets[0]?.clusters ?? []);
    chosen = answered(
      await d.ui.pickMany(
        `Undeploy ${workflow} from`,
        candidates.map((c) => ({ ...clusterItem(c), picked: target.has(c.slug) })),
      ),
    );
    if (chosen.length === 0) throw new Dismissed();
  }
  const slugs = chosen.map((c) => c.slug);
  // Each cluster by name, before anything happens.
  const lines = [
    ...chosen.map(
      (c) =>
        `• ${c.displayName && c.displayName !== c.slug ? `${c.displayName} (${c.slug})` : c.slug}: release ${shortId(deployedOn(c)!.release.id)}`,
    ),
    `Runners there stop taking ${workflow}'s tasks; queued jobs wait until a release is deployed again.`,
  ];
  const prod = slugs.filter(suggestsProduction);
  if (prod.length > 0) lines.unshift(`Production: ${prod.join(', ')} looks like a production environment.`);
  const go = await d.ui.confirm({
    message: `Undeploy ${workflow} from ${slugs.join(', ')}?`,
    detail: lines.join('\n'),
    action: 'Undeploy',
  });
  if (!go) throw new Dismissed();
  // One call per deployed release: the CLI takes one --release (or --latest) per call.
  const byRelease = new Map<string, string[]>();
  for (const c of chosen) byRelease.set(deployedOn(c)!.release.id, [...(byRelease.get(deployedOn(c)!.release.id) ?? []), c.slug]);
  for (const [release, on] of byRelease) {
    await withProgress(d, `Undeploying ${workflow} from ${on.join(', ')}`, (signal) =>
      d.cli.run(undeployRelease({ workflow, release, clusters: on }), { cwd: project?.dir, signal }),
    );
  }
  d.refresh.pollAfterAction('workflows');
  d.refresh.pollAfterAction('clusters');
  return outcome(`Undeployed ${workflow} from ${slugs.join(', ')}.`);
}
