// The retry check on identifier changes: the code declares a task version that the failed jobs of a deployed
// release could not be retried on once this code replaces that release (the shared rule: same name, same major
// version, minor at least the submitted one). Information only: nothing is wrong until someone deploys, and then
// only for jobs that failed. Needs the client's deployment data; without it there is no such check.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DeployedRelease } from '../../shared/protocol';
import { shortId } from '../../shared/shortId';
import { isCompatible, parseTaskVersion, type TaskIdentifier } from '../../shared/taskVersion';
import type { StaticTask } from './types';

/** One diagnostic per task whose declared identifier strands a deployed release's failed jobs. */
export function retryDiagnostics(
  tasks: readonly StaticTask[],
  workflowSlug: string | undefined,
  releases: readonly DeployedRelease[] | undefined,
): { file: string; diagnostic: Diagnostic }[] {
  if (!workflowSlug || !releases) return [];
  const declared = tasks.filter((t) => !t.unresolved && parseTaskVersion(t.version));
  const ours = releases.filter((r) => r.workflowSlug === workflowSlug);
  return declared.flatMap((task) => {
    // By release: the same release on two clusters is one release.
    const stranded = new Map<string, { deployed: TaskIdentifier; clusters: string[] }>();
    for (const release of ours) {
      for (const deployed of release.tasks) {
        if (deployed.name !== task.name || !parseTaskVersion(deployed.version)) continue;
        // Any task of the code that can run what the release runs keeps its failed jobs retryable (an old version kept registered).
        if (declared.some((t) => isCompatible(deployed, t))) continue;
        const key = `${release.releaseId}\u0000${deployed.version}`;
        const known = stranded.get(key) ?? { deployed, clusters: [] };
        if (!known.clusters.includes(release.cluster)) known.clusters.push(release.cluster);
        stranded.set(key, known);
      }
    }
    if (stranded.size === 0) return [];
    const at = task.identifierAt ?? { file: task.file, span: task.nameSpan };
    const diagnostic: Diagnostic = {
      range: {
        start: { line: at.span.line, character: at.span.character },
        end: { line: at.span.endLine, character: at.span.endCharacter },
      },
      severity: DiagnosticSeverity.Information,
      code: 'task-retry-incompatible',
      source: 'tilebox',
      message: message(
        task,
        [...stranded].map(([key, s]) => ({ releaseId: key.split('\u0000')[0], ...s })),
      ),
    };
    return [{ file: at.file, diagnostic }];
  });
}

function message(task: StaticTask, stranded: { releaseId: string; deployed: TaskIdentifier; clusters: string[] }[]): string {
  const one = stranded.length === 1;
  const where = stranded.map((s) => `${shortId(s.releaseId)} on ${s.clusters.join(', ')}${one ? '' : ` (${s.deployed.version})`}`);
  const versions = [...new Set(stranded.map((s) => s.deployed.version))];
  const runs = one ? `runs ${task.name} ${stranded[0].deployed.version}` : `run ${task.name}`;
  const needs = versions.map((v) => `${v} or a later v${parseTaskVersion(v)!.major}.x`).join(', ');
  return (
    `Deployed release${one ? '' : 's'} ${where.join(' and ')} ${runs}; this code declares ${task.version}. ` +
    `Once it is deployed there, failed jobs of ${one ? 'that release' : 'those releases'} cannot be retried: ` +
    `a retry needs a registered task with the same name and major version and no lower minor version (${needs}). ` +
    'Keep such a task registered, or submit new jobs.'
  );
}
