// The helper thread of fileSizes.ts, bundled on its own as dist/statWorker.js: stats each batch of paths it is sent
// and answers a kind, size and mode per path (statKinds.ts). It imports node:fs only, so it starts fast.
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { STAT_SLOTS, StatKind, type StatBatchAnswer, type StatBatchRequest } from './statKinds';

function statBatch(paths: string[]): Float64Array {
  const out = new Float64Array(paths.length * STAT_SLOTS);
  paths.forEach((p, i) => {
    const at = i * STAT_SLOTS;
    try {
      const s = fs.statSync(p);
      out[at] = s.isFile() ? StatKind.File : StatKind.NotFile;
      out[at + 1] = s.isFile() ? s.size : 0;
      out[at + 2] = s.mode;
      out[at + 3] = s.mtimeMs;
    } catch (error) {
      out[at] = (error as NodeJS.ErrnoException).code === 'ENOENT' ? StatKind.Gone : StatKind.Failed;
    }
  });
  return out;
}

parentPort?.on('message', ({ id, paths }: StatBatchRequest) => {
  const out = statBatch(paths);
  const answer: StatBatchAnswer = { id, out };
  parentPort?.postMessage(answer, [out.buffer as ArrayBuffer]);
});
