// The retry check on identifier changes: which declared identifiers strand a deployed release's failed jobs, where
// the information shows and what it says; nothing without deployment data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { discoverTasks, retryDiagnostics } from '../../../../server/src/artifact/discovery/index';
import type { DeployedRelease } from '../../../../server/src/shared/protocol';

const RELEASE = '0193a2b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';
const OTHER = '0193a2b4-1c2d-7e3f-8a9b-99887766aabb';

const fetchScene = (version: string) =>
  [
    'from tilebox.workflows import Task',
    '',
    'class FetchScene(Task):',
    '    @staticmethod',
    '    def identifier():',
    `        return "tilebox.com/example/FetchScene", "${version}"`,
    '',
    '    def execute(self, context): ...',
    '',
  ].join('\n');

const deployed = (version: string, cluster = 'dev-cluster', id = RELEASE, workflowSlug = 'scene-qa'): DeployedRelease => ({
  workflowSlug,
  cluster,
  releaseId: id,
  tasks: [{ name: 'tilebox.com/example/FetchScene', version }],
});

function check(files: Record<string, string>, releases: DeployedRelease[] | undefined, slug: string | undefined = 'scene-qa') {
  const { tasks } = discoverTasks(Object.entries(files).map(([path, text]) => ({ path, text })));
  return retryDiagnostics(tasks, slug, releases).map(({ file, diagnostic: d }) => {
    const line = files[file].split('\n')[d.range.start.line];
    return {
      file,
      at: line.slice(d.range.start.character, d.range.end.character),
      code: d.code,
      severity: d.severity,
      message: String(d.message),
    };
  });
}

test('a new major version: information on identifier(), naming the release, cluster, old and new identifier', () => {
  const [d, ...more] = check({ 'wf/tasks.py': fetchScene('v2.0') }, [deployed('v1.0')]);
  assert.deepEqual(more, []);
  assert.equal(d.file, 'wf/tasks.py');
  assert.equal(d.at, 'identifier');
  assert.equal(d.code, 'task-retry-incompatible');
  assert.equal(d.severity, DiagnosticSeverity.Information);
  assert.match(
    d.message,
    /^Deployed release 2e3f4a5b on dev-cluster runs tilebox\.com\/example\/FetchScene v1\.0; this code declares v2\.0\. Once it is deployed there, failed jobs of that release cannot be retried/,
  );
  assert.match(d.message, /\(v1\.0 or a later v1\.x\)/);
});

test('a lower minor version strands the jobs too; the same or a higher minor does not', () => {
  assert.equal(check({ 'wf/tasks.py': fetchScene('v1.1') }, [deployed('v1.3')]).length, 1);
  assert.deepEqual(check({ 'wf/tasks.py': fetchScene('v1.3') }, [deployed('v1.3')]), []);
  assert.deepEqual(check({ 'wf/tasks.py': fetchScene('v1.4') }, [deployed('v1.3')]), []);
});

test('an old version kept registered beside the new one keeps the failed jobs retryable', () => {
  const both = `${fetchScene('v2.0')}\nclass FetchSceneV1(Task):\n    @staticmethod\n    def identifier():\n        return "tilebox.com/example/FetchScene", "v1.2"\n\n    def execute(self, context): ...\n`;
  assert.deepEqual(check({ 'wf/tasks.py': both }, [deployed('v1.0')]), []);
});

test('no deployment data, another workflow, no slug, another task name, a computed identifier: nothing', () => {
  const files = { 'wf/tasks.py': fetchScene('v2.0') };
  assert.deepEqual(check(files, undefined), []);
  assert.deepEqual(check(files, []), []);
  assert.deepEqual(check(files, [deployed('v1.0', 'dev-cluster', RELEASE, 'other-workflow')]), []);
  assert.deepEqual(check(files, [deployed('v1.0')], ''), [], 'a config without a slug');
  assert.deepEqual(check(files, [{ ...deployed('v1.0'), tasks: [{ name: 'tilebox.com/example/Other', version: 'v1.0' }] }]), []);
  const computed = fetchScene('v2.0').replace('"tilebox.com/example/FetchScene", "v2.0"', 'name_from_env(), "v2.0"');
  assert.deepEqual(check({ 'wf/tasks.py': computed }, [deployed('v1.0')]), []);
});

test('malformed versions are left to the identifier checks, never reported as a retry problem', () => {
  assert.deepEqual(check({ 'wf/tasks.py': fetchScene('2.0') }, [deployed('v1.0')]), []);
  assert.deepEqual(check({ 'wf/tasks.py': fetchScene('v2.0') }, [deployed('1.0')]), []);
});

test('one release on two clusters is one release; two releases are both named with their versions', () => {
  const [same] = check({ 'wf/tasks.py': fetchScene('v2.0') }, [deployed('v1.0'), deployed('v1.0', 'prod-eu')]);
  assert.match(same.message, /^Deployed release 2e3f4a5b on dev-cluster, prod-eu runs /);
  const [two] = check({ 'wf/tasks.py': fetchScene('v3.0') }, [deployed('v1.0'), deployed('v2.1', 'prod-eu', OTHER)]);
  assert.match(
    two.message,
    /^Deployed releases 2e3f4a5b on dev-cluster \(v1\.0\) and 7766aabb on prod-eu \(v2\.1\) run tilebox\.com\/example\/FetchScene; this code declares v3\.0\. Once it is deployed there, failed jobs of those releases cannot be retried/,
  );
  assert.match(two.message, /\(v1\.0 or a later v1\.x, v2\.1 or a later v2\.x\)/);
});

test('an inherited identifier(): the information is on the base class that declares it', () => {
  const files = {
    'wf/base.py': fetchScene('v2.0').replace('class FetchScene(Task)', 'class SceneBase(Task)'),
    'wf/tasks.py': 'from wf.base import SceneBase\n\nclass FetchScene(SceneBase):\n    def execute(self, context): ...\n',
  };
  const found = check(files, [deployed('v1.0')]).filter((d) => d.code === 'task-retry-incompatible');
  assert.ok(found.length >= 1);
  for (const d of found) assert.deepEqual([d.file, d.at], ['wf/base.py', 'identifier']);
});
