// Streamed preview output: the same bytes as the one-shot JSON, all of it reaching a slow reader.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { jsonPieces, writeStreamed } from '../../../server/src/headless/streamedOutput';

test('the streamed JSON is byte for byte JSON.stringify(value, null, 2) with a final newline', () => {
  const value = {
    root: '/p',
    files: Array.from({ length: 3 }, (_, i) => ({ path: `src/f${i}.py`, size: i })),
    excluded: [],
    totalBytes: 3,
    tasks: [{ name: 'A', version: 'v1.0', file: 'a.py', line: 2 }],
    nested: { a: [1, 2], b: 'x' },
  };
  assert.equal([...jsonPieces(value)].join(''), `${JSON.stringify(value, null, 2)}\n`);
});

test('a slow reader gets every byte, in order, and the writer waits for it', async () => {
  const received: string[] = [];
  let waits = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, done) {
      received.push(String(chunk));
      waits++;
      setTimeout(done, 1);
    },
  });
  const lines = Array.from({ length: 20_000 }, (_, i) => `  1.0 KB  src/file${i}.py\n`);
  await writeStreamed(lines, slow);
  await new Promise<void>((resolve) => slow.end(resolve));
  assert.equal(received.join(''), lines.join(''));
  assert.ok(waits > 1, 'written in several chunks, not one string');
});
