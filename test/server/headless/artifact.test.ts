import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { makeTree, type Tree } from '../artifact/tree';

// The bundled CLI as users and CI run it (`npm run test:unit` builds dist/ first).
const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const trees: Tree[] = [];
after(() => trees.forEach((t) => t.remove()));
const cli = (...args: string[]) => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const keys = (o: object) => Object.keys(o);
const TOML = (include: string, extra = '') =>
  `[workflow]\nslug = "demo-wf"\nrunner = "scene_qa.runner:runner"\n${extra}\n[build]\ninclude = [${include}]\nexclude = ["**/__pycache__/**"]\n`;
/** A temp copy of the example project (its .gitignore ignores output/ and *.log). */
const example = (toml?: string) => {
  const t = makeTree();
  trees.push(t);
  fs.cpSync('test/fixtures/example-project', t.dir, { recursive: true });
  t.put('output/result.json', '{}');
  t.put('run.log', 'log');
  t.put('scene_qa/__pycache__/tasks.cpython-312.pyc', 'bytecode');
  if (toml) t.put('tilebox.workflow.toml', toml);
  return t;
};

test('preview --json lists files with sizes, excluded candidates with reasons, and the tasks found', () => {
  const t = example(TOML('"**"'));
  const r = cli('preview', t.dir, '--json');
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.deepEqual(keys(json), ['root', 'files', 'excluded', 'totalBytes', 'tasks', 'runners']);
  for (const f of json.files) assert.deepEqual(keys(f), ['path', 'size']);
  for (const e of json.excluded) assert.deepEqual(keys(e), ['path', 'reason']);
  for (const task of json.tasks)
    assert.deepEqual(keys(task), ['name', 'version', 'file', 'line', 'class', 'fields', 'subtasks', 'runners']);
  assert.deepEqual(json.runners, [
    { path: 'scene_qa.runner:runner', file: 'scene_qa/runner.py', line: 6, tasks: ['FetchScene', 'CheckClouds', 'Summarize'] },
  ]);
  const fetch = json.tasks.find((t: { class: string }) => t.class === 'FetchScene');
  assert.deepEqual(
    [fetch.fields, fetch.subtasks.map((s: { class: string }) => s.class), fetch.runners],
    [[{ name: 'scene_id', type: 'str' }], ['CheckClouds'], ['scene_qa.runner:runner']],
  );
  assert.equal(json.root, t.dir);
  assert.deepEqual(
    json.files.map((f: { path: string }) => f.path),
    ['.gitignore', 'pyproject.toml', 'scene_qa/__init__.py', 'scene_qa/runner.py', 'scene_qa/tasks.py', 'tilebox.workflow.toml', 'uv.lock'],
  );
  assert.equal(json.files.find((f: { path: string }) => f.path === 'uv.lock').size, fs.statSync(join(t.dir, 'uv.lock')).size);
  assert.deepEqual(json.excluded, [
    { path: 'output/', reason: '.gitignore:2 "output/"' },
    { path: 'run.log', reason: '.gitignore:3 "*.log"' },
    { path: 'scene_qa/__pycache__/', reason: 'exclude pattern "**/__pycache__/**"' },
  ]);
  assert.equal(
    json.totalBytes,
    json.files.reduce((n: number, f: { size: number }) => n + f.size, 0),
  );
  assert.ok(json.tasks.length > 0);
  for (const task of json.tasks) {
    assert.equal(task.file, 'scene_qa/tasks.py');
    assert.match(task.version, /^v\d+\.\d+$/);
    assert.ok(Number.isInteger(task.line) && task.line > 0);
  }
});

test('build writes <root>/<slug>.tar.zst, reports its sha256, and a rebuild leaves the old archive out', () => {
  const t = example(TOML('"**"'));
  const first = cli('build', t.dir, '--json');
  assert.equal(first.code, 0, first.err);
  const built = JSON.parse(first.out);
  assert.deepEqual(keys(built), ['path', 'digest', 'bytes', 'files']);
  assert.equal(built.path, join(t.dir, 'demo-wf.tar.zst'));
  assert.equal(built.digest, createHash('sha256').update(fs.readFileSync(built.path)).digest('hex'));
  assert.equal(built.bytes, fs.statSync(built.path).size);
  assert.equal(built.files, 7);
  const again = JSON.parse(cli('build', t.dir, '--json').out);
  assert.equal(again.digest, built.digest);
  const out = join(t.dir, 'elsewhere.tar.zst');
  const custom = cli('build', join(t.dir, 'scene_qa'), '--out', out);
  assert.equal(custom.code, 0, custom.err);
  assert.match(custom.out, /^built .*elsewhere\.tar\.zst\n/);
  assert.deepEqual(fs.readFileSync(out), fs.readFileSync(built.path));
});

test('unsafe paths and bad configs exit 1 with one line naming the cause, and write nothing', () => {
  const climbing = example(TOML('"../secrets/**"'));
  let r = cli('build', climbing.dir);
  assert.equal(r.code, 1);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.match(r.err, /\.\.\/secrets\/\*\*/);
  const linked = example(TOML('"**"'));
  fs.symlinkSync('/etc/hostname', join(linked.dir, 'scene_qa/host.txt'));
  r = cli('build', linked.dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /^build: .*tilebox\.workflow\.toml: symbolic link scene_qa\/host\.txt leads outside the workflow root/);
  assert.equal(fs.existsSync(join(linked.dir, 'demo-wf.tar.zst')), false);
  const invalid = example('[workflow]\nrunner = "a:b"\n[build]\ninclude = ["**"]\n');
  r = cli('preview', invalid.dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /^preview: .*tilebox\.workflow\.toml:\d+:\d+: /);
  r = cli('preview', join(invalid.dir, 'no-such-folder'));
  assert.equal(r.code, 1);
  assert.match(r.err, /no-such-folder: no such file or folder/);
});

test('a root outside the project, a FIFO and an unwritable output exit 1 with one line, and print nothing on stdout', () => {
  const outside = example(TOML('"**"', 'root = ".."'));
  let r = cli('preview', outside.dir, '--json');
  assert.deepEqual([r.code, r.out], [1, '']);
  assert.match(r.err, /^preview: .*tilebox\.workflow\.toml:\d+:\d+: root "\.\." leaves the folder of tilebox\.workflow\.toml[^\n]*\n$/);
  // A root that looks inside but is a link to elsewhere is caught by the validator's file stage, on the root value.
  const linkedRoot = example(TOML('"**"', 'root = "linked"'));
  const elsewhere = makeTree();
  trees.push(elsewhere);
  fs.symlinkSync(elsewhere.dir, join(linkedRoot.dir, 'linked'));
  r = cli('build', linkedRoot.dir, '--json');
  assert.deepEqual([r.code, r.out], [1, '']);
  assert.match(
    r.err,
    /^build: .*tilebox\.workflow\.toml:\d+:\d+: root "linked" leads outside the project folder through a symbolic link \(to [^)]*artifact-\w+\)/,
  );
  const piped = example(TOML('"**"'));
  execFileSync('mkfifo', [join(piped.dir, 'scene_qa', 'events.pipe')]);
  for (const command of ['preview', 'build']) {
    r = cli(command, piped.dir, '--json');
    assert.deepEqual([r.code, r.out], [1, ''], command);
    assert.match(
      r.err,
      new RegExp(`^${command}: .*: scene_qa/events\\.pipe is a named pipe \\(FIFO\\), not a regular file; exclude it or remove it\\n$`),
    );
  }
  assert.deepEqual(
    fs.readdirSync(piped.dir).filter((f) => f.endsWith('.tar.zst') || f.endsWith('.tmp')),
    [],
  );
  const fine = example(TOML('"**"'));
  r = cli('build', fine.dir, '--out', join(fine.dir, 'no-such-folder', 'a.tar.zst'), '--json');
  assert.deepEqual([r.code, r.out], [1, '']);
  assert.match(r.err, /^build: cannot write .*no-such-folder\/a\.tar\.zst: no such file or folder\n$/);
});

test('Ctrl-C during a build exits 1 with one line and leaves neither the archive nor a temp file', async () => {
  const t = example(TOML('"**"'));
  // Enough incompressible data that the build is still running when the signal comes.
  for (let i = 0; i < 16; i++) fs.writeFileSync(join(t.dir, `blob${i}.bin`), randomBytes(8 * 1024 * 1024));
  const child = spawn(process.execPath, [CLI, 'build', t.dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  child.stdout.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Interrupt once the temp archive exists, i.e. mid-build.
  const temp = () => fs.readdirSync(t.dir).some((f) => f.endsWith('.tmp'));
  while (!temp() && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
  assert.ok(temp(), `the build ended before it could be interrupted: ${err}`);
  child.kill('SIGINT');
  assert.equal(await exited, 1);
  assert.equal(out, '');
  assert.match(err, /^build: interrupted; .*demo-wf\.tar\.zst was not written\n$/);
  assert.deepEqual(
    fs.readdirSync(t.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.tar.zst')),
    [],
  );
});

test('bad usage exits 2 and shows the usage line', () => {
  for (const args of [['build'], ['preview', 'a', 'b'], ['build', '.', '--zip']]) {
    const r = cli(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /usage: tilebox-workflow-check (build|preview) <dir>/);
  }
  // No command, an unknown one, or a name every object has: the list of commands.
  for (const args of [[], ['deploy'], ['toString']]) {
    const r = cli(...args);
    assert.deepEqual([r.code, r.out], [2, ''], args.join(' '));
    assert.match(r.err, /^usage:\n  tilebox-workflow-check check .*\n  tilebox-workflow-check preview .*\n  tilebox-workflow-check build /);
  }
});

test('preview and build read the config as check does: a BOM does not shift columns, a non-UTF-8 file is named', () => {
  const bom = example(`\uFEFF${TOML('"**"').replace('[workflow]', '[workflw]')}`);
  const r = cli('preview', bom.dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /tilebox\.workflow\.toml:1:2: Unknown table "workflw"/);
  const latin1 = example();
  fs.writeFileSync(
    join(latin1.dir, 'tilebox.workflow.toml'),
    Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${TOML('"**"')}`)]),
  );
  const bad = cli('build', latin1.dir);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /tilebox\.workflow\.toml: cannot read: not UTF-8 text; TOML files must be saved as UTF-8/);
});

test('preview --json on the task-forms fixture: computed identifiers have no name/version; Runners with their tasks', () => {
  const r = cli('preview', 'test/fixtures/task-forms', '--json');
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const computed = json.tasks.find((t: { class: string }) => t.class === 'FromEnvironment');
  assert.deepEqual(computed, {
    computed: true,
    file: 'pipeline/tasks.py',
    line: computed.line,
    class: 'FromEnvironment',
    fields: [],
    subtasks: [],
    runners: ['pipeline.workflow:runner'],
  });
  assert.deepEqual(json.runners, [
    { path: 'pipeline.workflow:runner', file: 'pipeline/workflow.py', line: 7, tasks: ['Ingest', 'Chunk', 'Merge', 'FromEnvironment'] },
  ]);
  assert.ok(!json.tasks.some((t: { file: string }) => t.file.startsWith('lookalike/')), 'a project class named Task is not a task');
});
