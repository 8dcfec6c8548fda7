import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverTasks } from '../../../../server/src/artifact/discovery/index';
import { fixtureSources, lineOf } from './fixtureProject';

const sources = fixtureSources('task-forms');
const d = discoverTasks(sources);
const task = (className: string) => d.tasks.find((t) => t.className === className);
const text = (file: string) => sources.find((s) => s.path === file)!.text;

test('tasks are subclasses of Tilebox Task through aliases and project bases in other modules, nothing else', () => {
  assert.deepEqual(
    d.tasks.map((t) => [t.file, t.className]),
    [
      ['pipeline/base.py', 'StampedTask'], // `import tilebox.workflows as tw` + `tw.Task`
      ['pipeline/tasks.py', 'Ingest'], // `from tilebox.workflows import Task as T`
      ['pipeline/tasks.py', 'Chunk'],
      ['pipeline/tasks.py', 'Merge'], // through the project base in base.py
      ['pipeline/tasks.py', 'Report'], // through Chunk
      ['pipeline/tasks.py', 'Orphan'],
      ['pipeline/tasks.py', 'FromEnvironment'],
      ['pipeline/tasks.py', 'FromLoop'],
    ],
  );
  // lookalike/: a project class named Task and its subclasses, and an import cycle of bases, are not tasks.
  assert.equal(d.tasks.filter((t) => t.file.startsWith('lookalike/')).length, 0);
  assert.equal(task('Ingest')!.line, lineOf(text('pipeline/tasks.py'), 'class Ingest('));
});

test('identifiers: literals, constants and f-strings over constants across modules, inherited, or computed', () => {
  assert.deepEqual(
    d.tasks.map((t) => [t.className, t.name, t.version, t.unresolved ?? false]),
    [
      ['StampedTask', 'acme/forms/Stamped', 'v1.0', false], // f-string over an f-string constant from settings.py
      ['Ingest', 'acme/forms/Ingest', 'v2.1', false], // imported constant; implicit concatenation in settings.py
      ['Chunk', 'Chunk', 'v0.0', false], // no identifier(): class name, v0.0
      ['Merge', 'acme/forms/Merge', 'v1.4', false], // `+` over a constant; overrides the inherited one
      ['Report', 'Report', 'v0.0', false],
      ['Orphan', 'Orphan', 'v0.0', false],
      ['FromEnvironment', 'f"{BUCKET}/FromEnvironment"', 'v1.0', true], // BUCKET comes from os.environ
      ['FromLoop', 'LOOP_A', 'v1.0', true], // constants defined through each other: no value, no hang
    ],
  );
  const inherits = discoverTasks([
    ...sources,
    {
      path: 'pipeline/extra.py',
      text: 'from .base import StampedTask\n\nclass Audit(StampedTask):\n    def execute(self, context): ...\n',
    },
  ]);
  assert.deepEqual(
    inherits.tasks.filter((t) => t.className === 'Audit').map((t) => [t.name, t.version]),
    [['acme/forms/Stamped', 'v1.0']],
  );
});

test('fields in MRO order: annotated, not ClassVar, not skip_serialization, type and default as written', () => {
  assert.deepEqual(task('Ingest')!.fields, [
    { name: 'area', type: 'str' },
    { name: 'days', type: 'int', default: '7' },
    { name: 'tags', type: 'list[str]', default: 'field(default_factory=list)' },
  ]);
  assert.deepEqual(
    task('Merge')!.fields,
    [
      { name: 'requested_by', type: 'str' },
      { name: 'area', type: 'str' },
    ],
    'base fields first',
  );
  assert.deepEqual(task('Report')!.fields, [{ name: 'index', type: 'int' }], 'inherited fields');
  const diamond = discoverTasks([
    {
      path: 'm.py',
      text: `from tilebox.workflows import Task
class A(Task):
    a: int
class B(A):
    b: int = 1
class C(A):
    c: str = "x"
    a: float = 0.5
class D(B, C):
    d: bool = True
`,
    },
  ]);
  // C3: D, B, C, A — so A's `a` keeps its first position and takes C's redefinition.
  assert.deepEqual(
    diamond.tasks.find((t) => t.className === 'D')!.fields.map((f) => `${f.name}: ${f.type}`),
    ['a: float', 'c: str', 'b: int', 'd: bool'],
  );
});

test('subtasks: submit_subtask(s) with comprehensions, recursion, local lists and loops, with their options', () => {
  const src = text('pipeline/tasks.py');
  assert.deepEqual(
    task('Ingest')!.subtasks.map((s) => [s.class, s.line, s.options]),
    [
      ['Chunk', lineOf(src, 'submit_subtasks([Chunk(i)'), { max_retries: '2' }],
      ['Merge', lineOf(src, 'submit_subtask(Merge('), { depends_on: 'futures', cluster: '"gpu"' }],
    ],
  );
  assert.deepEqual(
    task('Chunk')!.subtasks.map((s) => [s.class, s.line]),
    [
      ['Chunk', lineOf(src, 'submit_subtask(Chunk(self.index - 1))')], // itself
      ['Orphan', lineOf(src, 'pending.append(Orphan(')], // appended to a list, submitted in a loop
    ],
  );
});

test('Runners: module-level only, lists imported across modules, *spread, attribute names, register(), re-exports', () => {
  assert.deepEqual(
    d.runners.map((r) => [r.path, r.file, r.line, r.taskClassNames, r.unresolved]),
    [['pipeline.workflow:runner', 'pipeline/workflow.py', 7, ['Ingest', 'Chunk', 'Merge', 'FromEnvironment'], undefined]],
  );
  assert.equal(d.runnerAt('pipeline.__main__:runner'), d.runners[0], 're-exported from __main__.py');
  assert.deepEqual(task('Ingest')!.runners, ['pipeline.workflow:runner']);
  assert.deepEqual(task('Orphan')!.runners, [], 'the Runner built inside a function is not one');
  // The list items are located where they are written: TASKS lives in registry.py.
  assert.deepEqual(
    d.runners[0].items.map((i) => [i.file, i.span.line + 1]),
    [
      ['pipeline/registry.py', 5],
      ['pipeline/registry.py', 5],
      ['pipeline/workflow.py', 7],
      ['pipeline/workflow.py', 8],
    ],
  );
});

test('a Runner over a computed list is reported as unresolved, never guessed', () => {
  const runner = discoverTasks([
    {
      path: 'app/runner.py',
      text: `from tilebox.workflows import Runner
from app.tasks import load_tasks, A

runner = Runner(tasks=load_tasks())
mixed = Runner(tasks=[A] + load_tasks())
positional = Runner([A])
`,
    },
  ]).runners;
  assert.deepEqual(
    runner.map((r) => [r.variable, r.taskClassNames, r.unresolved]),
    [
      ['runner', [], true],
      ['mixed', ['A'], true],
      ['positional', [], true],
    ],
  );
});

test('import cycles between modules: star imports and re-exports that lead back end, and what is real is still found', () => {
  const cyclic = discoverTasks([
    { path: 'app/__init__.py', text: 'from app.tasks import *\n' },
    { path: 'app/names.py', text: 'from app.more import *\nfrom tilebox.workflows import Task\nPREFIX = "acme"\n' },
    { path: 'app/more.py', text: 'from app.names import *\nfrom app.names import PREFIX as P\nVERSION = "v1.2"\n' },
    {
      path: 'app/tasks.py',
      text: `from app import *
from app.names import *
from app.more import VERSION, Missing

class Scan(Task):
    @staticmethod
    def identifier():
        return f"{P}/Scan", VERSION

    def execute(self, context): ...

class Ghost(Missing):
    pass
`,
    },
    {
      path: 'app/runner.py',
      text: 'from tilebox.workflows import Runner\nfrom app import Scan\nfrom app.runner import runner as again\n\nrunner = Runner(tasks=[Scan])\n',
    },
  ]);
  assert.deepEqual(
    cyclic.tasks.map((t) => [t.className, t.name, t.version, t.runners]),
    [['Scan', 'acme/Scan', 'v1.2', ['app.runner:runner']]],
    'Task reaches tasks.py through two star imports that import each other; Missing is nowhere, so Ghost is no task',
  );
});
