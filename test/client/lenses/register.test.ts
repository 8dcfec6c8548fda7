// The lenses' registration on a fake VS Code and a fake language client: the server hears what is deployed each
// time the views' cluster list changes, and nothing while no cluster list has come.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { EventEmitter } = fake;
const { registerPythonLenses } = await import('../../../client/src/lenses/register');
const { sharedClusterData } = await import('../../../client/src/lenses/clusterData');

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('each new cluster list is sent to the server as the deployed releases; none before the first', async () => {
  const sent: [string, unknown][] = [];
  const client = { sendNotification: async (type: { method: string }, params: unknown) => void sent.push([type.method, params]) };
  const context = { subscriptions: [] as { dispose(): void }[] };
  const projects = { all: () => [], onDidChange: new EventEmitter<void>().event };
  registerPythonLenses(context as never, Promise.resolve(client as never), new EventEmitter<string>().event, projects);
  await settle();
  assert.deepEqual(sent, [], 'no cluster list yet: nothing is said, so the server makes no retry check');

  const release = { id: 'r1', clusters: ['dev'], tasks: [{ name: 'tilebox.com/qa/Scan', version: 'v1.0' }] };
  sharedClusterData.set([
    { slug: 'dev', displayName: 'Dev', deletable: true, isDefault: false, deployments: [{ workflowSlug: 'qa', release }] },
  ]);
  await settle();
  sharedClusterData.set([{ slug: 'dev', displayName: 'Dev', deletable: true, isDefault: false, deployments: [] }]);
  await settle();
  assert.deepEqual(sent, [
    [
      'tilebox/deployedReleases',
      { releases: [{ workflowSlug: 'qa', cluster: 'dev', releaseId: 'r1', tasks: [{ name: 'tilebox.com/qa/Scan', version: 'v1.0' }] }] },
    ],
    ['tilebox/deployedReleases', { releases: [] }],
  ]);
  for (const s of context.subscriptions) s.dispose();
});
