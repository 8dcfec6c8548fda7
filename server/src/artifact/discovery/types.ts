// What static task discovery finds in a set of Python files. Pure data, no `vscode`.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Span } from './facts';

export type { Span } from './facts';

export interface StaticField {
  name: string;
  type: string;
  default?: string;
}

export interface StaticSubtask {
  /** The subtask's class name (the project class it resolves to, else the name as written). */
  class: string;
  /** Where `execute` creates it (`X(...)` inside the submit call): the task's own file. */
  file: string;
  line: number;
  span: Span;
  /** `depends_on`, `cluster`, `max_retries`, `optional` as written, when given. */
  options?: Record<string, string>;
  /** The project task class it creates, `file#Class`, when it resolves to one. */
  target?: string;
}

export interface StaticTask {
  /** Task name as the runtime would register it (from `identifier()`, else the class name). */
  name: string;
  version: string;
  /** The path as given to `discoverTasks` (the preview passes POSIX paths relative to the artifact root). */
  file: string;
  /** 1-based line of the `class` statement. */
  line: number;
  className: string;
  /** Set when `identifier()` returns something only running Python could tell; name/version then show its source. */
  unresolved?: boolean;
  /** `file#Class`, unique per class. */
  key: string;
  nameSpan: Span;
  /** Where `identifier()` is defined (the class itself or the base it inherits it from); undefined: the default one. */
  identifierAt?: { file: string; span: Span };
  hasExecute: boolean;
  /** Input fields in MRO order (annotated, not ClassVar/InitVar, not skip_serialization). */
  fields: StaticField[];
  subtasks: StaticSubtask[];
  /** `module:object` of every Runner that registers it. */
  runners: string[];
}

export interface StaticRunnerItem {
  file: string;
  span: Span;
  target?: string;
}

export interface StaticRunner {
  file: string;
  /** 1-based line of the assignment. */
  line: number;
  /** The module-level variable that holds the Runner (`runner` in `runner = Runner(...)`). */
  variable: string;
  /** Class names it registers (tasks=[...] and later `.register(X)`), in registration order. */
  taskClassNames: string[];
  /** `module:object`, as `[workflow].runner` names it. */
  path: string;
  nameSpan: Span;
  /** Where each registered class is named (in a tasks list, possibly in another file). */
  items: StaticRunnerItem[];
  /** The tasks list is partly computed: what it registers is not known statically. */
  unresolved?: boolean;
}

export interface Discovery {
  /** Always true: found by reading the source, not by running it (best effort). */
  static: true;
  tasks: StaticTask[];
  runners: StaticRunner[];
  diagnostics: { file: string; diagnostic: Diagnostic }[];
  /** The Runner `[workflow].runner = "module:object"` imports: where it is defined or through a re-export. */
  runnerAt(runnerPath: string): StaticRunner | undefined;
}

export interface PythonSource {
  path: string;
  text: string;
}
