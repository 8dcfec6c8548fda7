import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployWarnings, suggestsProduction } from '../../../client/src/commands/deployWarnings';

test('names that suggest production are word-bounded', () => {
  for (const n of ['prod', 'production', 'prod-eu-CvufcSxcC9SKfe', 'eu-live', 'LIVE']) assert.ok(suggestsProduction(n), n);
  for (const n of ['product-team', 'delivery', 'dev-cluster-9xK2mQ4pL8nR7s', 'prodigy']) assert.ok(!suggestsProduction(n), n);
});

test('every warning for a production deploy is gathered into one list', () => {
  const w = deployWarnings({
    workflow: 'scene-qa',
    release: 'latest',
    target: 'production',
    clusters: ['prod-eu-CvufcSxcC9SKfe', 'prod-us-Drv6L7Li4t7Yvk'],
    knownClusters: ['prod-eu-CvufcSxcC9SKfe'],
    currentlyDeployed: { 'prod-eu-CvufcSxcC9SKfe': '0190aaaa-0000-7000-8000-00000000c0de' },
  });
  assert.equal(w.risky, true);
  assert.equal(w.lines.length, 4);
  assert.match(w.lines[0], /^Production: production, prod-eu-CvufcSxcC9SKfe, prod-us-Drv6L7Li4t7Yvk/);
  assert.match(w.lines[1], /Unknown cluster: prod-us-Drv6L7Li4t7Yvk/);
  assert.match(w.lines[2], /latest/);
  assert.match(w.lines[3], /Replaces: release 0000c0de on prod-eu/);
});

test('a deploy to a known dev cluster needs no dialog', () => {
  const w = deployWarnings({ workflow: 's', release: '0190aaaa-0000-7000-8000-000000000001', clusters: ['dev'], knownClusters: ['dev'] });
  assert.deepEqual(w, { risky: false, lines: [] });
});
