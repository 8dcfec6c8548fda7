// After a window reload the Artifact view shows the last computed artifact at once, marked as
// refreshing, and the server's fresh answer replaces it (fake VS Code, fake language server).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { CONFIG, fakeServer, preview, ROOT, rows, setup, vscode } from './artifactViewHarness';

test('a reload shows the last artifact at once, marked, until the server answers', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  vscode.fake.memento.clear();
  // The session before the reload: the server answered and the view followed the config.
  const before = setup();
  before.answers.set(CONFIG, preview(['pkg/tasks.py', 'pyproject.toml']));
  await before.previews.start();
  before.previews.dispose();

  // The reload: the language server is still starting and has not answered.
  const server = fakeServer({ kind: 'starting' });
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const request = server.source.request;
  server.source.request = async (uri) => {
    await answered;
    return request(uri);
  };
  const after = setup(server);
  const first = (await rows(after.tree)).map((r) => r.line);
  assert.deepEqual(first.slice(0, 2), ['Refreshing (the language server is starting)…', '2 files · 20 B · last good preview · scene-qa']);
  assert.ok(first.includes('  pyproject.toml · 10 B'), first.join('\n'));

  // Fresh data replaces it: one more file, and no "Refreshing" row.
  const starting = after.previews.start();
  server.answers.set(CONFIG, preview(['pkg/tasks.py', 'pyproject.toml', 'uv.lock']));
  server.setStatus({ kind: 'running' });
  answer();
  await starting;
  const fresh = (await rows(after.tree)).map((r) => r.line);
  assert.equal(fresh[0], '3 files · 30 B · scene-qa');
  assert.ok(!fresh.some((l) => l.startsWith('Refreshing')), fresh.join('\n'));
  after.previews.dispose();
});

test('nothing remembered, or remembered for another config: the usual "Computing" row', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.memento.clear();
  vscode.fake.memento.set('tilebox.artifact.lastConfig', CONFIG);
  vscode.fake.memento.set('tilebox.artifact.lastPreview', { key: 'file:///elsewhere/tilebox.workflow.toml', preview: preview(['a.py']) });
  const v = setup();
  assert.deepEqual(
    (await rows(v.tree)).map((r) => r.line),
    ['Computing the artifact…'],
  );
  v.previews.dispose();
});

test("a config's discovered tasks and artifact size are at hand for commands, the last good ones while the config is broken", {
  timeout: 10_000,
}, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  vscode.fake.memento.clear();
  const v = setup();
  const configPath = join(ROOT, 'tilebox.workflow.toml');
  assert.equal(v.previews.tasksOf(configPath), undefined, 'nothing loaded yet');
  // A large project's first answer lists the files while the tasks are still looked for: the size is known, the tasks not.
  v.answers.set(CONFIG, { ...preview(['pkg/tasks.py']), tasksPending: true });
  await v.previews.start();
  assert.deepEqual([v.previews.tasksOf(configPath), v.previews.sizeOf(configPath)?.files], [undefined, 1]);
  const task = { name: 'tilebox.com/example/FetchScene', version: 'v1.0', file: 'pkg/tasks.py', line: 4, fields: [] };
  v.answers.set(CONFIG, { ...preview(['pkg/tasks.py']), tasks: [task] });
  await v.previews.load(CONFIG);
  assert.deepEqual(v.previews.tasksOf(configPath), [task]);
  const size = v.previews.sizeOf(configPath);
  assert.deepEqual(size, { files: 1, bytes: preview(['pkg/tasks.py']).totalBytes }, 'what a build progress names');
  v.answers.set(CONFIG, { ...preview([]), error: 'TOML syntax error' });
  await v.previews.load(CONFIG);
  assert.deepEqual(v.previews.tasksOf(configPath), [task]);
  assert.deepEqual(v.previews.sizeOf(configPath), size);
  assert.equal(v.previews.tasksOf(join(ROOT, 'other', 'tilebox.workflow.toml')), undefined);
  v.previews.dispose();
});
