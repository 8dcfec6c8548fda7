// The selection's use of .gitignore against git's own answer on generated trees: random
// folders and names, random rules from a pool covering every gitignore feature (nested files,
// anchoring, folder-only rules, negation, `**`, classes, escapes, dotfiles, case), spread over
// nested .gitignore files, `.git/info/exclude`, and a repository root above the workflow root.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { selectArtifactFiles, type Selection } from '../../../server/src/artifact/select';
import { git, gitList, listFiles, makeTree, type Tree } from './tree';

const trees: Tree[] = [];
after(() => trees.forEach((t) => t.remove()));

const NAMES = [
  'a',
  'b',
  'sub',
  'tmp',
  'build',
  'dist',
  'docs',
  'cache',
  'x',
  'y',
  'Data',
  'data',
  '.hidden',
  '.env',
  'keep.log',
  'app.log',
  'file1.txt',
  'fileA.txt',
  'README.md',
  'notes.md',
  'lib.o',
  'lib.a',
  'main.py',
  '!bang',
  '#hash',
  'sp ace',
];
const RULES = [
  '*.log',
  '!keep.log',
  'build/',
  '/dist',
  'a/**/b',
  '**/tmp',
  'tmp/',
  '*.[oa]',
  'file?.txt',
  '!*.md',
  'docs/*.md',
  '.hidden',
  '.*',
  '!.env',
  'Data/',
  '\\!bang',
  '\\#hash',
  'sub/',
  '!sub/',
  'x/y',
  '**/cache/**',
  'sp\\ ace',
  'main.py  ',
  '# note',
  '*',
  '!*/',
  '!*.py',
  'y',
  '/a/',
  'b/**',
  '!b/keep',
  'DATA',
  '[!a-m]*.txt',
  'docs/',
  '!docs/README.md',
  '**/x/**/*.log',
];

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** A tree of up to three levels; files hold their path, `.gitignore` files a few random rules. */
function generate(seed: number, tree: Tree, base: string): void {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const rules = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(RULES)).join('\n');
  const fill = (dir: string, depth: number) => {
    const prefix = dir ? `${dir}/` : '';
    if (next() < 0.6) tree.put(`${base}${prefix}.gitignore`, `${rules()}\n`);
    const names = new Set(Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(NAMES)));
    for (const name of names) {
      if (depth < 3 && next() < 0.45) fill(`${prefix}${name}`, depth + 1);
      else tree.put(next() < 0.75 ? `${base}${prefix}${name}` : `${base}${prefix}${name}/f.txt`);
    }
  };
  fill('', 0);
}

/** Excluded candidates with pruned folders expanded to their files, as git lists ignored files. */
const excludedFiles = (s: Selection) =>
  s.excluded.flatMap((e) => (e.path.endsWith('/') ? listFiles(s.root, e.path.slice(0, -1)) : [e.path])).sort();
const config = { slug: 'demo', root: '.', include: ['**'], exclude: [], useGitignore: true };

function repoWith(seed: number, base = ''): Tree {
  const tree = makeTree();
  trees.push(tree);
  git(tree.dir, 'init', '-q');
  generate(seed, tree, base);
  const next = random(seed * 7 + 1);
  tree.put('.git/info/exclude', `${RULES[Math.floor(next() * RULES.length)]}\n`);
  return tree;
}

test('on generated trees the selection is exactly what git leaves untracked-and-not-ignored', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const tree = repoWith(seed);
    const selection = await selectArtifactFiles(tree.dir, config);
    const rules = listFiles(tree.dir)
      .filter((p) => p.endsWith('.gitignore'))
      .map((p) => `${p}:\n${tree.read(p)}`)
      .join('\n');
    const context = `seed ${seed}\n${rules}\ninfo/exclude: ${tree.read('.git/info/exclude')}`;
    assert.deepEqual(
      selection.files.map((f) => f.path),
      gitList(tree.dir, '-o', '--exclude-standard'),
      context,
    );
    assert.deepEqual(excludedFiles(selection), gitList(tree.dir, '-o', '-i', '--exclude-standard').sort(), context);
  }
});

test("on generated trees below the repository root, the parents' .gitignore and info/exclude apply as in git", async () => {
  for (let seed = 101; seed <= 120; seed++) {
    const tree = repoWith(seed, 'proj/');
    tree.put('.gitignore', `${RULES[seed % RULES.length]}\nproj/${NAMES[seed % NAMES.length]}\n`);
    const selection = await selectArtifactFiles(tree.dir, { ...config, root: 'proj' });
    const cwd = `${tree.dir}/proj`;
    const context = `seed ${seed}: ${tree.read('.gitignore')}`;
    assert.deepEqual(
      selection.files.map((f) => f.path),
      gitList(cwd, '-o', '--exclude-standard'),
      context,
    );
    assert.deepEqual(excludedFiles(selection), gitList(cwd, '-o', '-i', '--exclude-standard').sort(), context);
  }
});

test('every excluded candidate of a generated tree names the rule `git check-ignore -v` names', async () => {
  for (let seed = 201; seed <= 210; seed++) {
    const tree = repoWith(seed);
    const selection = await selectArtifactFiles(tree.dir, config);
    for (const { path, reason } of selection.excluded) {
      const [source, line, pattern] = git(tree.dir, 'check-ignore', '-v', '--no-index', path).split('\t')[0].split(':');
      assert.equal(reason, `${source}:${line} "${pattern.trim()}"`, `seed ${seed}: ${path}`);
    }
  }
});
