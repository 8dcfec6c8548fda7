// tilebox.release.copyId: from a release node, a next step, or a pick among the project's releases.
import type { ProjectRegistry } from '../services';
import { workflowGet } from '../tilebox/calls';
import { answered, need, Problem, type FlowDeps } from './flow';
import { releaseFrom } from './nodeArgs';
import { pickProject } from './pickers';
import { outcome, type Outcome } from './ui';

export async function copyReleaseIdFlow(d: FlowDeps & { projects: Pick<ProjectRegistry, 'pick'> }, arg?: unknown): Promise<Outcome> {
  let id = releaseFrom(arg)?.id;
  if (!id) {
    const p = await pickProject(d.projects, 'Copy a release ID of which project?');
    if (!p.slug) throw new Problem(`${p.label}: tilebox.workflow.toml has no [workflow].slug.`);
    const wf = await need(d.cli.run(workflowGet(p.slug), { cwd: p.dir, signal: d.signal }), `Reading workflow ${p.slug}`);
    if (wf.releases.length === 0) throw new Problem(`${p.slug} has no published release yet.`);
    id = answered(
      await d.ui.pick(
        `Releases of ${p.slug}`,
        wf.releases.map((r) => ({
          label: r.id.slice(0, 8),
          description: [r.createdAt, r.clusters.length ? `deployed on ${r.clusters.join(', ')}` : ''].filter(Boolean).join(' · '),
          detail: r.tasks.map((t) => `${t.name}@${t.version}`).join(', '),
          value: r.id,
        })),
      ),
    );
  }
  await d.ui.copy(id);
  return outcome(`Copied release ID ${id}.`);
}
