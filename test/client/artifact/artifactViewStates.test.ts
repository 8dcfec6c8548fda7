// The Artifact view over time: the language server stopping and coming back, and a config that
// turns invalid while it is being edited (fake VS Code and fake server, see artifactViewHarness).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG, ROOT, URI, preview, rows, setup, vscode } from './artifactViewHarness';

test('the server stops and comes back: the view says so, then asks again', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  const v = setup();
  v.setStatus({ kind: 'stopped', message: 'The language server stopped.' });
  await v.previews.start();
  assert.deepEqual(
    (await rows(v.tree)).map((r) => r.line),
    ['The Tilebox language server is not running'],
  );
  v.answers.set(CONFIG, preview(['a.py']));
  const redraw = v.nextRedraw();
  v.setStatus({ kind: 'running' });
  await redraw; // the status row goes
  while (v.previews.state(CONFIG)?.kind !== 'ready') await v.nextRedraw();
  assert.equal((await rows(v.tree))[0].line, '1 file · 10 B · scene-qa');
});

test('a config that turns invalid mid-edit: its error on top, the last good preview below, badges kept', { timeout: 10_000 }, async () => {
  vscode.fake.files.clear();
  vscode.fake.files.add(CONFIG);
  const v = setup();
  v.answers.set(CONFIG, preview(['a.py']));
  await v.previews.start();
  v.answers.set(CONFIG, { ...preview([]), error: 'tilebox.workflow.toml has 1 error; fix it to see the artifact.' });
  const redraw = v.nextRedraw();
  v.artifactChanged.fire(CONFIG);
  await redraw;
  const lines = (await rows(v.tree)).map((r) => r.line);
  assert.deepEqual(lines.slice(0, 2), [
    'tilebox.workflow.toml has 1 error; fix it to see the artifact.',
    '1 file · 10 B · last good preview · scene-qa',
  ]);
  assert.ok(lines.includes('  a.py · 10 B'));
  assert.equal(v.decorations.provideFileDecoration(URI.file(join(ROOT, 'a.py')) as never)?.badge, 'T', 'no badge flicker while typing');
});
