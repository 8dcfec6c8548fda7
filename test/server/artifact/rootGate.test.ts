// The root gate: every odd `[workflow].root` a user can type or a repository can ship, on a real tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gateRoot } from '../../../server/src/artifact/rootGate';
import { treesRemovedAfter } from './tree';

const tree = treesRemovedAfter();

function project() {
  const outside = tree({ 'sentinel.py': 'runner = Runner()\n' });
  const t = tree({ 'proj/src/app.py': '', 'proj/notes.txt': '', 'proj/inner/x.py': '' });
  const dir = join(t.dir, 'proj');
  fs.symlinkSync(outside.dir, join(dir, 'out'));
  fs.symlinkSync(join(dir, 'inner'), join(dir, 'in'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  return { dir, outside: outside.dir };
}

test('a root inside the project passes, resolved to its real path', () => {
  const { dir } = project();
  const real = fs.realpathSync(dir);
  assert.deepEqual(gateRoot(dir, undefined), { ok: true, root: real, rootAbs: dir });
  assert.deepEqual(gateRoot(dir, '.'), { ok: true, root: real, rootAbs: dir });
  assert.deepEqual(gateRoot(dir, './src/'), { ok: true, root: join(real, 'src'), rootAbs: join(dir, 'src') });
  // A link that stays inside is followed to where it leads.
  assert.deepEqual(gateRoot(dir, 'in'), { ok: true, root: join(real, 'inner'), rootAbs: join(dir, 'in') });
});

test("every root that leaves the project, or is not a folder, is refused with the diagnostic's code and words", () => {
  const { dir, outside } = project();
  const cases: [string, string, RegExp][] = [
    ['..', 'root-outside-project', /leaves the folder of tilebox\.workflow\.toml/],
    ['src/../..', 'root-outside-project', /leaves the folder/],
    ['src/..', 'root-outside-project', /goes through "\.\."/],
    ['/', 'root-absolute', /not an absolute path like "\/"/],
    ['//', 'root-absolute', /absolute/],
    [dir, 'root-absolute', /absolute/], // absolute even though it names the project itself
    ['C:x', 'root-absolute', /absolute/],
    ['\\\\server\\share', 'root-absolute', /absolute/],
    ['out', 'root-outside-project', /through a symbolic link \(to [^)]*\)/],
    ['notes.txt', 'root-not-directory', /is a file/],
    ['missing', 'root-not-found', /does not exist/],
    ['fifo', 'root-not-found', /does not exist/],
    ['a\0b', 'root-not-found', /does not exist/],
  ];
  for (const [root, code, message] of cases) {
    const gate = gateRoot(dir, root);
    assert.equal(gate.ok, false, `root ${JSON.stringify(root)} passed`);
    if (gate.ok) continue;
    assert.equal(gate.code, code, `root ${JSON.stringify(root)}`);
    assert.match(gate.reason, message, `root ${JSON.stringify(root)}`);
  }
  assert.ok(fs.existsSync(join(outside, 'sentinel.py')));
});

test('a project reached through a symbolic link still accepts its own folders', () => {
  const { dir } = project();
  const via = join(tree({}).dir, 'via');
  fs.symlinkSync(dir, via);
  const gate = gateRoot(via, 'src');
  assert.deepEqual(gate, { ok: true, root: join(fs.realpathSync(dir), 'src'), rootAbs: join(via, 'src') });
});
