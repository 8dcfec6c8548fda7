// The stat helper thread answers each path with its named kind (statKinds.ts), as fileSizes.ts reads it: the helper
// started as fileSizes.ts starts it, so a helper that fails to start or answers the wrong slots fails here instead of being
// hidden by fileSizes' fallback to stat'ing on the main thread.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStatWorker } from '../../../server/src/artifact/fileSizes';
import { STAT_SLOTS, StatKind, type StatBatchAnswer } from '../../../server/src/artifact/statKinds';

test('a file answers its size and mode, a folder NotFile, a vanished path Gone', async () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'stat-worker-'));
  fs.writeFileSync(join(dir, 'a.py'), 'print(1)\n');
  fs.chmodSync(join(dir, 'a.py'), 0o755);
  fs.mkdirSync(join(dir, 'pkg'));
  const worker = startStatWorker();
  try {
    const answer = await new Promise<StatBatchAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 7, paths: [join(dir, 'a.py'), join(dir, 'pkg'), join(dir, 'gone.py')] });
    });
    assert.equal(answer.id, 7);
    const slot = (i: number) => Array.from(answer.out.subarray(i * STAT_SLOTS, (i + 1) * STAT_SLOTS));
    const [kind, size, mode] = slot(0);
    assert.deepEqual([kind, size, mode & 0o777], [StatKind.File, 9, 0o755]);
    assert.deepEqual(slot(1).slice(0, 2), [StatKind.NotFile, 0]);
    assert.equal(slot(2)[0], StatKind.Gone);
  } finally {
    await worker.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
