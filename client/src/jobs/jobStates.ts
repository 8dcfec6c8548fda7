// Job state facts shared by the watcher, the log follower, the job document, the Jobs view and the job pickers.
import type { JobState } from '../cliAdapter/types';

const TERMINAL: ReadonlySet<JobState> = new Set(['completed', 'failed', 'canceled']);

/** A job in one of these states will not change again on its own (retry starts it anew). */
export const isTerminal = (state: JobState): boolean => TERMINAL.has(state);

/** Jobs whose state still changes by itself: they can be canceled, and views poll faster while one is shown. */
export const ACTIVE_STATES: readonly JobState[] = ['submitted', 'running', 'started'];

/** Jobs a retry starts anew. */
export const RETRYABLE_STATES: readonly JobState[] = ['failed', 'canceled'];
