// What static task discovery finds in a set of Python files. Pure data, no `vscode`.
import type { Diagnostic } from 'vscode-languageserver-types';

export interface StaticTask {
  /** Task name as the runtime would register it (from `identifier()`, else the class name). */
  name: string;
  version: string;
  /** The path as given to `discoverTasks` (the preview passes POSIX paths relative to the artifact root). */
  file: string;
  /** 1-based line of the `class` statement. */
  line: number;
  className: string;
  /** Set when `identifier()` returns something that cannot be read without running Python. */
  unresolved?: boolean;
}

export interface StaticRunner {
  file: string;
  /** 1-based line of the assignment. */
  line: number;
  /** The module-level variable that holds the Runner (`runner` in `runner = Runner(...)`). */
  variable: string;
  /** Class names listed in `tasks=[...]` (last segment of a dotted name) and later `.register(X)` calls. */
  taskClassNames: string[];
}

export interface Discovery {
  /** Always true: found by reading the source, not by running it (best effort). */
  static: true;
  tasks: StaticTask[];
  runners: StaticRunner[];
  diagnostics: { file: string; diagnostic: Diagnostic }[];
}

export interface PythonSource {
  path: string;
  text: string;
}
