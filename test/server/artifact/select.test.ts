import assert from 'node:assert/strict';
import { join, posix } from 'node:path';
import { after, test } from 'node:test';
import { ProjectIndex } from '../../../server/src/artifact/projectIndex';
import { selectArtifactFiles, type Selection } from '../../../server/src/artifact/select';
import { git, gitList, listFiles, makeTree, selectionConfig, type Tree } from './tree';

const trees: Tree[] = [];
after(() => trees.forEach((t) => t.remove()));
const repo = (files: Record<string, string>) => {
  const tree = makeTree();
  trees.push(tree);
  git(tree.dir, 'init', '-q');
  for (const [rel, text] of Object.entries(files)) tree.put(rel, text);
  return tree;
};
const paths = (s: Selection) => s.files.map((f) => f.path);
/** Excluded candidates with pruned folders expanded to their files, as git lists them. */
const excludedFiles = (s: Selection) =>
  s.excluded.flatMap((e) => (e.path.endsWith('/') ? listFiles(s.root, e.path.slice(0, -1)).map((p) => p) : [e.path])).sort();

const RULES_TREE = {
  '.gitignore': '# comment\n*.log\n!keep.log\ndata/\n!data/keep.txt\n/build\n**/tmp/**\ndocs/**/*.md\n\\#literal\nSecret*\n*.dat\n',
  '.git/info/exclude': 'local-only.txt\n',
  'pkg/.gitignore': '*.bin\n!important.bin\n/local.txt\nsub/gen/\n!*.dat\n',
  'app.py': '',
  'app.log': '',
  'keep.log': '',
  'A.LOG': '',
  'data/x.csv': '',
  'data/keep.txt': '',
  'src/data/y.csv': '',
  'build/out.o': '',
  'src/build/keep.o': '',
  'a/tmp/b/c.txt': '',
  'tmp/top.txt': '',
  'docs/a.md': '',
  'docs/x/y/b.md': '',
  'docs/readme.txt': '',
  '#literal': '',
  'Secret.txt': '',
  'secret.txt': '',
  'local-only.txt': '',
  'pkg/local-only.txt': '',
  'pkg/a.bin': '',
  'pkg/important.bin': '',
  'pkg/local.txt': '',
  'pkg/deep/local.txt': '',
  'pkg/sub/gen/g.py': '',
  'pkg/gen/ok.py': '',
  '.env': '',
  '.hidden/x.py': '',
  'y.dat': '',
  'pkg/x.dat': '',
  'B.py': '',
  'a.py': '',
  '_.py': '',
  'é.py': '',
  'Z/x.py': '',
  'Z.py': '',
  'Z-.py': '',
};

test("selects exactly the files git does not ignore, in git's byte order", async () => {
  const tree = repo(RULES_TREE);
  const selection = await selectArtifactFiles(tree.dir, selectionConfig());
  assert.deepEqual(paths(selection), gitList(tree.dir, '-o', '--exclude-standard'));
  assert.deepEqual(excludedFiles(selection), gitList(tree.dir, '-o', '-i', '--exclude-standard').sort());
  assert.deepEqual(selection.problems, []);
});

test('each ignored candidate names the rule git names (check-ignore -v)', async () => {
  const tree = repo(RULES_TREE);
  const selection = await selectArtifactFiles(tree.dir, selectionConfig());
  assert.ok(selection.excluded.length >= 10);
  for (const { path, reason } of selection.excluded) {
    const [source, line, pattern] = git(tree.dir, 'check-ignore', '-v', '--no-index', path).split('\t')[0].split(':');
    assert.equal(reason, `${source}:${line} "${pattern}"`, path);
  }
});

test("a root below the repository root obeys the parent folders' .gitignore", async () => {
  const tree = repo({
    '.gitignore': '*.tmp\nproj/out/\n',
    'proj/.gitignore': 'cache/\n',
    'proj/main.py': '',
    'proj/x.tmp': '',
    'proj/out/o.txt': '',
    'proj/cache/c': '',
    'proj/sub/out/kept.txt': '',
    'other/ignored-by-nothing.py': '',
  });
  const selection = await selectArtifactFiles(tree.dir, selectionConfig({ root: 'proj' }));
  const cwd = `${tree.dir}/proj`;
  assert.deepEqual(paths(selection), gitList(cwd, '-o', '--exclude-standard'));
  assert.deepEqual(excludedFiles(selection), gitList(cwd, '-o', '-i', '--exclude-standard').sort());
  const out = selection.excluded.find((e) => e.path === 'out/');
  const [source, line, pattern] = git(cwd, 'check-ignore', '-v', '--no-index', 'out/').split('\t')[0].split(':');
  // git names the file from the repository root; the selection names it from the workflow root.
  assert.equal(out?.reason, `${posix.relative('proj', source)}:${line} "${pattern}"`);
  assert.equal(out?.reason, '../.gitignore:2 "proj/out/"');
});

test('use_gitignore = false keeps ignored files, never .git', async () => {
  const tree = repo(RULES_TREE);
  const selection = await selectArtifactFiles(tree.dir, selectionConfig({ useGitignore: false }));
  const all = listFiles(tree.dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(paths(selection), all);
  assert.ok(!paths(selection).some((p) => p.startsWith('.git/')));
  assert.deepEqual(selection.excluded, []);
});

test("outside a git repository the tree's own .gitignore files still apply", async () => {
  const tree = makeTree({ '.gitignore': 'out/\n', 'a.py': '', 'out/b.py': '' });
  trees.push(tree);
  const selection = await selectArtifactFiles(tree.dir, selectionConfig());
  assert.deepEqual(paths(selection), ['.gitignore', 'a.py']);
  assert.deepEqual(selection.excluded, [{ path: 'out/', reason: '.gitignore:1 "out/"' }]);
});

test("a walk of the project index meets the files in git's byte order, before and after a file event", async () => {
  const tree = repo({
    ...RULES_TREE,
    'Z-/y.py': '',
    'a b/x.py': '',
    'ab/x.py': '',
    '\u{1F600}.py': '',
    '\uE000.py': '',
    '\uE000/z.py': '',
  });
  const index = new ProjectIndex();
  const expected = gitList(tree.dir, '-o', '--exclude-standard');
  assert.deepEqual(paths(await selectArtifactFiles(tree.dir, selectionConfig(), { index })), expected, 'first walk');
  assert.deepEqual(paths(await selectArtifactFiles(tree.dir, selectionConfig(), { index })), expected, 'from memory');
  for (const rel of ['Z-/a.py', 'Z.pz', 'ab/w.py']) {
    tree.put(rel, '');
    index.changed(join(tree.dir, rel), 'created');
  }
  const after = paths(await selectArtifactFiles(tree.dir, selectionConfig(), { index }));
  assert.deepEqual(after, gitList(tree.dir, '-o', '--exclude-standard'), 'created files merged in');
});
