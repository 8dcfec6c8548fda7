// The floor of a build in one Node process, for bench:archive: the least any Node build of the tree must do, with
// none of ours. It walks the tree in path order (no rules: every file but `.git`), and per file opens, fstats, reads
// into 2 MiB frames and closes, while the frames compress two at a time on libuv's threads with the zstd binding the
// build uses, streamed (the first frames compress while the walk goes on). Headers are zero blocks of the right size;
// no hash, no checks, no temp file. Plain JavaScript, so no loader adds to Node's start.
// Usage: node bench/archiveFloor.mjs <root> <out>
import { closeSync, fstatSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const { compress } = createRequire(import.meta.url)('@mongodb-js/zstd');
const FRAME = 2 * 1024 * 1024;
const BLOCK = Buffer.alloc(512);
const [root, outPath] = process.argv.slice(2);
const out = openSync(outPath, 'w');
let frame = Buffer.allocUnsafe(FRAME);
let used = 0;
let written = Promise.resolve();
const inFlight = [];

async function flush() {
  const compressed = compress(frame.subarray(0, used), 3);
  frame = Buffer.allocUnsafe(FRAME);
  used = 0;
  written = written.then(async () => {
    writeSync(out, await compressed);
  });
  inFlight.push(written);
  while (inFlight.length > 2) await inFlight.shift();
}

async function put(bytes) {
  for (let at = 0; at < bytes.length; ) {
    const n = bytes.copy(frame, used, at);
    at += n;
    used += n;
    if (used === FRAME) await flush();
  }
}

async function walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  const key = (e) => (e.isDirectory() ? `${e.name}/` : e.name);
  entries.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) await walk(path);
    else if (entry.isFile()) {
      const fd = openSync(path, 'r');
      const { size } = fstatSync(fd);
      await put(BLOCK);
      for (let at = 0; at < size; ) {
        const n = readSync(fd, frame, used, Math.min(FRAME - used, size - at), at);
        if (n <= 0) break;
        at += n;
        used += n;
        if (used === FRAME) await flush();
      }
      closeSync(fd);
      await put(BLOCK.subarray(0, (512 - (size % 512)) % 512));
    }
  }
}

await walk(root);
await put(Buffer.alloc(1024));
await flush();
await written;
closeSync(out);
