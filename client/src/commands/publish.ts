// tilebox.release.build / tilebox.release.publish: run the CLI in the project folder under a
// cancellable progress notification; publishing ends with "Deploy…" and "Copy ID".
import { formatBytes } from '@shared';
import type { ArtifactSize } from '../artifact/loadedTasks';
import type { Project, ProjectRegistry, RefreshManager } from '../services';
import { buildRelease, publishRelease } from '../cliAdapter/calls';
import { need, type FlowDeps } from './flow';
import { pickProject } from './pickers';
import { outcome, type Outcome } from './ui';
import { shortId } from '../cliAdapter/validate';

export interface ReleaseDeps extends FlowDeps {
  projects: Pick<ProjectRegistry, 'pick'>;
  refresh: Pick<RefreshManager, 'pollAfterAction'>;
  /** What the project's live preview puts in the artifact, when it is loaded. */
  artifactSize?: (project: Project) => ArtifactSize | undefined;
}

const name = (p: Project) => p.slug ?? p.label;

/**
 * The progress title: the CLI reports nothing while it builds, so the size of what goes in (the live preview's count)
 * tells how long to expect.
 */
function progressTitle(d: ReleaseDeps, verb: string, p: Project): string {
  const size = d.artifactSize?.(p);
  const what = size ? ` (${size.files.toLocaleString('en-US')} file${size.files === 1 ? '' : 's'}, ${formatBytes(size.bytes)})` : '';
  return `${verb} release of ${name(p)}${what}`;
}

export async function buildFlow(d: ReleaseDeps, project?: Project): Promise<Outcome> {
  const p = project ?? (await pickProject(d.projects, 'Build a release of which project?'));
  const built = await d.ui.progress(progressTitle(d, 'Building', p), (signal) =>
    need(d.cli.run(buildRelease(p.dir), { cwd: p.dir, signal }), `Building release of ${name(p)}`),
  );
  const tasks = built.tasks.map((t) => `${t.name}@${t.version}`).join(', ') || 'none';
  // The CLI's file tree lists folders too (`pkg/`); the Artifact view and the [build] lens count files only.
  const files = built.files.filter((f) => !f.endsWith('/')).length;
  return outcome(
    `Built ${name(p)}: ${files} file${files === 1 ? '' : 's'}, tasks: ${tasks}${built.fingerprint ? ` (fingerprint ${built.fingerprint.slice(0, 12)})` : ''}.`,
    [{ title: 'Publish…', command: 'tilebox.release.publish', args: [{ projectDir: p.dir }] }],
  );
}

export async function publishFlow(d: ReleaseDeps, project?: Project): Promise<Outcome> {
  const p = project ?? (await pickProject(d.projects, 'Publish a release of which project?'));
  const published = await d.ui.progress(progressTitle(d, 'Publishing', p), (signal) =>
    need(d.cli.run(publishRelease(p.dir), { cwd: p.dir, signal }), `Publishing release of ${name(p)}`),
  );
  d.refresh.pollAfterAction('workflows');
  const id = published.releaseId;
  const tasks = published.tasks.map((t) => `${t.name}@${t.version}`).join(', ');
  return outcome(
    `${publishedHeadline(published.message)} release ${shortId(id)} of ${name(p)}${tasks ? ` (${tasks})` : ''}.${publishedNote(published.message)}`,
    [
      { title: 'Deploy…', command: 'tilebox.release.deploy', args: [{ releaseId: id, workflowSlug: p.slug, projectDir: p.dir }] },
      { title: 'Copy ID', command: 'tilebox.release.copyId', args: [id] },
    ],
  );
}

/** The meaning of publish's `message` is undocumented (contract [INFER]); a reused release reads "release already exists". */
const ALREADY = /already (exists|published)|unchanged|reused/i;

function publishedHeadline(message: string | undefined): string {
  return message && ALREADY.test(message) ? 'Already published:' : 'Published';
}

/** The CLI's message only when it says more than the headline does. */
function publishedNote(message: string | undefined): string {
  if (!message || ALREADY.test(message) || /^(release )?(published|created)\.?$/i.test(message.trim())) return '';
  return ` ${message}`;
}
