// Output of `preview` written as it is produced, in chunks, waiting for the pipe to drain: a
// 100,000-file listing never sits whole in memory, and a slow reader paces the writer. A write
// error (the reader went away) rejects, for the caller to end the process as it sees fit.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 64 * 1024;

export async function writeStreamed(pieces: Iterable<string>, out: Writable = process.stdout): Promise<void> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length < CHUNK_CHARS) continue;
    const flushed = out.write(buffer);
    buffer = '';
    if (!flushed) await once(out, 'drain');
  }
  if (buffer && !out.write(buffer)) await once(out, 'drain');
}

/** Exactly `JSON.stringify(value, null, 2) + '\n'` for an object of arrays and scalars, one array item at a time. */
export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  yield '{\n';
  for (const [k, key] of keys.entries()) {
    const item = value[key];
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(item) && item.length > 0) {
      yield '[\n';
      for (let i = 0; i < item.length; i++)
        yield `    ${JSON.stringify(item[i], null, 2).replace(/\n/g, '\n    ')}${i < item.length - 1 ? ',' : ''}\n`;
      yield '  ]';
    } else yield JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
    yield k < keys.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}
