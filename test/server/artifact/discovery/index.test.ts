import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { discoverTasks } from '../../../../server/src/artifact/discovery/index';

const example = new URL('../../../fixtures/example-project/', import.meta.url);
const read = (rel: string) => ({ path: rel, text: readFileSync(new URL(rel, example), 'utf8') });

/** 1-based line of the first line containing `needle`, so expectations follow the source. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('finds the example project tasks with their identifiers, lines and runner', () => {
  const tasksPy = read('scene_qa/tasks.py');
  const d = discoverTasks([tasksPy, read('scene_qa/runner.py'), read('scene_qa/__init__.py')]);
  assert.equal(d.static, true);
  assert.deepEqual(
    d.tasks.map((t) => [t.className, t.name, t.version, t.file, t.line]),
    [
      ['FetchScene', 'tilebox.com/example/FetchScene', 'v1.0', 'scene_qa/tasks.py', lineOf(tasksPy.text, 'class FetchScene')],
      ['CheckClouds', 'tilebox.com/example/CheckClouds', 'v1.2', 'scene_qa/tasks.py', lineOf(tasksPy.text, 'class CheckClouds')],
      ['Summarize', 'Summarize', 'v0.0', 'scene_qa/tasks.py', lineOf(tasksPy.text, 'class Summarize')],
    ],
  );
  assert.deepEqual(
    d.runners.map(({ file, line, variable, taskClassNames, path }) => ({ file, line, variable, taskClassNames, path })),
    [
      {
        file: 'scene_qa/runner.py',
        line: 6,
        variable: 'runner',
        taskClassNames: ['FetchScene', 'CheckClouds', 'Summarize'],
        path: 'scene_qa.runner:runner',
      },
    ],
  );
  assert.deepEqual(d.diagnostics, []);
});

const tricky = `from dataclasses import dataclass
from tilebox.workflows import Task as TB
import tilebox.workflows as tw
from tilebox import workflows

DOC = """
class InString(Task):
    pass
"""
# class Commented(Task):
NAME = "tilebox.com/x/" "Constant"

class Multi(
    TB,  # class Fake(Task):
    metaclass=Meta,
):
    def execute(self, context) -> None: ...

@dataclass
class Decorated(tw.Task):
    @classmethod
    def identifier(cls):
        def helper():
            return "inner", "v9.9"
        return (NAME, 'v2.1')

class Dotted(workflows.Task):
    s = "class NotATask(Task):"
    async def execute(self, context): pass

class Plain(object):
    pass

class Dynamic(TB):
    @staticmethod
    def identifier():
        return f"{NAME}-x", "v1.0"

class NotTilebox(Task):
    pass
`;

test('sees through aliases, decorators, multi-line headers, comments and strings', () => {
  const d = discoverTasks([{ path: 'pkg/t.py', text: tricky }]);
  assert.deepEqual(
    d.tasks.map((t) => [t.className, t.name, t.version, t.line]),
    [
      ['Multi', 'Multi', 'v0.0', lineOf(tricky, 'class Multi(')],
      ['Decorated', 'tilebox.com/x/Constant', 'v2.1', lineOf(tricky, 'class Decorated')],
      ['Dotted', 'Dotted', 'v0.0', lineOf(tricky, 'class Dotted')],
      ['Dynamic', 'tilebox.com/x/Constant-x', 'v1.0', lineOf(tricky, 'class Dynamic')],
    ],
  );
  // An f-string over module constants is static; `Task` not imported from tilebox.workflows is someone else's.
  assert.equal(d.tasks.find((t) => t.className === 'Dynamic')?.unresolved, undefined);
  assert.equal(
    d.tasks.find((t) => t.className === 'NotTilebox'),
    undefined,
  );
});

test('subclasses of tasks in other files are tasks and inherit identifier()', () => {
  const base =
    'from tilebox.workflows import Task\n\nclass Base(Task):\n    @staticmethod\n    def identifier():\n        return "tilebox.com/base", "v3.4"\n';
  const child =
    'from pkg.base import Base\n\n\nclass Child(Base):\n    def execute(self, context): pass\n\nclass GrandChild(Child):\n    pass\n';
  const d = discoverTasks([
    { path: 'pkg/child.py', text: child },
    { path: 'pkg/base.py', text: base },
  ]);
  assert.deepEqual(
    d.tasks.map((t) => [t.className, t.name, t.version, t.file, t.line]),
    [
      ['Child', 'tilebox.com/base', 'v3.4', 'pkg/child.py', 4],
      ['GrandChild', 'tilebox.com/base', 'v3.4', 'pkg/child.py', 7],
      ['Base', 'tilebox.com/base', 'v3.4', 'pkg/base.py', 3],
    ],
  );
});

test('reads multi-line and dotted runner task lists and later register() calls', () => {
  const text = `from tilebox import workflows
import pkg.tasks as tasks
from pkg.tasks import B, C

main_runner: workflows.Runner = workflows.Runner(
    tasks=[
        tasks.A,  # first
        B,
    ],
    cache=None,
)
main_runner.register(C)

def build():
    inner = Runner(tasks=[A])
`;
  const d = discoverTasks([{ path: 'pkg/runner.py', text }]);
  assert.deepEqual(
    d.runners.map(({ file, line, variable, taskClassNames }) => ({ file, line, variable, taskClassNames })),
    [{ file: 'pkg/runner.py', line: 5, variable: 'main_runner', taskClassNames: ['A', 'B', 'C'] }],
  );
});
