// The shape of a CLI call and every way one can end: what the runner executes and what the UI maps to one
// message with one action. Pure: no `vscode` import.

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Every way a CLI call can end. The UI maps each non-ok kind to one message with one action. */
export type CliResult<T> =
  | { kind: 'ok'; value: T; warnings: string[] }
  | { kind: 'not-found'; searched: string[] }
  | { kind: 'not-authenticated'; stderr: string }
  | { kind: 'exited'; exitCode: number; stderr: string }
  | { kind: 'unparsable'; detail: string; stdout: string }
  | { kind: 'timed-out'; timeoutMs: number }
  | { kind: 'cancelled' };

/** What a parser returns: a value (with notes on missing optional fields) or why the output is unusable. */
export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; detail: string };

/** A CLI call as data: the arguments (without the binary, `--json` included) and how to read stdout. */
export interface CliCall<T> {
  args: string[];
  parse(stdout: string): Parsed<T>;
  /** Reads may be shared between identical concurrent calls; writes never are. */
  kind: 'read' | 'write';
  /** Overrides the runner's default timeout (publish and build take longer). */
  timeoutMs?: number;
}

/** Where the CLI binary is, or every place that was looked at. */
export type LocateResult = { path: string } | { searched: string[] };

/** A failed CliResult: every kind except `ok`. */
export type CliFailure = Exclude<CliResult<unknown>, { kind: 'ok' }>;
