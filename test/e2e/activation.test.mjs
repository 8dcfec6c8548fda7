// The extension activates in the real workbench and reports its activation time in its output channel
// (the number itself is a benchmark: bench/activation.bench.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSession, waitUntil, activationMs, workbenchStartMs } from './harness.mjs';

test('activation: the Tilebox output channel reports "activated in N ms"', { timeout: 120_000 }, async (t) => {
  await withSession('activation', { trust: 'yes' }, async (s) => {
    const ms = await waitUntil('"activated in N ms" in the Tilebox output channel', async () => activationMs(s), 45_000);
    assert.ok(Number.isFinite(ms) && ms >= 0, `activation time ${ms}`);
    t.diagnostic(`extension activated in ${ms} ms; workbench started after ${Math.round(await workbenchStartMs(s.page))} ms`);
  });
});
