// tilebox.release.copyId: from a release node, a next step, or a pick among the project's releases.
import type { ProjectRegistry } from '../services';
import { answered, Problem, type FlowDeps } from './flow';
import { releaseFrom } from './nodeArgs';
import { pickProject } from './pickers';
import { listReleases, releaseItem } from './pickRelease';
import { outcome, type Outcome } from './ui';

export async function copyReleaseIdFlow(d: FlowDeps & { projects: Pick<ProjectRegistry, 'pick'> }, arg?: unknown): Promise<Outcome> {
  let id = releaseFrom(arg)?.id;
  if (!id) {
    const p = await pickProject(d.projects, 'Copy a release ID of which project?');
    if (!p.slug) throw new Problem(`${p.label}: tilebox.workflow.toml has no [workflow].slug.`);
    const releases = await listReleases(d, p.slug, p.dir);
    id = answered(
      await d.ui.pick(
        `Releases of ${p.slug}`,
        releases.map((r) => releaseItem(r)),
      ),
    );
  }
  await d.ui.copy(id);
  return outcome(`Copied release ID ${id}.`);
}
