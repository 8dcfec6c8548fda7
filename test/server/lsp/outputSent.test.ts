// outputSent: heavy work after a big answer waits until the answer has left, and a client that stops reading stalls
// the server for a second at most, once.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { countIpcSends, outputSent } from '../../../server/src/lsp/outputSent';

/** A pipe whose reader takes what was written only when `read()` is called. */
function slowPipe() {
  const waiting: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk, _encoding, done) {
      waiting.push(done);
    },
  });
  const read = () => {
    const drainAll = () => {
      for (let done = waiting.shift(); done; done = waiting.shift()) done();
      if (stream.writableLength > 0) setImmediate(drainAll);
    };
    drainAll();
  };
  return { stream, read };
}

test('waits until a 4 MB answer has been read', async () => {
  const { stream, read } = slowPipe();
  stream.write('x'.repeat(4_000_000));
  let readAt = 0;
  setTimeout(() => {
    readAt = Date.now();
    read();
  }, 200);
  await outputSent(stream);
  assert.ok(readAt > 0, 'went on before the answer was read');
  assert.equal(stream.writableLength, 0);
});

test('goes on at once when nothing is waiting to be sent', async () => {
  const { stream } = slowPipe();
  const start = Date.now();
  await outputSent(stream);
  assert.ok(Date.now() - start < 100);
});

test('a reader that never reads holds the server for about a second only', async () => {
  const { stream, read } = slowPipe();
  stream.write('x'.repeat(4_000_000));
  const start = Date.now();
  await outputSent(stream);
  const waited = Date.now() - start;
  assert.ok(stream.writableLength > 0, 'the answer left although nobody read it');
  assert.ok(waited >= 900 && waited < 3000, `waited ${waited} ms`);
  // The reads that follow go on without waiting a second each (50,000 files are 250 batches).
  const again = Date.now();
  await outputSent(stream);
  assert.ok(Date.now() - again < 100, 'waited again for a reader that does not read');
  // Once the reader has caught up, a new backlog is waited for again.
  read();
  await outputSent(stream);
  stream.write('x'.repeat(4_000_000));
  setTimeout(read, 200);
  const next = Date.now();
  await outputSent(stream);
  assert.ok(Date.now() - next >= 150, 'did not wait for the next answer after the reader caught up');
});

test('over node-ipc: waits until every sent message is written, and passes each callback on', async () => {
  const pending: ((error: Error | null) => void)[] = [];
  const proc = {
    send: (_message: unknown, _handle: unknown, _options: unknown, callback: (error: Error | null) => void) => {
      pending.push(callback);
      return true;
    },
  };
  countIpcSends(proc as unknown as Parameters<typeof countIpcSends>[0]);
  let delivered: Error | null | undefined;
  proc.send('a big answer', undefined, undefined, (error) => {
    delivered = error;
  });
  const { stream } = slowPipe();
  let written = false;
  setTimeout(() => {
    written = true;
    pending.shift()!(null);
  }, 200);
  await outputSent(stream);
  assert.ok(written, 'went on while the message was still being written');
  assert.equal(delivered, null, "the sender's own callback was not called");
  // Nothing in flight now: one turn.
  const start = Date.now();
  await outputSent(stream);
  assert.ok(Date.now() - start < 100);
});
