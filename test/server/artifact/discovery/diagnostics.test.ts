import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverTasks } from '../../../../server/src/artifact/discovery/index';
import type { TaskFix } from '../../../../server/src/artifact/discovery/addToRunner';
import { fixtureSources } from './fixtureProject';

const sources = fixtureSources('task-forms');
const text = (file: string) => sources.find((s) => s.path === file)!.text;
const covered = (src: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = src.split('\n');
  return r.start.line === r.end.line
    ? lines[r.start.line].slice(r.start.character, r.end.character)
    : `${lines[r.start.line].slice(r.start.character)}…`;
};

/** Applies one fix's edits (bottom-up per file) and returns the changed files. */
function apply(fix: TaskFix, files: Map<string, string>): Map<string, string> {
  const out = new Map(files);
  const edits = [...fix.edits].sort((a, b) => b.range.line - a.range.line || b.range.character - a.range.character);
  for (const e of edits) {
    const lines = out.get(e.file)!.split('\n');
    const line = lines[e.range.line] ?? '';
    lines[e.range.line] = line.slice(0, e.range.character) + e.newText + line.slice(e.range.endCharacter);
    out.set(e.file, lines.join('\n'));
  }
  return out;
}

test('the fixture project: an unregistered subtask (with its fix) and an unserialisable field', () => {
  const d = discoverTasks(sources);
  assert.deepEqual(
    d.diagnostics.map(({ file, diagnostic: g }) => [file, g.code, g.severity, covered(text(file), g.range)]),
    [
      ['pipeline/tasks.py', 'task-field-type-unsupported', 1, 'callback: Callable[[int], None] | None = None'],
      ['pipeline/tasks.py', 'task-subtask-not-registered', 2, 'Orphan(self.index)'],
    ],
  );
  const unregistered = d.diagnostics[1].diagnostic;
  assert.match(String(unregistered.message), /^Orphan is submitted as a subtask but no Runner registers it \(`pipeline.workflow:runner`\)/);
  const [fix] = (unregistered.data as { fixes: TaskFix[] }).fixes;
  assert.equal(fix.title, 'Add Orphan to runner `pipeline.workflow:runner`');
  const after = apply(fix, new Map(sources.map((s) => [s.path, s.text])));
  const workflow = after.get('pipeline/workflow.py')!;
  assert.match(workflow, /from \.registry import TASKS\nfrom pipeline\.tasks import Orphan\n/);
  assert.match(workflow, /Runner\(tasks=\[\*TASKS, t\.Merge, Orphan\], cache=/);
  // With the fix applied the project is clean of that warning.
  const again = discoverTasks([...after].map(([path, t]) => ({ path, text: t })));
  assert.deepEqual(
    again.diagnostics.map((x) => x.diagnostic.code),
    ['task-field-type-unsupported'],
  );
});

test('a name already bound in the list module gets no import, an empty list gets the bare name', () => {
  const d = discoverTasks([
    {
      path: 'app.py',
      text: `from tilebox.workflows import Task, Runner

class Parent(Task):
    def execute(self, context):
        context.submit_subtask(Child())

class Child(Task):
    def execute(self, context): ...

runner = Runner(tasks=[Parent])
empty = Runner(tasks=[])
`,
    },
  ]);
  const fixes = (d.diagnostics.find((x) => x.diagnostic.code === 'task-subtask-not-registered')!.diagnostic.data as { fixes: TaskFix[] })
    .fixes;
  assert.deepEqual(
    fixes.map((f) => [f.title, f.edits.map((e) => [e.range.line + 1, e.range.character, e.newText])]),
    [
      ['Add Child to runner `app:runner`', [[10, 29, ', Child']]],
      ['Add Child to runner `app:empty`', [[11, 22, 'Child']]],
    ],
  );
});

test('no "not registered" warning when a Runner is computed (it may register anything) or there is no Runner', () => {
  const tasks = `from tilebox.workflows import Task, Runner
class Parent(Task):
    def execute(self, context):
        context.submit_subtask(Child())
class Child(Task):
    def execute(self, context): ...
`;
  assert.deepEqual(discoverTasks([{ path: 'a.py', text: tasks }]).diagnostics, []);
  assert.deepEqual(
    discoverTasks([{ path: 'a.py', text: `${tasks}runner = Runner(tasks=[Parent])\nother = Runner(tasks=make())\n` }]).diagnostics,
    [],
  );
});

test('an inherited identifier makes two registered classes duplicates; an inherited execute is not executable', () => {
  const src = `from tilebox.workflows import Task, Runner

class Base(Task):
    @staticmethod
    def identifier():
        return "acme/Same", "v1.0"
    def execute(self, context): ...

class Variant(Base):
    def execute(self, context): ...

class Lazy(Variant):
    pass

runner = Runner(tasks=[Base, Variant, Lazy])
`;
  const d = discoverTasks([{ path: 'w.py', text: src }]);
  assert.deepEqual(
    d.diagnostics.map(({ diagnostic: g }) => [g.code, covered(src, g.range), g.message]),
    [
      [
        'task-duplicate-identifier',
        'Variant',
        "Duplicate task identifier: A task 'acme/Same' with version 'v1.0' is already registered. (Base and Variant share it)",
      ],
      [
        'task-not-executable',
        'Lazy',
        'Task Lazy (acme/Same) is not executable. It must have an execute method in order to register it with a task runner.',
      ],
    ],
  );
});

test('field types: only what no SDK version can serialise is reported', () => {
  const fieldsOf = (types: string[]) =>
    `from tilebox.workflows import Task\nclass A(Task):\n${types.map((t, i) => `    f${i}: ${t}`).join('\n')}\n    def execute(self, context): ...\n`;
  const fine = [
    'str',
    'int',
    'list[float]',
    'dict[str, int] | None',
    'GeoBox',
    'Geometry',
    'UUID',
    'datetime',
    'tuple[datetime, datetime]',
    'Literal["a", "b"]',
    'TimeInterval',
    'typing_type_name',
    '"Subtype"',
  ];
  assert.deepEqual(discoverTasks([{ path: 'a.py', text: fieldsOf(fine) }]).diagnostics, []);
  const bad = ['Callable[[], None]', 'type[Task]', 'Iterator[int]', 'complex', 'IO[bytes]', 'ExecutionContext'];
  assert.deepEqual(
    discoverTasks([{ path: 'a.py', text: fieldsOf(bad) }]).diagnostics.map((x) => x.diagnostic.code),
    bad.map(() => 'task-field-type-unsupported'),
  );
});
