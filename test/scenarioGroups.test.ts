// The two e2e groups `npm test` runs side by side: every scenario file runs exactly once, and neither group is left
// with most of the work (the suite lasts as long as the longer group).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs module of the e2e harness, without types
import { scenarioGroup } from './e2e/scenarios.mjs';

test('each scenario file is in exactly one of the two groups, and the groups hold about the same number', () => {
  const files: string[] = readdirSync('test/e2e').filter((n) => n.endsWith('.test.mjs'));
  const [a, b]: string[][] = [scenarioGroup(files, 0, 2), scenarioGroup(files, 1, 2)];
  assert.deepEqual([...a, ...b].sort(), [...files].sort());
  assert.ok(Math.abs(a.length - b.length) <= 3, `${a.length} vs ${b.length}`);
  assert.deepEqual(scenarioGroup(files).sort(), [...files].sort(), 'one group: all of them');
});
