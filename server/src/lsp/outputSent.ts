// Lets what the server just wrote to its client leave before more heavy work. The first preview of 100,000 files is
// a ~5 MB answer; a pipe takes 64 KB of it per turn of the event loop, and the Python files read right after it kept
// each turn busy, so the answer took ~150 ms to arrive. Between batches of reads the server now waits while a message
// is still leaving: over stdio until stdout drains, over node-ipc (VS Code's transport) until Node reports every sent
// message written (`countIpcSends` wraps `process.send` to know).

/** A client that stopped reading must not stall the server: past this the work goes on, and waits no more. */
const MAX_WAIT_MS = 1000;

type Send = (message: unknown, ...rest: unknown[]) => boolean;

let ipcSending = 0;
const ipcIdle = new Set<() => void>();

/** From now on, counts the messages `proc.send` is still writing (node-ipc). */
export function countIpcSends(proc: { send?: Send }): void {
  const send = proc.send?.bind(proc);
  if (!send) return;
  proc.send = (message, ...rest) => {
    const callback = typeof rest[rest.length - 1] === 'function' ? (rest.pop() as (error: Error | null) => void) : undefined;
    ipcSending++;
    // Node calls back once the message is written (or failed); a send that throws never will.
    const written = (error: Error | null) => {
      if (--ipcSending === 0) for (const resolve of ipcIdle) resolve();
      callback?.(error);
    };
    try {
      return send(message, ...rest, written);
    } catch (error) {
      ipcSending--;
      throw error;
    }
  };
}

/** A wait ran out with the backlog still there: later calls do not wait again until it has cleared once. */
let gaveUp = false;

/** `stdout`: the server's (tests give their own stream). */
export async function outputSent(stdout: NodeJS.WritableStream & { writableNeedDrain: boolean } = process.stdout): Promise<void> {
  const backlog = stdout.writableNeedDrain || ipcSending > 0;
  if (!backlog) gaveUp = false;
  if (!backlog || gaveUp) return new Promise((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => {
    const done = (timedOut?: boolean) => {
      gaveUp = timedOut === true;
      clearTimeout(timer);
      stdout.off('drain', done);
      ipcIdle.delete(done);
      resolve();
    };
    const timer = setTimeout(() => done(true), MAX_WAIT_MS);
    if (stdout.writableNeedDrain) stdout.once('drain', done);
    else ipcIdle.add(done);
  });
}
