// Job state facts shared by the watcher, the log follower and the job document.
import type { JobState } from '../tilebox/types';

const TERMINAL: ReadonlySet<JobState> = new Set(['completed', 'failed', 'canceled']);

/** A job in one of these states will not change again on its own (retry starts it anew). */
export const isTerminal = (state: JobState): boolean => TERMINAL.has(state);
