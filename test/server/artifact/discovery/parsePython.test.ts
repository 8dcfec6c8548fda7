import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModule, discoverTasks } from '../../../../server/src/artifact/discovery/index';
import { parsePython } from '../../../../server/src/artifact/discovery/parsePython';

const task = (name: string) => `class ${name}(Task):\n    count: int = 1\n\n    def execute(self, context) -> None:\n        pass\n`;
const header = 'from tilebox.workflows import Task\n\n';

/** Words run together the way a generated or non-Python `.py` file looks: an error every line or two. */
function noise(lines: number): string {
  const words = ['def', 'return', 'self', 'tile', 'if', 'for', 'in', 'None', 'import', 'submit_subtask', '(', ':'];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const indent = '    '.repeat(i % 3);
    out.push(indent + Array.from({ length: 6 }, (_, k) => words[(i * 7 + k * 5) % words.length]).join(' '));
  }
  return `${out.join('\n')}\n`;
}

const classNames = (text: string) => discoverTasks([{ path: 'm.py', text }]).tasks.map((t) => t.className);

test('a clean module is one strict parse with no syntax errors', () => {
  const parsed = parsePython(header + task('A') + task('B'));
  assert.equal(parsed.syntaxErrors, false);
  assert.equal(parsed.trees.length, 1);
  assert.deepEqual(classNames(header + task('A') + task('B')), ['A', 'B']);
});

test('a few errors in a long module: the tolerant parse reads every task around them', () => {
  const broken = 'def helper(:\n    return\n\n';
  const text = header + task('A') + broken + task('B') + 'total = 1 +\n\n' + task('C');
  assert.equal(analyzeModule('m.py', text)?.syntaxErrors, true);
  assert.deepEqual(classNames(text), ['A', 'B', 'C']);
});

test('text dense with errors keeps the clean statements before them and stops there', () => {
  const text = header + task('Before') + noise(400) + task('After');
  const parsed = parsePython(text);
  assert.equal(parsed.syntaxErrors, true);
  assert.deepEqual(classNames(text), ['Before'], 'what follows the noise is not read');
});

test('noise from the first line: no facts, no exception', () => {
  const facts = analyzeModule('m.py', noise(200) + header + task('Late'));
  assert.equal(facts?.syntaxErrors, true);
  assert.deepEqual(facts?.classes, []);
});

test('an error detected after the statement that holds it: the statements before that one are kept', () => {
  // The open bracket only fails at the next `class`, which counts as the statement the error is in.
  const text = `${header}import os\nvalue = (1,\n${task('A')}${noise(300)}`;
  const facts = analyzeModule('m.py', text)!;
  assert.equal(facts.syntaxErrors, true);
  assert.deepEqual(
    facts.imports.map((i) => i.module),
    ['tilebox.workflows', 'os'],
  );
});
