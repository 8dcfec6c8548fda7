// The rules of one debug runner per project, apart from the editor's session API: when a Debug Task reuses the
// running runner or restarts it, what a second start is told, and what the user hears when a session ends. Pure.

export interface RunningMode {
  noDebug: boolean;
  stopOnTaskException: boolean;
}

/**
 * A running runner serves a request in the same mode; one that stops on task exceptions also serves Debug Task (a
 * stop on an uncaught exception is what the user asked for there too). Anything else restarts it: two runners on
 * one cluster would compete for the same tasks.
 */
export function reuseOrRestart(
  running: RunningMode | undefined,
  wanted: { noDebug: boolean; stopOnTaskException?: boolean },
): 'start' | 'reuse' | 'restart' {
  if (!running) return 'start';
  return running.noDebug === wanted.noDebug && (running.stopOnTaskException || !wanted.stopOnTaskException) ? 'reuse' : 'restart';
}

/** A second session for a project whose runner runs (F5 twice, or F5 next to Debug Task). */
export function alreadyRunningMessage(label: string, cluster: string | undefined): string {
  return `A Tilebox debug runner for ${label} is already running${cluster ? ` on ${cluster}` : ''}: two would compete for the same tasks.`;
}

export interface SessionEnd {
  label: string;
  /** The user pressed Stop (or Disconnect). */
  stopRequested: boolean;
  /** The runner printed its READY line, so it was polling. */
  polled: boolean;
  exitCode: number | undefined;
  /** The runner's last output (stdout and stderr). */
  output: string;
}

/** What to say when a debug runner's session ends; undefined when nothing went wrong (a Stop, or a clean exit). */
export function endMessage(e: SessionEnd): string | undefined {
  if (e.stopRequested || (e.polled && !e.exitCode)) return undefined;
  const when = e.polled ? 'stopped' : 'stopped before it polled';
  const code = e.exitCode === undefined ? '' : ` (exit code ${e.exitCode})`;
  const last = e.output.trim().split('\n').pop()?.trim();
  return `The Tilebox debug runner of ${e.label} ${when}${code}${last ? `: ${last}` : ''}. The traceback is in the Debug Console.`;
}
