import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { discoverTasks, retryDiagnostics, TASK_DIAGNOSTIC_CODES } from '../../../../server/src/artifact/discovery/index';

/** The source text a diagnostic range covers, so tests assert what the user sees underlined. */
function covered(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

function diagnose(text: string) {
  return discoverTasks([{ path: 'wf/tasks.py', text }]).diagnostics.map(({ file, diagnostic: d }) => {
    assert.equal(file, 'wf/tasks.py');
    assert.equal(d.source, 'tilebox');
    assert.equal(d.severity, 1, 'the runtime refuses these, so they are errors');
    return { code: d.code, message: d.message, at: covered(text, d.range) };
  });
}

const task = (identifierBody: string, extra = '') =>
  `from tilebox.workflows import Task, Runner\n\nclass A(Task):\n    @staticmethod\n    def identifier():\n        ${identifierBody}\n\n    def execute(self, context): ...\n${extra}`;

test('a version that is not v<major>.<minor> is flagged on the version string', () => {
  for (const bad of ['1.0', 'v1', 'v1.0.0', 'V1.0', 'v1.x', '']) {
    const [d] = diagnose(task(`return "tilebox.com/A", "${bad}"`));
    assert.deepEqual(d, {
      code: 'task-invalid-version',
      message: `Invalid version string: ${bad} (expected "v<major>.<minor>", for example "v1.0")`,
      at: `"${bad}"`,
    });
  }
  assert.deepEqual(diagnose(task('return ("tilebox.com/A", "v10.23")')), []);
});

test('an empty name and a name over 256 characters are flagged on the name', () => {
  assert.deepEqual(diagnose(task('return "", "v1.0"')), [{ code: 'task-name-empty', message: 'A task name is required', at: '""' }]);
  const long = 'n'.repeat(257);
  const [d] = diagnose(task(`return ("${long}", "v1.0")`));
  assert.equal(d.code, 'task-name-too-long');
  assert.match(String(d.message), /^The task name is too long \(257 characters, at most 256\)/);
  assert.equal(d.at, `"${long}"`);
  assert.deepEqual(diagnose(task(`return ("${'n'.repeat(256)}", "v1.0")`)), []);
});

test('identifier() that is not a static/class method, or does not return two strings', () => {
  const notStatic = 'from tilebox.workflows import Task\n\nclass B(Task):\n    def identifier(self):\n        return "b", "v1.0"\n';
  assert.deepEqual(diagnose(notStatic), [
    {
      code: 'task-identifier-not-static',
      message: 'Failed to invoke B.identifier(). Is it a staticmethod or classmethod without parameters?',
      at: 'identifier',
    },
  ]);
  const classMethod = notStatic.replace('    def identifier(self)', '    @classmethod\n    def identifier(cls)');
  assert.deepEqual(diagnose(classMethod), []);
  assert.deepEqual(diagnose(task('return "a", "v1.0", "extra"')), [
    { code: 'task-identifier-not-pair', message: 'Expected A.identifier() to return a tuple of two strings', at: '"a", "v1.0", "extra"' },
  ]);
  assert.deepEqual(
    diagnose(task('return "a", 1.0')).map((d) => d.code),
    ['task-identifier-not-pair'],
  );
});

test('a duplicate identifier in one runner is flagged on the second list item', () => {
  const text = `from tilebox.workflows import Task, Runner

class A(Task):
    @staticmethod
    def identifier():
        return "tilebox.com/same", "v1.0"
    def execute(self, context): ...

class B(Task):
    @staticmethod
    def identifier():
        return "tilebox.com/same", "v1.0"
    def execute(self, context): ...

class C(Task):
    def execute(self, context): ...

runner = Runner(tasks=[A, C, B])
other = Runner(tasks=[C, C])
`;
  const diagnostics = discoverTasks([{ path: 'wf/tasks.py', text }]).diagnostics.map((d) => d.diagnostic);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message, d.range.start.line + 1, covered(text, d.range)]),
    [
      [
        'task-duplicate-identifier',
        "Duplicate task identifier: A task 'tilebox.com/same' with version 'v1.0' is already registered. (A and B share it)",
        18,
        'B',
      ],
      ['task-duplicate-identifier', "Duplicate task identifier: A task 'C' with version 'v0.0' is already registered.", 19, 'C'],
    ],
  );
  // The second C, not the first, carries it.
  assert.equal(diagnostics[1].range.start.character, text.split('\n')[18].lastIndexOf('C'));
});

test('a task without its own execute() cannot be registered with a runner', () => {
  const text = `from tilebox.workflows import Task, Runner

class Base(Task):
    def execute(self, context): ...

class Child(Base):
    pass

runner = Runner(tasks=[Base, Child])
`;
  assert.deepEqual(diagnose(text), [
    {
      code: 'task-not-executable',
      message: 'Task Child is not executable. It must have an execute method in order to register it with a task runner.',
      at: 'Child',
    },
  ]);
});

test('identifiers that cannot be read statically produce no diagnostics', () => {
  assert.deepEqual(diagnose(task('return compute_name(), VERSION')), []);
  assert.deepEqual(diagnose(task('return f"{x}", "v1.0"', 'runner = Runner(tasks=[A, A])\n')), []);
});

test('every code a Python diagnostic carries is documented', () => {
  const documented = new Set<string>(TASK_DIAGNOSTIC_CODES.map((c) => c.code));
  const sources = [
    task('return "", "1"'),
    task(`return "${'x'.repeat(300)}", "v1.0"`),
    task('return "a", "b", "c"'),
    'from tilebox.workflows import Task, Runner\nclass A(Task):\n    def identifier(self):\n        return "a", "v1.0"\n    def execute(self, context): ...\nclass B(Task):\n    pass\nrunner = Runner(tasks=[B, A, A])\n',
    'from tilebox.workflows import Task, Runner\nclass C(Task):\n    f: complex\n    def execute(self, context):\n        context.submit_subtask(D())\nclass D(Task):\n    def execute(self, context): ...\nrunner = Runner(tasks=[C, C])\n',
  ];
  const codes = sources.flatMap((s) => discoverTasks([{ path: 'x.py', text: s }]).diagnostics.map((d) => String(d.diagnostic.code)));
  // The one check that needs deployment data: release r1 runs "a" v0.9, the code declares v1.0.
  const deployed = [{ workflowSlug: 'wf', cluster: 'dev', releaseId: 'r1', tasks: [{ name: 'a', version: 'v0.9' }] }];
  const { tasks } = discoverTasks([{ path: 'x.py', text: task('return "a", "v1.0"') }]);
  codes.push(...retryDiagnostics(tasks, 'wf', deployed).map((d) => String(d.diagnostic.code)));
  assert.deepEqual(
    [...new Set(codes)].sort(),
    [...documented].sort(),
    'each documented code is produced by some input, and nothing else is',
  );
});
