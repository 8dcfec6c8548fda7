// Files changed on disk (workspace/didChangeWatchedFiles): which configs must be re-checked.
// A config is affected by anything below its folder, and by `.gitignore` files above it
// (git applies parent folders' ignore files too).
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { ChangeKind, ProjectIndex } from '../artifact/projectIndex';
import type { ConfigStore } from './configStore';
import { isConfigPath, isInside, isNoisyPath, uriToPath } from './paths';
import type { RunnerCandidates } from './runnerCandidates';
import type { ValidationScheduler } from './validationScheduler';

/** File events come in bursts (git checkout, uv sync): wait for quiet before re-checking. */
export const FILE_DEBOUNCE_MS = 300;

const CHANGE_KINDS: Record<number, ChangeKind> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** The folder an ignore file governs (`.gitignore`: its own; `.git/info/exclude`: the repository's). */
function ignoreScope(fsPath: string): string | undefined {
  if (path.basename(fsPath) === '.gitignore') return path.dirname(fsPath);
  if (fsPath.split(path.sep).join('/').endsWith('/.git/info/exclude')) return path.resolve(fsPath, '../../..');
  return undefined;
}

export function handleFileEvents(
  changes: FileEvent[],
  store: ConfigStore,
  scheduler: ValidationScheduler,
  candidates: RunnerCandidates,
  index: ProjectIndex,
): void {
  const affected = new Set<string>();
  for (const change of changes) {
    const fsPath = uriToPath(change.uri);
    if (!fsPath) continue;
    // Every event reaches the index (noise too: an include may reach into .venv); only the re-checks are filtered.
    index.changed(fsPath, CHANGE_KINDS[change.type] ?? 'changed');
    const scope = ignoreScope(fsPath);
    if (scope === undefined && isNoisyPath(fsPath)) continue;
    // An open config's truth is the editor buffer; saving it needs no second check.
    if (isConfigPath(fsPath) && store.isOpen(fsPath) && change.type === FileChangeType.Changed) continue;
    candidates.changed(fsPath);
    if (isConfigPath(fsPath)) affected.add(fsPath);
    for (const state of scheduler.configs()) {
      const dir = path.dirname(state.path);
      const below = isInside(dir, fsPath) || isInside(fsPath, dir); // a deleted parent folder too
      if (below || (scope !== undefined && isInside(scope, dir))) affected.add(state.path);
    }
  }
  for (const configPath of affected) scheduler.touch(configPath, FILE_DEBOUNCE_MS);
}
