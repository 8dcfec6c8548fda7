// How fast V8 lets the heap grow between full collections, once the server holds its projects. Until the first
// preview is complete the default stands (the heap grows fast, so the first walk is not slowed by collections).
// After that it grows by a fifth, not by V8's factor of up to 4: every re-selection of a big project leaves lists of
// file objects big enough for V8's large-object space, which only a full collection frees. bench:lsp at 100,000
// files, three runs each in one hour: peak RSS 216-234 MB so, 249-258 MB with V8's default (goal 250 MB); the file
// event p95 moved by less than the runs' spread (366-383 ms against 361-377 ms).
import { setFlagsFromString } from 'node:v8';

let tightened = false;

export function tightenHeapGrowth(): void {
  if (tightened) return;
  tightened = true;
  setFlagsFromString('--heap-growing-percent=20');
}
