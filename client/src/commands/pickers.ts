// Quick picks a command uses when it was started without a node: project and job (cluster and release pickers
// have files of their own).
import { jobList } from '../cliAdapter/calls';
import type { Job, JobState } from '../cliAdapter/types';
import type { Project, ProjectRegistry } from '../services';
import { age } from '../views/model/format';
import { STATE_LABEL } from '../views/model/stateIcons';
import { answered, need, Problem, type FlowDeps } from './flow';
import { projectDirFrom, releaseFrom, workflowFrom } from './nodeArgs';

// The debugger and the runners import the cluster pickers from here.
export { listClusters, pickCluster } from './pickCluster';

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
