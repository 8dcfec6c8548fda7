// The debug runner's cluster: development clusters first, target and default clusters marked, competing runners named.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../../../client/src/cliAdapter/types';
import { competingRunners, CREATE, debugClusterItems, devClusterName, riskOf } from '../../../client/src/debug/debugCluster';

const cluster = (slug: string, o: Partial<Cluster> = {}): Cluster => ({
  slug,
  displayName: slug.split('-')[0],
  deletable: true,
  isDefault: false,
  deployments: [],
  ...o,
});
const release = (name: string, version: string) => ({ id: 'r', tasks: [{ name, version }], clusters: [] });
const targets = [
  { name: 'production', clusters: ['prod-1'] },
  { name: 'dev', clusters: ['dev-1'] },
];

test('the pick offers "create" first, then plain clusters, then default and target clusters with why', () => {
  const items = debugClusterItems(
    [cluster('def-0', { isDefault: true, deletable: false }), cluster('prod-1'), cluster('mine-2')],
    targets,
    'debug-ada',
  );
  assert.equal(items[0].value, CREATE);
  assert.match(items[0].label, /Create a development cluster "debug-ada"/);
  assert.deepEqual(
    items.slice(1).map((i) => (i.value as Cluster).slug),
    ['mine-2', 'def-0', 'prod-1'],
  );
  assert.equal(items[2].detail, 'Not for debugging: it is the default cluster, where jobs without a cluster go');
  assert.equal(items[3].detail, 'Not for debugging: it is a cluster of the target production');
  assert.equal(riskOf(cluster('mine-2'), targets), undefined);
});

test('a created cluster is named after the user', () => {
  assert.equal(devClusterName('Ada Lovelace'), 'debug-ada-lovelace');
  assert.equal(devClusterName(undefined), 'debug');
});

test('a release deployed with a compatible task, or a release runner started here, is a competitor', () => {
  const c = cluster('dev-1', { deployments: [{ workflowSlug: 'scene-qa', release: release('t/Fetch', 'v1.2') }] });
  assert.match(
    competingRunners(c, { name: 't/Fetch', version: 'v1.0' }, new Set()) ?? '',
    /^Another runner may take t\/Fetch on dev-1 before the debugger does: a release of scene-qa is deployed there\./,
  );
  assert.equal(competingRunners(c, { name: 't/Fetch', version: 'v2.0' }, new Set()), undefined, 'another major cannot take it');
  assert.match(competingRunners(cluster('x'), undefined, new Set(['x'])) ?? '', /a release runner for it runs in this editor/);
  assert.equal(competingRunners(cluster('x'), undefined, new Set()), undefined);
});
