// The VSIX the e2e scenarios install is the one users get: check what went into it and that it runs unpacked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { hostTarget, smokeTest, verify } from './package-vsix.mjs';
import { listVsix } from './vsix.mjs';
import { vsix } from './harness.mjs';

test('the test VSIX carries the bundles and exactly one native zstd binary, nothing else, and runs unpacked', async () => {
  await verify(vsix, hostTarget()); // throws with the list of what is wrong
  await smokeTest(vsix);
  const files = await listVsix(vsix);
  assert.ok(
    files.every((f) => !f.includes('/test/') && !f.endsWith('.map')),
    files.join('\n'),
  );
  const size = statSync(vsix).size;
  assert.ok(size < 2 * 1024 * 1024, `VSIX is ${(size / 1024).toFixed(0)} KB, over the 2 MB goal`);
});
