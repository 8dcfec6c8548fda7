// Lets what the server just wrote to its client leave before more heavy work. The first preview of 100,000 files is
// a ~5 MB answer; a pipe takes 64 KB of it per turn of the event loop, and the Python files read right after it kept
// each turn busy, so the answer took ~150 ms to arrive. Between batches of reads the server now waits for stdout to
// drain when a write has filled it. Over node-ipc (VS Code's transport) the backlog is not visible: one turn, as before.

/** A client that stopped reading must not stall the server: past this, the work goes on. */
const MAX_WAIT_MS = 1000;

/** `stdout`: the server's (tests give their own stream). */
export async function outputSent(stdout: NodeJS.WritableStream & { writableNeedDrain: boolean } = process.stdout): Promise<void> {
  if (!stdout.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stdout.off('drain', done);
      resolve();
    };
    const timer = setTimeout(done, MAX_WAIT_MS);
    stdout.once('drain', done);
  });
}
