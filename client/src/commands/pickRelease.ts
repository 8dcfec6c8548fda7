// Picking a release of a workflow: the list newest first, and a release as a pick item.
import { workflowGet } from '../cliAdapter/calls';
import type { Release } from '../cliAdapter/types';
import { shortId } from '../cliAdapter/validate';
import { age } from '../views/model/format';
import { need, Problem, type FlowDeps } from './flow';
import type { PickItem } from './ui';

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
