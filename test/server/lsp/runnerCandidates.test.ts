// Runner candidates for completion: only below a root the gate accepts, and a walk bounded while it runs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RunnerCandidates } from '../../../server/src/lsp/runnerCandidates';
import { treesRemovedAfter } from '../artifact/tree';

const tree = treesRemovedAfter();
const RUNNER = 'from tilebox.workflows import Runner\nrunner = Runner()\n';

/** A project in `<parent>/proj` whose parent holds a sentinel module a walk outside would find. */
function project(files: Record<string, string> = {}) {
  const t = tree({ 'sentinel.py': RUNNER, 'proj/app/main.py': RUNNER, 'proj/notes.txt': '', ...files });
  const dir = join(t.dir, 'proj');
  fs.symlinkSync(t.dir, join(dir, 'up'));
  return { dir, parent: t.dir };
}

const ROOMY = { entries: 1000, files: 1000, ms: 10_000 };

test('a root inside the project lists its runners', async () => {
  const { dir } = project();
  assert.deepEqual(await new RunnerCandidates(ROOMY).get(dir, '.'), { names: ['app.main:runner'] });
  assert.deepEqual(await new RunnerCandidates(ROOMY).get(dir, 'app'), { names: ['main:runner'] });
});

test('odd roots list nothing and walk nothing: not the sentinel next to the project, not the disk', async () => {
  const { dir, parent } = project();
  for (const root of ['..', '/', '//', parent, dir, 'up', 'notes.txt', 'missing', '../proj', 'app/../..']) {
    const started = process.hrtime.bigint();
    const listed = await new RunnerCandidates({ entries: 1, files: 1, ms: 10_000 }).get(dir, root);
    // With one entry allowed, any walk at all would report a cut; a refused root has none.
    assert.deepEqual(listed, { names: [] }, `root ${JSON.stringify(root)}`);
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n, `root ${JSON.stringify(root)} took over a second`);
  }
});

test('the walk stops at its entry budget and says what it left out', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 50; i++) files[`proj/pkg${i}/m.py`] = RUNNER;
  const { dir } = project(files);
  const listed = await new RunnerCandidates({ entries: 20, files: 1000, ms: 10_000 }).get(dir, '.');
  assert.match(listed?.cut ?? '', /looked at the first 20 files and folders/);
  const all = await new RunnerCandidates({ entries: 1000, files: 1000, ms: 10_000 }).get(dir, '.');
  assert.equal(all?.names.length, 51);
  assert.equal(all?.cut, undefined);
});

test('the walk reads at most its file budget and says how many it skipped', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`proj/m${String(i).padStart(2, '0')}.py`] = RUNNER;
  const { dir } = project(files);
  const listed = await new RunnerCandidates({ entries: 1000, files: 16, ms: 10_000 }).get(dir, '.');
  assert.equal(listed?.names.length, 16);
  assert.match(listed?.cut ?? '', /read 16 of 41 Python files/);
});

test('a cancelled request pauses the search and says so; the next request goes on from there', async () => {
  const { dir } = project();
  const candidates = new RunnerCandidates(ROOMY);
  let asked = 0;
  const paused = await candidates.get(dir, '.', () => ++asked > 2);
  assert.deepEqual(paused.names, []);
  assert.match(paused.cut ?? '', /is still running/);
  assert.deepEqual(await candidates.get(dir, '.'), { names: ['app.main:runner'] });
});

test('a request out of time shows what is found so far; the next keystrokes finish the search', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`proj/m${String(i).padStart(2, '0')}.py`] = RUNNER;
  const { dir } = project(files);
  const candidates = new RunnerCandidates({ entries: 1000, files: 1000, ms: 0 });
  const lists = [];
  for (let i = 0; i < 200; i++) {
    const list = await candidates.get(dir, '.');
    lists.push(list);
    if (!list.cut) break;
  }
  assert.match(lists[0].cut ?? '', /is still running/);
  assert.deepEqual(lists.at(-1), { names: [...(await new RunnerCandidates(ROOMY).get(dir, '.')).names] });
  assert.equal(lists.at(-1)?.names.length, 31);
});
