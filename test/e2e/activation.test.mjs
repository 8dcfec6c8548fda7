// The extension activates in the real workbench and reports its activation time in its output channel
// (the numbers themselves are a benchmark: bench/activation.bench.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, waitUntil, activationMs, readyMs, workbenchStartMs } from './harness.mjs';

test('activation: the Tilebox output channel reports "activated in N ms", then that views and commands are ready', {
  timeout: 120_000,
}, async (t) => {
  await withSession('activation', { trust: 'yes' }, async (s) => {
    const ms = await waitUntil('"activated in N ms" in the Tilebox output channel', async () => activationMs(s), 45_000);
    assert.ok(Number.isFinite(ms) && ms >= 0, `activation time ${ms}`);
    const ready = readyMs(s); // the session starts only once the ready line is there
    assert.ok(Number.isFinite(ready) && ready >= ms, `ready after ${ready} ms`);
    t.diagnostic(
      `extension activated in ${ms} ms, views and commands ready after ${ready} ms; workbench started after ${Math.round(await workbenchStartMs(s.page))} ms`,
    );
  });
});
