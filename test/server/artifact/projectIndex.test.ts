// The project index kept current from file events alone, against the disk: random sequences of
// creates, deletes, renames, .gitignore edits, folder deletes and renames, and files replaced by
// folders, each followed by the events VS Code's watcher sends for it. After every step the
// selection from the index must equal a fresh walk of the disk, and git's own listing.
// PROPERTY_SEED=<n> replays one sequence; PROPERTY_RUNS / PROPERTY_STEPS size the search.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import type { SelectionConfig } from '../../../server/src/config/types';
import { ProjectIndex, type ChangeKind } from '../../../server/src/artifact/projectIndex';
import { selectArtifactFiles, type Selection } from '../../../server/src/artifact/select';
import { git, gitList, makeTree, type Tree } from './tree';

const trees: Tree[] = [];
after(() => trees.forEach((t) => t.remove()));

const CONFIG: SelectionConfig = { slug: 'prop', root: '.', include: ['**'], exclude: [], useGitignore: true };
/** Other rules over the same index between steps: what the selection remembers per pattern must not leak between them. */
const OTHER_CONFIGS: SelectionConfig[] = [
  { ...CONFIG, include: ['a/**', '*.py', 'b/d/**'], exclude: ['**/*.txt'] },
  { ...CONFIG, include: ['**/*.py', 'venv/**'], exclude: ['a/c/**'] },
  { ...CONFIG, useGitignore: false },
];
const FOLDERS = ['a', 'b', 'a/c', 'b/d', 'a/c/e', 'venv'];
const FILES = ['x.py', 'y.txt', 'z.log', 'keep.log', 'c', 'd'];
const RULES = ['*.log', '!keep.log', 'c/', '/b', 'd', '*.txt', 'e/', '!y.txt', 'venv/', 'x.py', '**/e/**'];

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

interface Event {
  rel: string;
  kind: ChangeKind;
}

/** One random change on disk and the events the watcher reports for it (a folder's own events, not its files'). */
function step(tree: Tree, next: () => number): { did: string; events: Event[] } {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const abs = (rel: string) => join(tree.dir, rel);
  const created = (rel: string): Event[] => {
    // mkdir -p: each folder it made is reported, then the file.
    const parts = rel.split('/');
    const out: Event[] = [];
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!existsSync(abs(dir))) {
        mkdirSync(abs(dir));
        out.push({ rel: dir, kind: 'created' });
      }
    }
    return out;
  };
  const isDir = (rel: string) => existsSync(abs(rel)) && statSync(abs(rel)).isDirectory();
  // A path below a file ("a/c/e.py" while "a/c" is a file) cannot be created: mkdir -p would fail too.
  const underFile = (rel: string) =>
    rel
      .split('/')
      .slice(0, -1)
      .some((_, i, parts) => {
        const dir = parts.slice(0, i + 1).join('/');
        return existsSync(abs(dir)) && !isDir(dir);
      });
  const op = Math.floor(next() * 9);
  const rel = `${pick(['', ...FOLDERS.map((f) => `${f}/`)])}${pick(FILES)}`;
  if (op <= 2) {
    // create or rewrite a file
    if (isDir(rel) || underFile(rel)) return { did: 'nothing', events: [] };
    const events = created(rel);
    const existed = existsSync(abs(rel));
    writeFileSync(abs(rel), 'x'.repeat(Math.floor(next() * 50)));
    return { did: `write ${rel}`, events: [...events, { rel, kind: existed ? 'changed' : 'created' }] };
  }
  if (op === 3) {
    // delete a file
    if (!existsSync(abs(rel)) || isDir(rel)) return { did: 'nothing', events: [] };
    rmSync(abs(rel));
    return { did: `delete ${rel}`, events: [{ rel, kind: 'deleted' }] };
  }
  if (op === 4) {
    // rename a file
    const to = `${pick(['', ...FOLDERS.map((f) => `${f}/`)])}${pick(FILES)}`;
    if (
      !existsSync(abs(rel)) ||
      isDir(rel) ||
      existsSync(abs(to)) ||
      !existsSync(abs(dirname(to))) ||
      !isDir(dirname(to)) ||
      to.startsWith(`${rel}/`)
    )
      return { did: 'nothing', events: [] };
    renameSync(abs(rel), abs(to));
    return {
      did: `rename ${rel} -> ${to}`,
      events: [
        { rel, kind: 'deleted' },
        { rel: to, kind: 'created' },
      ],
    };
  }
  if (op === 5) {
    // write or delete a .gitignore
    const dir = pick(['', ...FOLDERS]);
    const file = dir ? `${dir}/.gitignore` : '.gitignore';
    if (dir && !isDir(dir)) return { did: 'nothing', events: [] };
    if (existsSync(abs(file)) && next() < 0.3) {
      rmSync(abs(file));
      return { did: `delete ${file}`, events: [{ rel: file, kind: 'deleted' }] };
    }
    const existed = existsSync(abs(file));
    const rules = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(RULES));
    writeFileSync(abs(file), `${rules.join('\n')}\n`);
    return { did: `${file}: ${rules.join(' ')}`, events: [{ rel: file, kind: existed ? 'changed' : 'created' }] };
  }
  const folder = pick(FOLDERS);
  if (op === 6) {
    // delete a folder with everything below it
    if (!isDir(folder)) return { did: 'nothing', events: [] };
    rmSync(abs(folder), { recursive: true });
    return { did: `delete folder ${folder}`, events: [{ rel: folder, kind: 'deleted' }] };
  }
  if (op === 7) {
    // rename a folder
    const to = pick(FOLDERS);
    if (!isDir(folder) || existsSync(abs(to)) || !isDir(dirname(to) === '.' ? '' : dirname(to)) || to.startsWith(`${folder}/`))
      return { did: 'nothing', events: [] };
    renameSync(abs(folder), abs(to));
    return {
      did: `rename folder ${folder} -> ${to}`,
      events: [
        { rel: folder, kind: 'deleted' },
        { rel: to, kind: 'created' },
      ],
    };
  }
  // a file replaced by a folder of the same name, with a file in it
  if (!existsSync(abs(rel)) || isDir(rel)) return { did: 'nothing', events: [] };
  rmSync(abs(rel));
  mkdirSync(abs(rel));
  writeFileSync(abs(`${rel}/x.py`), 'x = 1\n');
  return {
    did: `file ${rel} replaced by a folder`,
    events: [
      { rel, kind: 'deleted' },
      { rel, kind: 'created' },
      { rel: `${rel}/x.py`, kind: 'created' },
    ],
  };
}

const shape = (s: Selection) => ({ files: s.files, excluded: s.excluded, problems: s.problems });

async function runSequence(seed: number, steps: number): Promise<void> {
  const tree = makeTree({ 'a/x.py': 'x = 1\n', 'b/y.txt': 'y\n', '.gitignore': '*.log\n' });
  trees.push(tree);
  git(tree.dir, 'init', '-q');
  const index = new ProjectIndex();
  const history: string[] = [];
  // The first walk fills the index; each later one builds on the last selection under the same rules, as the server does.
  const last = new Map<SelectionConfig, Selection>();
  const select = async (config: SelectionConfig) => {
    const selection = await selectArtifactFiles(tree.dir, config, { index, previous: last.get(config) });
    last.set(config, selection);
    return selection;
  };
  await select(CONFIG);
  const next = random(seed);
  for (let i = 0; i < steps; i++) {
    const { did, events } = step(tree, next);
    history.push(did);
    for (const e of events) index.changed(join(tree.dir, e.rel), e.kind);
    const context = `seed ${seed} (replay: PROPERTY_SEED=${seed}), after step ${i + 1}:\n  ${history.join('\n  ')}`;
    const other = OTHER_CONFIGS[i % OTHER_CONFIGS.length];
    const otherFromIndex = await select(other);
    assert.deepEqual(shape(otherFromIndex), shape(await selectArtifactFiles(tree.dir, other)), `other rules differ; ${context}`);
    const fromIndex = await select(CONFIG);
    const fresh = await selectArtifactFiles(tree.dir, CONFIG);
    assert.deepEqual(shape(fromIndex), shape(fresh), `index and a fresh walk differ; ${context}`);
    assert.deepEqual(
      fromIndex.files.map((f) => f.path),
      gitList(tree.dir, '-co', '--exclude-standard').sort(),
      `index and git differ; ${context}`,
    );
  }
}

test('after random creates, deletes, renames and .gitignore edits, the index selects what a fresh walk and git do', {
  timeout: 600_000,
}, async () => {
  const fixed = process.env.PROPERTY_SEED;
  const runs = fixed ? 1 : Number(process.env.PROPERTY_RUNS ?? 6);
  const steps = Number(process.env.PROPERTY_STEPS ?? 40);
  // Fixed seeds by default so CI is repeatable; PROPERTY_RANDOM=1 explores new sequences (and prints the seed).
  const base = fixed ? Number(fixed) : process.env.PROPERTY_RANDOM ? Date.now() % 1_000_000 : 1;
  for (let r = 0; r < runs; r++) await runSequence(base + r, steps);
});

test('an event storm (10,000 events in one batch) costs one re-selection, and none is lost', async () => {
  const tree = makeTree({ 'src/keep.py': 'x = 1\n' });
  trees.push(tree);
  const index = new ProjectIndex();
  await selectArtifactFiles(tree.dir, CONFIG, { index });
  const before = index.generation;
  for (let i = 0; i < 10_000; i++) {
    tree.put(`src/m${i % 2500}.py`, `v = ${i}\n`);
    index.changed(join(tree.dir, `src/m${i % 2500}.py`), i < 2500 ? 'created' : 'changed');
  }
  assert.ok(index.generation > before, 'the storm marks the index');
  const fromIndex = await selectArtifactFiles(tree.dir, CONFIG, { index });
  assert.deepEqual(shape(fromIndex), shape(await selectArtifactFiles(tree.dir, CONFIG)));
  assert.equal(fromIndex.files.length, 2501);
});

test('a symbolic link added that leads outside the root shows up as a problem after its event', async () => {
  const tree = makeTree({ 'src/a.py': 'a = 1\n' });
  const outside = makeTree({ 'secret.txt': 'no\n' });
  trees.push(tree, outside);
  const index = new ProjectIndex();
  await selectArtifactFiles(tree.dir, CONFIG, { index });
  symlinkSync(join(outside.dir, 'secret.txt'), join(tree.dir, 'src', 'link.txt'));
  index.changed(join(tree.dir, 'src', 'link.txt'), 'created');
  const selection = await selectArtifactFiles(tree.dir, CONFIG, { index });
  assert.match(selection.problems[0]?.message ?? '', /link src\/link\.txt leads outside the workflow root/);
});

test('without an event the index keeps what it knew; the refresh (forget) walks the disk again', async () => {
  const tree = makeTree({ 'src/a.py': 'a = 1\n' });
  trees.push(tree);
  const index = new ProjectIndex();
  await selectArtifactFiles(tree.dir, CONFIG, { index });
  tree.put('src/b.py', 'b = 1\n');
  assert.deepEqual(
    (await selectArtifactFiles(tree.dir, CONFIG, { index })).files.map((f) => f.path),
    ['src/a.py'],
    'no event, no disk read',
  );
  index.forget(tree.dir);
  assert.deepEqual(
    (await selectArtifactFiles(tree.dir, CONFIG, { index })).files.map((f) => f.path),
    ['src/a.py', 'src/b.py'],
  );
});

test('a tree that changes while the first walk runs: the next selection from the index sees the change', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) files[`src/p${i % 10}/m${i}.py`] = `v = ${i}\n`;
  const tree = makeTree(files);
  trees.push(tree);
  const index = new ProjectIndex();
  // The walk yields to the event loop every 2,000 entries, after listing src/p0 and src/p1 (folders go in name
  // order): change the tree and report it then. Queued before the walk starts, so it runs at that first yield.
  let changedDuringWalk = false;
  setImmediate(() => {
    tree.put('src/p0/late.py', 'late = 1\n');
    index.changed(join(tree.dir, 'src/p0/late.py'), 'created');
    tree.put('src/p1/m1.py', 'grown = "larger than before"\n');
    index.changed(join(tree.dir, 'src/p1/m1.py'), 'changed');
    changedDuringWalk = !walked;
  });
  let walked = false;
  const first = await selectArtifactFiles(tree.dir, CONFIG, { index });
  walked = true;
  assert.ok(changedDuringWalk, 'the change came while the first walk ran');
  assert.ok(!first.files.some((f) => f.path === 'src/p0/late.py'), 'src/p0 was listed before the change');
  const after = await selectArtifactFiles(tree.dir, CONFIG, { index });
  assert.deepEqual(shape(after), shape(await selectArtifactFiles(tree.dir, CONFIG)));
  assert.ok(after.files.some((f) => f.path === 'src/p0/late.py'));
});

test('a new folder reported only through a file deep inside it is found; churn in a pruned folder marks nothing', async () => {
  const tree = makeTree({ 'src/a.py': 'a = 1\n', '.gitignore': '.venv/\n', '.venv/lib/x.py': 'x = 1\n' });
  trees.push(tree);
  const index = new ProjectIndex();
  await selectArtifactFiles(tree.dir, CONFIG, { index });
  const before = index.generation;
  tree.put('.venv/lib/y.py', 'y = 1\n');
  index.changed(join(tree.dir, '.venv/lib/y.py'), 'created');
  assert.equal(index.generation, before, 'the ignored .venv was never listed: its events change nothing');
  tree.put('pkg/deep/er/m.py', 'm = 1\n');
  index.changed(join(tree.dir, 'pkg/deep/er/m.py'), 'created');
  const selection = await selectArtifactFiles(tree.dir, CONFIG, { index });
  assert.deepEqual(shape(selection), shape(await selectArtifactFiles(tree.dir, CONFIG)));
  assert.ok(selection.files.some((f) => f.path === 'pkg/deep/er/m.py'));
});

test('a selection built on an older one than the last takes nothing from it that changed since that one began', async () => {
  const tree = makeTree({ 'a/x.py': 'x = 1\n', 'b/y.py': 'y = 1\n' });
  trees.push(tree);
  const index = new ProjectIndex();
  const first = await selectArtifactFiles(tree.dir, CONFIG, { index });
  writeFileSync(join(tree.dir, 'a', 'z.py'), 'z = 1\n');
  index.changed(join(tree.dir, 'a', 'z.py'), 'created');
  // The next walks see a/ as it is now; the second of them (z.py's stat known by then) notes that nothing in it varies.
  const fresh = await selectArtifactFiles(tree.dir, CONFIG, { index, previous: first });
  const second = await selectArtifactFiles(tree.dir, CONFIG, { index, previous: fresh });
  // A check that began before the second ended builds on the first (two checks of one config in flight): a/ must not
  // be taken from the first, which was made before z.py came.
  const third = await selectArtifactFiles(tree.dir, CONFIG, { index, previous: first });
  assert.ok(second.files.some((f) => f.path === 'a/z.py'));
  assert.deepEqual(
    third.files.map((f) => f.path),
    second.files.map((f) => f.path),
  );
});
