// What a keystroke in an open Python file costs the language server's memory: that module's facts replace the old
// ones and the tasks are resolved again from the cached facts of the others. No other module is parsed again (the
// parser's `parse` is counted), no file is read, the selection is not made again; a closed buffer falls back to
// the disk's facts.
import assert from 'node:assert/strict';
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, mock, test } from 'node:test';
import { parser } from '@lezer/python';
import { analyzeModule, type ModuleFacts } from '../../../../server/src/artifact/discovery/index';
import { ProjectMemory, type PythonOverlay } from '../../../../server/src/artifact/preview/index';
import type { SelectionConfig } from '../../../../server/src/config/types';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const task = (name: string, fields: string[] = []) =>
  [
    'from tilebox.workflows import Task',
    'from app.settings import PREFIX',
    '',
    `class ${name}(Task):`,
    ...fields.map((f) => `    ${f}`),
    '    @staticmethod',
    '    def identifier():',
    `        return f"{PREFIX}/${name}", "v1.0"`,
    '',
    '    def execute(self, context): ...',
    '',
  ].join('\n');

const FILES: Record<string, string> = {
  'app/__init__.py': '',
  // No class, no Runner: the prefilter defers it, and it is parsed when a task's identifier needs PREFIX.
  'app/settings.py': 'PREFIX = "tilebox.com/memory"\n',
  'app/a.py': task('A', ['area: str']),
  'app/b.py': task('B', ['count: int = 3']),
  'app/runner.py': 'from tilebox.workflows import Runner\nfrom app.a import A\nfrom app.b import B\n\nrunner = Runner(tasks=[A, B])\n',
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-memory-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Open editor buffers, as the language server's PythonBuffers keeps them. */
class Buffers implements PythonOverlay {
  version = 0;
  private readonly open = new Map<string, ModuleFacts>();
  edit(absPath: string, text: string): void {
    this.open.set(absPath, analyzeModule(absPath, text)!);
    this.version++;
  }
  close(absPath: string): void {
    this.open.delete(absPath);
    this.version++;
  }
  facts(absPath: string): ModuleFacts | undefined {
    return this.open.get(absPath);
  }
  paths(): Iterable<string> {
    return this.open.keys();
  }
}

/** Parses and file reads while `fn` runs. */
async function counting<T>(fn: () => Promise<T>): Promise<{ value: T; parses: number; reads: number }> {
  // On the class that defines `parse`: the strict parser parsePython configures is another object of it.
  let owner: object = parser;
  while (!Object.hasOwn(owner, 'parse')) owner = Object.getPrototypeOf(owner);
  const parse = mock.method(owner as typeof parser, 'parse');
  const read = mock.method(fs, 'readFileSync');
  // The server's `import * as fs` sees the mock only once the built-in's ES module exports are synced with it.
  syncBuiltinESMExports();
  try {
    const value = await fn();
    return { value, parses: parse.mock.callCount(), reads: read.mock.callCount() };
  } finally {
    parse.mock.restore();
    read.mock.restore();
    syncBuiltinESMExports();
  }
}

const config: SelectionConfig = { slug: 'memory', root: '.', include: ['app/**/*.py'], exclude: [], useGitignore: false };
const fieldsOf = (tasks: { className: string; fields: { name: string }[] }[], cls: string) =>
  tasks.find((t) => t.className === cls)?.fields.map((f) => f.name);

test('a keystroke in one module re-parses no other module, reads no file and keeps the selection', async () => {
  const dir = project();
  const memory = new ProjectMemory();
  const buffers = new Buffers();
  const cold = await counting(() => memory.analyse(dir, config, buffers));
  assert.ok(cold.parses >= 4, `the first analysis parses the modules (${cold.parses})`);
  assert.equal(cold.reads, 5, 'the first analysis reads every selected module once');
  assert.deepEqual(
    cold.value.discovery.tasks.map((t) => [t.className, t.name, t.runners]),
    [
      ['A', 'tilebox.com/memory/A', ['app.runner:runner']],
      ['B', 'tilebox.com/memory/B', ['app.runner:runner']],
    ],
  );

  // Both the constants module and the task module are open in the editor.
  const a = join(dir, 'app/a.py');
  buffers.edit(join(dir, 'app/settings.py'), FILES['app/settings.py']);
  buffers.edit(a, FILES['app/a.py']);
  await memory.analyse(dir, config, buffers);

  for (const [i, field] of ['area: str', 'days: int = 7', 'tags: list[str]'].entries()) {
    buffers.edit(a, task('A', ['area: str', ...(i > 0 ? [field] : []), 'note: str = "typed"']));
    const keystroke = await counting(() => memory.analyse(dir, config, buffers));
    assert.equal(keystroke.parses, 0, 'the edited module was parsed by its buffer; nothing else is parsed again');
    assert.equal(keystroke.reads, 0, 'no file is read');
    assert.equal(keystroke.value.selection, cold.value.selection, 'the selection is not made again');
    assert.deepEqual(fieldsOf(keystroke.value.discovery.tasks, 'A'), ['area', ...(i > 0 ? [field.split(':')[0]] : []), 'note']);
    assert.equal(keystroke.value.discovery.tasks.find((t) => t.className === 'A')?.name, 'tilebox.com/memory/A');
    assert.deepEqual(fieldsOf(keystroke.value.discovery.tasks, 'B'), ['count']);
  }

  buffers.close(a);
  const closed = await counting(() => memory.analyse(dir, config, buffers));
  assert.deepEqual([closed.parses, closed.reads], [0, 0], 'the disk facts of a closed buffer are still cached');
  assert.deepEqual(fieldsOf(closed.value.discovery.tasks, 'A'), ['area'], 'unsaved edits are gone with the buffer');
});

test('an edit to an open constants module re-resolves the tasks that use it', async () => {
  const dir = project();
  const memory = new ProjectMemory();
  const buffers = new Buffers();
  await memory.analyse(dir, config, buffers);
  buffers.edit(join(dir, 'app/settings.py'), 'PREFIX = "tilebox.com/renamed"\n');
  const { discovery } = await memory.analyse(dir, config, buffers);
  assert.deepEqual(
    discovery.tasks.map((t) => t.name),
    ['tilebox.com/renamed/A', 'tilebox.com/renamed/B'],
  );
});

test('a file event re-reads only the files it names; the other modules keep their facts', async () => {
  const dir = project();
  const memory = new ProjectMemory();
  const first = await memory.analyse(dir, config);
  const b = join(dir, 'app/b.py');
  writeFileSync(b, task('B', ['count: int = 3', 'limit: float = 1.5']));
  memory.index.changed(b, 'changed');
  const saved = await counting(() => memory.analyse(dir, config));
  assert.deepEqual([saved.parses, saved.reads], [1, 1], 'only the saved module is read and parsed');
  assert.deepEqual(fieldsOf(saved.value.discovery.tasks, 'B'), ['count', 'limit']);
  assert.deepEqual(fieldsOf(saved.value.discovery.tasks, 'A'), ['area']);

  const c = join(dir, 'app/c.py');
  writeFileSync(c, task('C', ['day: str']));
  memory.index.changed(c, 'created');
  rmSync(join(dir, 'app/a.py'));
  memory.index.changed(join(dir, 'app/a.py'), 'deleted');
  const moved = await counting(() => memory.analyse(dir, config));
  assert.deepEqual([moved.parses, moved.reads], [1, 1], 'only the created module is read');
  assert.deepEqual(
    moved.value.discovery.tasks.map((t) => t.className),
    ['B', 'C'],
  );
  assert.notEqual(moved.value.selection, first.selection);
});

test('an include edit and back reuses the walk made under the first pattern, yet shows what changed on disk meanwhile', async () => {
  const dir = project();
  for (const sub of ['one', 'two']) {
    mkdirSync(join(dir, 'data', sub), { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, 'data', sub, `f${i}.txt`), sub);
  }
  const memory = new ProjectMemory();
  const wide = { ...config, include: ['app/**/*.py', 'data/**'] };
  const narrow = { ...config, include: ['app/**/*.py', 'data/one/**'] };
  const paths = (s: { files: { path: string }[] }) => s.files.map((f) => f.path).filter((p) => p.startsWith('data/'));
  await memory.analyse(dir, wide);
  await memory.analyse(dir, narrow);
  // While the narrow pattern is in force, a file appears under the part only the wide one selects.
  writeFileSync(join(dir, 'data', 'two', 'late.txt'), 'late');
  memory.index.changed(join(dir, 'data', 'two', 'late.txt'), 'created');
  const back = await memory.analyse(dir, wide);
  assert.deepEqual(paths(back.selection), [
    'data/one/f0.txt',
    'data/one/f1.txt',
    'data/one/f2.txt',
    'data/two/f0.txt',
    'data/two/f1.txt',
    'data/two/f2.txt',
    'data/two/late.txt',
  ]);
  // The same as a memory that never saw the narrow pattern.
  const fresh = await new ProjectMemory().analyse(dir, wide);
  assert.deepEqual(paths(back.selection), paths(fresh.selection));
});
