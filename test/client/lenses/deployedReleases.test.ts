// What the client tells the language server is deployed: every release on every cluster, with its workflow and
// task identifiers (the retry check on identifier changes reads nothing else).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployedReleases } from '../../../client/src/lenses/deployedReleases';
import type { Cluster } from '../../../client/src/cliAdapter/types';

const release = (id: string, version: string) => ({
  id,
  digest: 'sha256:ab',
  tasks: [{ name: 'tilebox.com/example/FetchScene', version }],
  clusters: ['dev', 'prod'],
});
const cluster = (slug: string, deployments: Cluster['deployments']): Cluster => ({
  slug,
  displayName: slug.toUpperCase(),
  deletable: true,
  isDefault: false,
  deployments,
});

test('one entry per release per cluster, with the workflow slug and only the task identifiers', () => {
  const clusters = [
    cluster('dev', [
      { workflowSlug: 'scene-qa', release: release('r1', 'v1.0') },
      { workflowSlug: 'other', release: release('r9', 'v3.0') },
    ]),
    cluster('prod', [{ workflowSlug: 'scene-qa', release: release('r1', 'v1.0') }]),
    cluster('empty', []),
  ];
  assert.deepEqual(deployedReleases(clusters), [
    { workflowSlug: 'scene-qa', cluster: 'dev', releaseId: 'r1', tasks: [{ name: 'tilebox.com/example/FetchScene', version: 'v1.0' }] },
    { workflowSlug: 'other', cluster: 'dev', releaseId: 'r9', tasks: [{ name: 'tilebox.com/example/FetchScene', version: 'v3.0' }] },
    { workflowSlug: 'scene-qa', cluster: 'prod', releaseId: 'r1', tasks: [{ name: 'tilebox.com/example/FetchScene', version: 'v1.0' }] },
  ]);
  assert.deepEqual(deployedReleases([]), [], 'nothing deployed is data too: the server then clears its retry checks');
});
