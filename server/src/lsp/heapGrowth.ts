// How the server's heap grows, and when it is collected, once the server holds its projects. Until the first preview
// is complete V8's defaults stand (the heap grows fast, so the first walk is not slowed by collections).
// - Growth: by a fifth between full collections, not by V8's factor of up to 4. Every re-selection of a big project
//   leaves lists of file objects big enough for V8's large-object space, which only a full collection frees.
//   bench:lsp at 100,000 files, three runs each in one hour: peak RSS 216-234 MB so, 249-258 MB with V8's default
//   (goal 250 MB).
// - Timing: a file event is followed by a 300 ms debounce in which the server does nothing. When the old generation
//   has grown by a tenth since the last full collection, one starts then, marking alongside while the wait runs,
//   instead of falling in the middle of the work that follows (at 100,000 files each re-selection leaves ~4 MB). Not
//   after a keystroke: its 150 ms wait is too short, and the collection spilled into the edit's work (20,000 files:
//   include edit p95 41-51 ms, against 31-36 ms without). bench:lsp, A/B at 100,000 files: file event p95 357-377 ms
//   against 386-408 ms without, peak RSS 207-211 against 220-226 MB.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { exposedGc } from '../exposedGc';

let tightened = false;
/** The old generation's size after the last full collection seen (ours, or V8's when it shrank below this). */
let baseline: number | undefined;
let collecting = false;

/** Old generation, large objects included: what a full collection frees. */
function oldGeneration(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'old_space' || space.space_name === 'large_object_space') used += space.space_used_size;
  }
  return used;
}

export function tightenHeapGrowth(): void {
  if (tightened) return;
  tightened = true;
  setFlagsFromString('--heap-growing-percent=20');
  baseline = oldGeneration();
}

/** A file event's debounce wait began: the moment for a full collection, if one is due. */
export function collectWhileWaiting(): void {
  if (!tightened || collecting || baseline === undefined) return;
  const used = oldGeneration();
  baseline = Math.min(baseline, used);
  if (used - baseline < baseline / 10) return;
  const started = exposedGc()?.({ type: 'major', execution: 'async' });
  if (!started) return;
  collecting = true;
  started.then(
    () => {
      collecting = false;
      baseline = oldGeneration();
    },
    () => {
      collecting = false;
    },
  );
}
