// `[workflow].runner = "a.b:obj"` is imported on the runner from the unpacked artifact, so the
// module's file must be in the selection. Pure over the selected and excluded paths.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { WorkflowConfig } from '../../config/types';
import { diagnostic } from './warnings';

const RUNNER = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*):[A-Za-z_][A-Za-z0-9_.]*$/;

/** Files that would provide the module: `a/b.py` or `a/b/__init__.py`, also under `src/` (uv installs src layouts). */
export function runnerModuleCandidates(runner: string): string[] | undefined {
  const match = RUNNER.exec(runner);
  if (!match) return undefined;
  const base = match[1].split('.').join('/');
  return [`${base}.py`, `${base}/__init__.py`, `src/${base}.py`, `src/${base}/__init__.py`];
}

export function runnerModuleDiagnostics(
  config: WorkflowConfig,
  selected: { has(path: string): boolean },
  excluded: readonly { path: string; reason: string }[],
): Diagnostic[] {
  const runner = config.runner;
  if (!runner || config.command) return [];
  const candidates = runnerModuleCandidates(runner.value);
  // A malformed runner string is the validator's to report.
  if (!candidates || candidates.some((c) => selected.has(c))) return [];
  const module = runner.value.slice(0, runner.value.indexOf(':'));
  const [file, pkg] = candidates;
  const why = excluded.find((e) => candidates.includes(e.path) || candidates.some((c) => e.path.endsWith('/') && c.startsWith(e.path)));
  const because = why ? ` ${why.path} is excluded by ${why.reason}.` : '';
  const folder = file.includes('/') ? `${file.slice(0, file.indexOf('/'))}/**/*.py` : file;
  return [
    diagnostic(
      'runner-not-in-artifact',
      runner.range,
      DiagnosticSeverity.Error,
      `The runner module ${module} is not in the artifact (neither ${file} nor ${pkg} is selected), so the runner cannot import it.${because} ` +
        `Add it to [build].include, for example "${folder}".`,
      { include: folder },
    ),
  ];
}
