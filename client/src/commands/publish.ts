// tilebox.release.build / tilebox.release.publish: run the CLI in the project folder under a
// cancellable progress notification; publishing ends with "Deploy…" and "Copy ID".
import type { Project, ProjectRegistry, RefreshManager } from '../services';
import { buildRelease, publishRelease } from '../cliAdapter/calls';
import { need, type FlowDeps } from './flow';
import { pickProject } from './pickers';
import { outcome, type Outcome } from './ui';
import { shortId } from '../cliAdapter/validate';

export interface ReleaseDeps extends FlowDeps {
  projects: Pick<ProjectRegistry, 'pick'>;
  refresh: Pick<RefreshManager, 'pollAfterAction'>;
}

const name = (p: Project) => p.slug ?? p.label;

export async function buildFlow(d: ReleaseDeps, project?: Project): Promise<Outcome> {
  const p = project ?? (await pickProject(d.projects, 'Build a release of which project?'));
  const built = await d.ui.progress(`Building release of ${name(p)}`, (signal) =>
    need(d.cli.run(buildRelease(p.dir), { cwd: p.dir, signal }), `Building release of ${name(p)}`),
  );
  const tasks = built.tasks.map((t) => `${t.name}@${t.version}`).join(', ') || 'none';
  return outcome(
    `Built ${name(p)}: ${built.files.length} files, tasks: ${tasks}${built.fingerprint ? ` (fingerprint ${built.fingerprint.slice(0, 12)})` : ''}.`,
    [{ title: 'Publish…', command: 'tilebox.release.publish', args: [{ projectDir: p.dir }] }],
  );
}

export async function publishFlow(d: ReleaseDeps, project?: Project): Promise<Outcome> {
  const p = project ?? (await pickProject(d.projects, 'Publish a release of which project?'));
  const published = await d.ui.progress(`Publishing release of ${name(p)}`, (signal) =>
    need(d.cli.run(publishRelease(p.dir), { cwd: p.dir, signal }), `Publishing release of ${name(p)}`),
  );
  d.refresh.pollAfterAction('workflows');
  const id = published.releaseId;
  const tasks = published.tasks.map((t) => `${t.name}@${t.version}`).join(', ');
  const note = published.message ? ` ${published.message}` : '';
  return outcome(`Published release ${shortId(id)} of ${name(p)}${tasks ? ` (${tasks})` : ''}.${note}`, [
    { title: 'Deploy…', command: 'tilebox.release.deploy', args: [{ releaseId: id, workflowSlug: p.slug, projectDir: p.dir }] },
    { title: 'Copy ID', command: 'tilebox.release.copyId', args: [id] },
  ]);
}
