import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeModule, discoverTasks } from '../../../../server/src/artifact/discovery/index';
import { expandDeferred } from '../../../../server/src/artifact/discovery/analyzeModule';
import { moduleBindingsOnly, needsFullParse } from '../../../../server/src/artifact/discovery/prefilter';

test('a syntax error costs its statement, not the file', () => {
  const text = `from tilebox.workflows import Task

class Broken(Task):
    def execute(self, context) -> None:
        x = (1,
    def identifier(:
        return

class Fine(Task):
    count: int = 2
    def execute(self, context) -> None:
        pass
`;
  const facts = analyzeModule('m.py', text)!;
  assert.equal(facts.syntaxErrors, true);
  const d = discoverTasks([{ path: 'm.py', text }]);
  assert.ok(
    d.tasks.some((t) => t.className === 'Fine' && t.fields[0]?.default === '2'),
    'the class after the error is still read',
  );
});

test('never throws on broken or odd input', () => {
  const odd = [
    'class',
    'class (',
    'class A(Task',
    '"""unterminated',
    "x = '\\",
    'class A(Task):\n\tdef identifier(:\n return',
    '\u0000\uffff',
    'from . import',
    'from .. import *',
    'import',
    ')))',
    'runner = Runner(tasks=[',
  ];
  for (const text of odd) {
    assert.doesNotThrow(() => discoverTasks([{ path: 'x.py', text }]), text);
    assert.doesNotThrow(() => discoverTasks([{ path: 'x.py', text: `from tilebox.workflows import Task, Runner\n${text}` }]), text);
  }
  assert.equal(discoverTasks([{ path: 'x.py', text: 'from tilebox.workflows import Task\nclass A(Task' }]).tasks[0]?.className, 'A');
});

test('a 5 MB generated module is read whole, with its task at the end', () => {
  const rows = Array.from({ length: 90_000 }, (_, i) => `    (${i}, "row-${i}", ${i * 0.5}),`).join('\n');
  const text = `from tilebox.workflows import Task\n\nTABLE = [\n${rows}\n]\n\nclass Last(Task):\n    def execute(self, context): ...\n`;
  assert.ok(text.length > 3_000_000);
  const d = discoverTasks([{ path: 'gen.py', text }]);
  assert.deepEqual(
    d.tasks.map((t) => [t.className, t.line]),
    [['Last', text.split('\n').length - 2]],
  );
});

test('the prefilter: files that cannot declare a task still give their module-level names', () => {
  const constants = `"""Docs.
NOT_A_CONSTANT = "in a docstring"
"""
import os
from .names import ORG

PREFIX = f"{ORG}/x"
MULTI = (
    "a"
    "b"
)

def helper():
    LOCAL = "no"
    return LOCAL

class Plain:
    LABEL = "no"
`;
  assert.equal(needsFullParse(constants), false);
  const kept = moduleBindingsOnly(constants);
  assert.equal(kept.split('\n').length, constants.split('\n').length, 'lines keep their numbers');
  const deferred = analyzeModule('pkg/consts.py', constants)!;
  assert.equal(typeof deferred.deferred, 'string', 'not parsed until another module imports from it');
  const facts = expandDeferred(deferred);
  assert.deepEqual(
    facts.bindings.map((b) => [b.name, b.line + 1]),
    [
      ['PREFIX', 7],
      ['MULTI', 8],
    ],
  );
  assert.deepEqual(
    facts.imports.map((i) => [i.local, i.module, i.level]),
    [
      ['os', 'os', 0],
      ['ORG', 'names', 1],
    ],
  );
  assert.equal(facts.classes.length, 0);
  // A class with a base, a Runner, register() or a submit call: the whole file is parsed.
  for (const text of ['class A(Base):\n    pass', 'r = Runner()', 'r.register(A)', 'context.submit_subtask(A())'])
    assert.equal(needsFullParse(text), true, text);
});

test('a subclass of a project base without "Task" in its file is still found', () => {
  const d = discoverTasks([
    { path: 'app/base.py', text: 'from tilebox.workflows import Task\nclass Base(Task):\n    pass\n' },
    { path: 'app/child.py', text: 'from app.base import Base\nclass Child(Base):\n    def execute(self, context): ...\n' },
  ]);
  assert.deepEqual(
    d.tasks.map((t) => t.className),
    ['Base', 'Child'],
  );
});
