import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModule, resolveDiscovery } from '../../../../server/src/artifact/discovery/index';

const task = analyzeModule(
  'app/tasks.py',
  'from tilebox.workflows import Task\nfrom app.names import NAME\n\nclass A(Task):\n    @staticmethod\n    def identifier():\n        return NAME, "v1.0"\n    def execute(self, context): ...\n',
)!;
const names = (value: string) => analyzeModule('app/names.py', `NAME = "${value}"\n`)!;
const others = Array.from({ length: 50 }, (_, i) => analyzeModule(`app/other${i}.py`, `X = ${i}\n`)!);

test('a re-resolution with one file replaced sees the new file (the module index is patched, not stale)', () => {
  const first = [task, names('first'), ...others];
  assert.equal(resolveDiscovery(first).tasks[0].name, 'first');
  const second = [task, names('second'), ...others];
  assert.equal(resolveDiscovery(second).tasks[0].name, 'second');
  // A file moved away and another added at the same position: the old name no longer resolves.
  const moved = [task, analyzeModule('lib/names.py', 'NAME = "moved"\n')!, ...others];
  assert.equal(resolveDiscovery(moved).tasks[0].unresolved, true);
  // Fewer files: rebuilt from scratch.
  assert.equal(resolveDiscovery([task, names('third')]).tasks[0].name, 'third');
});

test('one file resolved alone: its tasks with their Runners, no project-wide checks', () => {
  const runner = analyzeModule(
    'app/runner.py',
    'from tilebox.workflows import Runner\nfrom app.tasks import A\nrunner = Runner(tasks=[A, A])\n',
  )!;
  const modules = [task, names('n'), runner, ...others];
  const one = resolveDiscovery(modules, 'app/tasks.py');
  assert.deepEqual(
    one.tasks.map((t) => [t.className, t.runners]),
    [['A', ['app.runner:runner']]],
  );
  assert.deepEqual(one.diagnostics, []);
  assert.deepEqual(
    resolveDiscovery(modules).diagnostics.map((d) => d.diagnostic.code),
    ['task-duplicate-identifier'],
  );
});

test('files created and deleted are patched in, and a discovery kept from before still resolves the project it saw', () => {
  const runner = analyzeModule(
    'app/runner.py',
    'from tilebox.workflows import Runner\nfrom app.tasks import A\nrunner = Runner(tasks=[A])\n',
  )!;
  const before = [...others.slice(0, 10), names('kept'), runner, task, ...others.slice(10)];
  const kept = resolveDiscovery(before);
  assert.ok(kept.runnerAt('app.runner:runner'));
  // runner.py deleted and a module created next to it: a few changes, patched rather than rebuilt.
  const created = analyzeModule('app/runner_v2.py', 'VALUE = 2\n')!;
  const after = before.filter((m) => m !== runner);
  after.splice(after.indexOf(task), 0, created);
  const now = resolveDiscovery(after);
  assert.equal(now.runnerAt('app.runner:runner'), undefined, 'the deleted runner is gone from the new discovery');
  assert.equal(now.tasks[0].name, 'kept', 'names from the modules that stayed still resolve');
  assert.ok(kept.runnerAt('app.runner:runner'), 'the discovery made before still sees its runner');
  // The same count of files, one replaced in place (patched too).
  const replaced = before.map((m) => (m === runner ? created : m));
  assert.equal(resolveDiscovery(replaced).runnerAt('app.runner:runner'), undefined);
  assert.ok(kept.runnerAt('app.runner:runner'), 'still, after a patch of the same length');
  // And back: the deleted file returns.
  assert.ok(resolveDiscovery(before).runnerAt('app.runner:runner'));
});

test('a module deleted that hid another of the same name hands the name to it; a name no other module has is gone', () => {
  const hidden = analyzeModule('src/app/names.py', 'NAME = "src layout"\n')!;
  const before = [names('flat'), ...others, hidden, task];
  assert.equal(resolveDiscovery(before).tasks[0].name, 'flat', 'the first module of a name in file order wins');
  const flatGone = before.filter((m) => m.file !== 'app/names.py');
  assert.equal(resolveDiscovery(flatGone).tasks[0].name, 'src layout');
  const bothGone = flatGone.filter((m) => m !== hidden);
  assert.equal(resolveDiscovery(bothGone).tasks[0].unresolved, true);
});

test('two projects resolved in turn, each changed by a file now and then, resolve against their own modules', () => {
  const lib = (value: string) => analyzeModule('app/names.py', `NAME = "${value}"\n`)!;
  const projectA = [task, lib('a'), ...others];
  const projectB = [task, lib('b'), ...others.slice(0, 5)];
  for (let round = 0; round < 3; round++) {
    const extra = analyzeModule(`app/extra${round}.py`, 'Y = 1\n')!;
    assert.equal(resolveDiscovery([...projectA, extra]).tasks[0].name, 'a', `A, round ${round}`);
    assert.equal(resolveDiscovery([...projectB, extra]).tasks[0].name, 'b', `B, round ${round}`);
    assert.equal(
      resolveDiscovery(projectA.filter((m) => m.file !== 'app/names.py')).tasks[0].unresolved,
      true,
      `A without names, round ${round}`,
    );
  }
});
