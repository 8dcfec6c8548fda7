// What one Python module declares, read from that file alone (the unit the project index caches by
// path, size and mtime). Plain JSON data: no parser objects survive the analysis.

/** 0-based, as LSP ranges are. */
export interface Span {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** The few expression forms static discovery can reason about; everything else is `other`. */
export type Expr = { span: Span; text: string } & (
  | { kind: 'str'; value: string }
  /** An f-string: literal pieces and `{name}` replacements; `computed` when a replacement has a format spec or is not a name. */
  | { kind: 'fstr'; parts: (string | Expr)[]; computed?: boolean }
  /** A (dotted) name: `x`, `tw.Task`. */
  | { kind: 'name'; dotted: string }
  | { kind: 'concat'; parts: Expr[] }
  | { kind: 'tuple' | 'list'; items: Expr[] }
  | { kind: 'star'; of: Expr }
  | { kind: 'call'; callee?: string; args: Expr[]; keywords: Record<string, Expr> }
  | { kind: 'number' | 'none' | 'bool' | 'other' }
);

export interface ImportFact {
  /** The name the import binds here (`tw` in `import tilebox.workflows as tw`, `*` for a star import). */
  local: string;
  /** The module as written, without leading dots. */
  module: string;
  /** Leading dots of a relative import (0 for absolute). */
  level: number;
  /** The imported name for `from m import name`; undefined for `import m`. */
  name?: string;
  line: number;
}

export interface BindingFact {
  name: string;
  value: Expr;
  /** 0-based line of the assignment. */
  line: number;
  nameSpan: Span;
}

export interface FieldFact {
  name: string;
  type: string;
  default?: string;
  span: Span;
}

export interface SubtaskFact {
  /** The constructor as written (`ChildTask`, `tasks.ChildTask`). */
  callee: string;
  /** The constructor call `X(...)`. */
  span: Span;
  /** `depends_on`, `cluster`, `max_retries`, `optional` of the submit call, as written. */
  options: Record<string, string>;
}

export interface ClassFact {
  name: string;
  nameSpan: Span;
  /** Positional bases (keyword arguments such as `metaclass=` left out). */
  bases: Expr[];
  /** Annotated class attributes that are dataclass fields (not ClassVar/InitVar, not skip_serialization). */
  fields: FieldFact[];
  /** The class body itself defines `execute` (what the SDK calls executable). */
  hasExecute: boolean;
  identifier?: {
    nameSpan: Span;
    /** Parameters without a default, minus `cls` for a classmethod. */
    requiredParams: number;
    /** The expression of the first `return` (nested functions skipped). */
    returned?: Expr;
  };
  subtasks: SubtaskFact[];
}

/** `runner.register(X)` at module level. */
export interface RegistrationFact {
  target: string;
  arg: Expr;
}

export interface ModuleFacts {
  file: string;
  /** The names it is imported by (`a.b` for `a/b.py`, also without a leading `src.`). */
  names: string[];
  /**
   * Set when the prefilter found that the file cannot declare a task, a Runner or a subtask: its
   * top-level imports and assignments only (other lines blanked), parsed on first use, when another
   * module imports a name from it. Everything else is then empty.
   */
  deferred?: string;
  /** The parse recovered from syntax errors (the facts may be partial). */
  syntaxErrors: boolean;
  imports: ImportFact[];
  /** Module-level assignments, in source order. */
  bindings: BindingFact[];
  classes: ClassFact[];
  registrations: RegistrationFact[];
  /** Top-level import lines end here (0-based line after the last one), where an added import goes. */
  importsEnd: number;
}
