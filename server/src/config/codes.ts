// Every diagnostic code the config validator emits, with the one-line description shown in
// completion of `# tilebox: ignore <code>` and in the docs. Codes are stable: settings and
// ignore comments in users' files refer to them.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';

export const DIAGNOSTIC_CODES = [
  { code: 'toml-syntax', description: 'The file is not valid TOML (unterminated string, duplicate key, missing `=`, ...).' },
  { code: 'unknown-table', description: 'A table other than [workflow], [build] or [targets.<name>].' },
  { code: 'unknown-key', description: 'A key the table does not have; config loading fails on unknown keys.' },
  { code: 'table-array-not-allowed', description: 'A [[double-bracket]] array of tables; this file uses plain [tables].' },
  { code: 'wrong-type', description: 'A value of the wrong type (for example a number where a string is expected).' },
  { code: 'missing-workflow-table', description: 'The required [workflow] table is missing.' },
  { code: 'missing-build-table', description: 'The required [build] table is missing.' },
  { code: 'missing-slug', description: '[workflow] has no slug.' },
  { code: 'missing-runner', description: '[workflow] has neither runner nor command.' },
  { code: 'missing-include', description: '[build] has no include.' },
  { code: 'runner-and-command', description: '[workflow] sets both runner and command; keep one.' },
  { code: 'include-empty', description: 'build.include is an empty array; it needs at least one pattern.' },
  { code: 'command-empty', description: 'workflow.command is an empty array.' },
  { code: 'command-empty-argument', description: 'workflow.command contains an empty string.' },
  { code: 'slug-empty', description: 'workflow.slug is an empty string.' },
  { code: 'slug-invalid-characters', description: 'workflow.slug contains characters other than A-Z a-z 0-9 -.' },
  { code: 'slug-too-long', description: 'workflow.slug is longer than 100 characters.' },
  { code: 'slug-placeholder', description: 'workflow.slug looks like a placeholder from a template.' },
  { code: 'runner-invalid', description: "workflow.runner is not '<module>:<object>'." },
  { code: 'root-absolute', description: 'workflow.root is an absolute path.' },
  { code: 'root-outside-project', description: 'workflow.root leaves the directory of tilebox.workflow.toml, or goes through `..`.' },
  { code: 'pattern-absolute', description: 'An include/exclude pattern is an absolute path.' },
  {
    code: 'pattern-outside-root',
    description: 'An include/exclude pattern climbs out of the workflow root with `..` (any `..` segment is refused).',
  },
  { code: 'pattern-empty', description: 'An include/exclude pattern is an empty string.' },
  { code: 'include-sweeps-venv', description: 'An include pattern such as `**` also selects .venv, which is not excluded.' },
  { code: 'cluster-slug-invalid', description: 'A cluster slug is empty, too long, or has characters other than A-Z a-z 0-9 -.' },
  { code: 'clusters-empty', description: 'A target has no clusters.' },
  { code: 'cluster-duplicate', description: 'A target lists the same cluster twice.' },
  { code: 'root-not-found', description: 'workflow.root does not exist.' },
  { code: 'root-not-directory', description: 'workflow.root is a file, not a directory.' },
  { code: 'exclude-names-folder', description: 'An exclude pattern ends with "/"; it matches no file, so the folder is not excluded.' },
  { code: 'include-matches-nothing', description: 'An include pattern matches no file under the workflow root.' },
  { code: 'runner-module-not-found', description: 'The runner module was not found under the workflow root.' },
  { code: 'pyproject-not-included', description: 'pyproject.toml exists but no include pattern selects it.' },
  {
    code: 'unreadable-file',
    description: 'The headless check could not read the file: no permission, not a regular file, or not UTF-8 text.',
  },
  { code: 'uv-lock-not-included', description: 'uv.lock exists but no include pattern selects it.' },
  { code: 'ignore-unknown-code', description: 'A `# tilebox: ignore` comment names a code no check reports, so it silences nothing.' },
] as const satisfies readonly { code: string; description: string }[];

/**
 * Codes reported as errors: the CLI refuses the config (or the build refuses the artifact), so
 * publishing fails whatever the editor shows. An ignore comment would only hide that, so quick
 * fixes never offer "Ignore" for them. test/server/config/codes.test.ts checks this list against
 * the severity each code is reported with.
 */
export const PUBLISH_BLOCKING_CODES: ReadonlySet<string> = new Set([
  'toml-syntax',
  'unknown-table',
  'unknown-key',
  'table-array-not-allowed',
  'wrong-type',
  'missing-workflow-table',
  'missing-build-table',
  'missing-slug',
  'missing-runner',
  'missing-include',
  'runner-and-command',
  'include-empty',
  'command-empty',
  'command-empty-argument',
  'slug-empty',
  'slug-invalid-characters',
  'slug-too-long',
  'runner-invalid',
  'root-absolute',
  'root-outside-project',
  'pattern-absolute',
  'pattern-outside-root',
  'cluster-slug-invalid',
  'root-not-found',
  'root-not-directory',
  'unreadable-file',
  'selection-problem',
  'runner-not-in-artifact',
]);

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]['code'];

export const ERROR = DiagnosticSeverity.Error;
export const WARNING = DiagnosticSeverity.Warning;
export const INFORMATION = DiagnosticSeverity.Information;
export const HINT = DiagnosticSeverity.Hint;

export function diagnostic(code: DiagnosticCode, severity: DiagnosticSeverity, range: Range, message: string, data?: unknown): Diagnostic {
  const d: Diagnostic = { range, severity, code, source: 'tilebox', message };
  if (data !== undefined) d.data = data;
  return d;
}
