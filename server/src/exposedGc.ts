// V8's `gc()`, exposed at run time for the processes that pick their moment to collect (the build between frames,
// the language server while a debounce waits). Undefined when V8 refuses: those callers then leave it to V8.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()` collects at once; `gc({ type: 'major', execution: 'async' })` starts a full collection that marks alongside. */
export type Gc = ((options?: { type: 'major' | 'minor'; execution: 'sync' | 'async' }) => Promise<void> | undefined) & (() => void);

let exposed: Gc | undefined | null = null;

export function exposedGc(): Gc | undefined {
  if (exposed !== null) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    exposed = runInNewContext('gc') as Gc;
  } catch {
    exposed = undefined;
  }
  return exposed;
}
