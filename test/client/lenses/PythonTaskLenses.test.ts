// The lens provider on a fake VS Code and a fake language server: what the editor shows above a task, nothing in a
// file outside every artifact, the last lenses kept while the server cannot answer, a refresh when an artifact or
// the cluster list changes, and the setting that turns them off.
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';
import type { PythonOutline } from '../../../server/src/shared/protocol';

register('../../vscodeHook.mjs', import.meta.url);
const fake = await import('../../fakeVscode');
const { EventEmitter } = fake;
const { PythonTaskLenses } = await import('../../../client/src/lenses/PythonTaskLenses');
const { ClusterData } = await import('../../../client/src/lenses/clusterData');

const CONFIG = '/ws/app/tilebox.workflow.toml';
const OUTLINE: PythonOutline = {
  configUri: `file:${CONFIG}`,
  tasks: [
    {
      name: 'tilebox.com/qa/Scan',
      version: 'v1.0',
      file: 'tasks.py',
      line: 3,
      className: 'Scan',
      fields: [],
      runners: ['runner:runner'],
    },
  ],
  runners: [],
};

function setup(answer: (uri: string) => Promise<PythonOutline | null>) {
  const artifactChanged = new EventEmitter<string>();
  const clusters = new ClusterData();
  const project = {
    configPath: CONFIG,
    dir: '/ws/app',
    label: 'app',
    slug: 'qa',
    targets: [{ name: 'dev', clusters: ['dev-1'] }],
  };
  const projects = { all: () => [project], onDidChange: new EventEmitter<void>().event };
  const lenses = new PythonTaskLenses({ outline: answer, onDidChangeArtifact: artifactChanged.event }, projects, clusters);
  let refreshed = 0;
  lenses.onDidChangeCodeLenses(() => void refreshed++);
  const doc = (path: string) => ({ uri: fake.Uri.file(path), languageId: 'python' }) as never;
  const titles = async (path = '/ws/app/tasks.py') =>
    (await lenses.provideCodeLenses(doc(path))).map((l) => `${l.range.start.line}:${l.command!.title}`);
  return { lenses, clusters, artifactChanged, titles, refreshed: () => refreshed };
}

test('a task in an artifact gets its summary and actions; a file outside every artifact gets none', async () => {
  const s = setup(async (uri) => (uri.endsWith('/tasks.py') ? OUTLINE : null));
  assert.deepEqual(await s.titles(), ['2:tilebox.com/qa/Scan v1.0 · in runner:runner', '2:Submit Job…', '2:Show Jobs']);
  assert.deepEqual(await s.titles('/ws/app/scripts/plot.py'), []);
  s.clusters.set([
    {
      slug: 'dev-1',
      displayName: 'Dev',
      deletable: true,
      isDefault: false,
      deployments: [
        {
          workflowSlug: 'qa',
          release: { id: 'r', clusters: ['dev-1'], tasks: [{ name: 'tilebox.com/qa/Scan', version: 'v1.0' }] },
        },
      ],
    },
  ]);
  assert.equal(s.refreshed(), 1, 'a new cluster list refreshes the lenses');
  assert.equal((await s.titles())[0], '2:tilebox.com/qa/Scan v1.0 · in runner:runner · deployed on dev');
  s.artifactChanged.fire(OUTLINE.configUri);
  assert.equal(s.refreshed(), 2, 'the server re-reading an artifact refreshes them');
  s.lenses.dispose();
});

test('while the server cannot answer, the file keeps the lenses it had', async () => {
  let up = true;
  const s = setup(async () => {
    if (!up) throw new Error('server restarting');
    return OUTLINE;
  });
  const before = await s.titles();
  up = false;
  assert.deepEqual(await s.titles(), before);
  s.lenses.dispose();
});

test('tilebox.lenses.python = false turns them off', async () => {
  const s = setup(async () => OUTLINE);
  fake.state.config['lenses.python'] = false;
  try {
    assert.deepEqual(await s.titles(), []);
  } finally {
    delete fake.state.config['lenses.python'];
    s.lenses.dispose();
  }
});
