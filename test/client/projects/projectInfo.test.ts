// Project discovery logic without VS Code: reading slug/targets, labels, which project is active, picker order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Project } from '../../../client/src/services';
import { activeProject, pickOrder, projectForFile, projectLabel, readProjectInfo } from '../../../client/src/projects/projectInfo';

test('slug and targets are read from a tilebox.workflow.toml, in file order', () => {
  const info = readProjectInfo(`
[workflow]
slug = "scene-qa-EngRbLn7Zb8iSa"
runner = "runner:runner"
[build]
include = ["**/*.py"]
[targets.dev]
clusters = ["dev-cluster"]
[targets.prod]
clusters = ["prod-a", "prod-b"]
`);
  assert.deepEqual(info, {
    slug: 'scene-qa-EngRbLn7Zb8iSa',
    targets: [
      { name: 'dev', clusters: ['dev-cluster'] },
      { name: 'prod', clusters: ['prod-a', 'prod-b'] },
    ],
    error: undefined,
  });
});

test('a half-edited or odd file gives what can be read and a short reason, never a throw', () => {
  assert.match(readProjectInfo('[workflow\nslug = "x"').error!, /^Not valid TOML/);
  assert.deepEqual(readProjectInfo('[workflow]\nroot = "."').error, 'No [workflow].slug');
  assert.deepEqual(readProjectInfo('[workflow]\nslug = 42\n[targets]\ndev = 3\n[targets.x]\nclusters = [1, "ok"]'), {
    slug: undefined,
    targets: [
      { name: 'dev', clusters: [] },
      { name: 'x', clusters: ['ok'] },
    ],
    error: 'No [workflow].slug',
  });
  assert.deepEqual(readProjectInfo('').targets, []);
});

test('every real config in the fixtures yields a slug', () => {
  const dir = fileURLToPath(new URL('../../fixtures/real-configs/', import.meta.url));
  const manifest = readFileSync(new URL('../../fixtures/real-configs/MANIFEST.md', import.meta.url), 'utf8');
  const files = readdirSync(dir).filter((f) => f.endsWith('.toml'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const info = readProjectInfo(readFileSync(dir + f, 'utf8'));
    if (!info.error) assert.match(info.slug!, /^[A-Za-z0-9:-]+$/, f);
    else assert.ok(manifest.includes(f), `${f} fails to read (${info.error}) and is listed in MANIFEST.md`);
  }
});

test('labels are relative to the workspace folder, and name the folder in multi-root workspaces', () => {
  const one = [{ name: 'repo', path: '/ws/repo' }];
  assert.equal(projectLabel('/ws/repo', one), 'repo');
  assert.equal(projectLabel('/ws/repo/workflows/ingest', one), 'workflows/ingest');
  const two = [...one, { name: 'other', path: '/ws/other' }];
  assert.equal(projectLabel('/ws/other', two), 'other');
  assert.equal(projectLabel('/ws/repo/a', two), 'repo/a');
  assert.equal(projectLabel('/elsewhere/x', two), 'x');
  assert.equal(projectLabel('/ws/repository', one), 'repository', 'a sibling with a longer name is not inside /ws/repo');
});

const p = (dir: string, label = dir.split('/').pop()!): Project => ({
  configPath: `${dir}/tilebox.workflow.toml`,
  dir,
  label,
  targets: [],
});
const root = p('/ws/repo', 'repo');
const nested = p('/ws/repo/workflows/ingest', 'workflows/ingest');
const qa = p('/ws/repo/qa', 'qa');

test("the active project is the innermost one holding the active editor's file, else the last picked", () => {
  const all = [root, nested, qa];
  assert.equal(projectForFile(all, '/ws/repo/workflows/ingest/runner.py'), nested);
  assert.equal(projectForFile(all, '/ws/repo/README.md'), root);
  assert.equal(projectForFile([nested], '/ws/repo/workflows/ingestion/x.py'), undefined);
  assert.equal(activeProject(all, '/ws/repo/qa/x.py', nested.dir), qa);
  assert.equal(activeProject([nested, qa], '/tmp/scratch.py', nested.dir), nested);
  assert.equal(activeProject([nested, qa], undefined, undefined), undefined, 'several projects and no hint: ask');
  assert.equal(activeProject([qa], undefined, undefined), qa, 'a single project is always the active one');
  assert.equal(activeProject([qa], undefined, '/gone'), qa);
});

test('the picker offers the last picked project first, then the rest by label', () => {
  assert.deepEqual(
    pickOrder([root, nested, qa], undefined).map((x) => x.label),
    ['qa', 'repo', 'workflows/ingest'],
  );
  assert.deepEqual(
    pickOrder([root, nested, qa], nested.dir).map((x) => x.label),
    ['workflows/ingest', 'qa', 'repo'],
  );
  assert.deepEqual(
    pickOrder([root, qa], '/gone').map((x) => x.label),
    ['qa', 'repo'],
  );
});
