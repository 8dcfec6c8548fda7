// The Artifact view and the explorer badge against a fake VS Code and a fake language server:
// the rows a user sees for no config / server down / config errors, and the view and badges
// following the files on disk when the server says the artifact changed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG, ROOT, URI, fakeServer, preview, rows, setup, vscode } from './artifactViewHarness';

test('no config, server starting, server down: the view says which, in one row', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  const v = setup(fakeServer({ kind: 'starting' }));
  await v.previews.start();
  assert.deepEqual(
    (await rows(v.tree)).map((r) => r.line),
    ['No tilebox.workflow.toml open'],
  );
  v.setStatus({ kind: 'running' });
  assert.deepEqual(
    (await rows(v.tree)).map((r) => r.line),
    ['No tilebox.workflow.toml in this workspace'],
  );
  v.setStatus({ kind: 'stopped', message: 'The language server did not start: spawn ENOENT' });
  const [down] = await rows(v.tree);
  assert.equal(down.line, 'The Tilebox language server is not running');
  assert.match(down.tooltip, /spawn ENOENT/);
  assert.equal(down.command, 'tilebox.output.show', 'a click shows the log that says why');
});

test('a config with errors shows its error as a row that opens the config', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  const v = setup();
  v.answers.set(CONFIG, { ...preview([]), error: 'tilebox.workflow.toml has 2 errors; fix them to see the artifact.' });
  await v.previews.start();
  const all = await rows(v.tree);
  assert.deepEqual(
    all.map((r) => r.line),
    ['tilebox.workflow.toml has 2 errors; fix them to see the artifact.'],
  );
  assert.equal(all[0].command, 'vscode.open');
  assert.equal(String(all[0].args?.[0]), CONFIG);
});

test('files changed on disk: the view and the explorer badges follow; excluded files are grey with their reason', {
  timeout: 10_000,
}, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  const v = setup();
  v.answers.set(CONFIG, preview(['pkg/tasks.py', 'pyproject.toml'], [{ path: 'pkg/notes.log', reason: '.gitignore:3 "*.log"' }]));
  await v.previews.start();
  const before = await rows(v.tree);
  assert.deepEqual(
    before.map((r) => r.line),
    [
      '2 files · 20 B · 1 excluded · scene-qa',
      'Tasks · 0 found statically',
      '  No Task subclasses found in the selected .py files',
      'Files · 2 files · 20 B · 1 excluded',
      '  pkg · 1 file · 10 B · 1 excluded',
      '    notes.log · excluded',
      '    tasks.py · 10 B',
      '  pyproject.toml · 10 B',
    ],
  );
  const log = before.find((r) => r.line.includes('notes.log'))!;
  assert.match(log.tooltip, /Excluded by \.gitignore:3 "\*\.log"/);
  const grey = v.decorations.provideFileDecoration(URI.parse(log.resource!) as never);
  assert.equal((grey?.color as unknown as { id: string }).id, 'disabledForeground');
  const badge = (p: string) => v.decorations.provideFileDecoration(URI.file(join(ROOT, p)) as never)?.badge;
  assert.equal(badge('pkg/tasks.py'), 'T');
  assert.equal(badge('pkg/notes.log'), undefined, 'no badge in the explorer for an excluded file');

  // A new file on disk: the server re-checks and says the artifact changed.
  v.answers.set(CONFIG, preview(['pkg/extra.py', 'pkg/tasks.py'], [{ path: 'pkg/notes.log', reason: '.gitignore:3 "*.log"' }]));
  v.redrawn.length = 0;
  const redraw = v.nextRedraw();
  v.artifactChanged.fire(CONFIG);
  await redraw;
  assert.ok(
    (await rows(v.tree)).some((r) => r.line === '    extra.py · 10 B'),
    'the new file is in the view',
  );
  assert.deepEqual(v.redrawn.flat().sort(), [join(ROOT, 'pkg/extra.py'), join(ROOT, 'pyproject.toml')], 'only changed badges are redrawn');
  assert.equal(badge('pkg/extra.py'), 'T');
  assert.equal(badge('pyproject.toml'), undefined);

  vscode.fake.settings['explorer.decorations'] = false;
  vscode.fake.configChanged.fire({ affectsConfiguration: (s: string) => s === 'tilebox.explorer.decorations' });
  assert.equal(badge('pkg/tasks.py'), undefined, 'the setting turns the badge off');
  assert.deepEqual(v.redrawn.at(-1), ['*']);
  vscode.fake.settings['explorer.decorations'] = true;
});

test('a task row opens its class line and carries no file badge; file rows do', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  const v = setup();
  v.answers.set(CONFIG, {
    ...preview(['pkg/tasks.py']),
    tasks: [{ name: 'Fetch', version: 'v1.0', file: 'pkg/tasks.py', line: 7, className: 'Fetch' }],
  });
  await v.previews.start();
  const all = await rows(v.tree);
  const task = all.find((r) => r.line.startsWith('  Fetch'))!;
  assert.equal(task.resource, undefined);
  assert.deepEqual(
    [task.command, String(task.args?.[0]), (task.args?.[1] as { selection: { start: { line: number } } }).selection.start.line],
    ['vscode.open', URI.file(join(ROOT, 'pkg/tasks.py')).toString(), 6],
  );
  assert.equal(all.find((r) => r.line.includes('tasks.py · 10 B'))!.resource, URI.file(join(ROOT, 'pkg/tasks.py')).toString());
});
