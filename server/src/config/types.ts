// The typed shape of a `tilebox.workflow.toml`, shared by the validator (which produces it)
// and the artifact engine (which consumes it). Pure: no `vscode` import.
import type { Diagnostic, Range } from 'vscode-languageserver-types';

/** A value read from the file together with where it is written. */
export interface Located<T> {
  value: T;
  /** Range of the value itself (for a string: including its quotes). */
  range: Range;
  /** Range of the key that holds the value, when there is one (array items have none). */
  keyRange?: Range;
}

export interface TargetConfig {
  name: Located<string>;
  clusters: Located<string>[];
}

/**
 * What the validator could read. Present whenever the TOML parsed, even if later stages
 * reported errors: fields that were missing or of the wrong type are left undefined/empty.
 */
export interface WorkflowConfig {
  slug?: Located<string>;
  /** `[workflow].root`; undefined means the documented default ".". */
  root?: Located<string>;
  runner?: Located<string>;
  command?: Located<string[]>;
  include: Located<string>[];
  exclude: Located<string>[];
  /** Default true, as documented. */
  useGitignore: boolean;
  targets: TargetConfig[];
  /** Ranges of the table headers (`[workflow]`, `[build]`), for diagnostics on a missing key. */
  headers: { workflow?: Range; build?: Range };
}

/**
 * Facts about the files next to the config, for the last validation stage. Paths are POSIX
 * and relative to the directory holding `tilebox.workflow.toml`. The server and the headless
 * CLI implement it on the real file system; tests use an in-memory one.
 */
export interface FileFacts {
  isDirectory(relPath: string): boolean;
  isFile(relPath: string): boolean;
  /** True when the include pattern (relative to `root`) matches at least one file under `root`. */
  includeMatches(root: string, pattern: string): boolean;
  /** Where the path leads once symbolic links are followed, relative to the config folder's own
   *  real path: starts with `..` (or is absolute) when it leads outside. Undefined when missing. */
  realPath(relPath: string): string | undefined;
}

export interface ValidationResult {
  config?: WorkflowConfig;
  diagnostics: Diagnostic[];
}

/** Plain values the artifact engine needs, derived from a WorkflowConfig. */
export interface SelectionConfig {
  slug: string;
  root: string;
  include: string[];
  exclude: string[];
  useGitignore: boolean;
}
