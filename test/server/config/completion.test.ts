// Runner completion's two additions: which root it needs (so the server gates it first) and the
// last item that says the search was cut.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete, runnerCompletionRoot } from '../../../server/src/config/completion';
import { cursor } from './helpers';

test('only a runner value asks for the root, as written, "." when there is none', () => {
  const at = (marked: string) => {
    const { text, offset } = cursor(marked);
    return runnerCompletionRoot(text, offset);
  };
  assert.equal(at('[workflow]\nroot = "../up"\nrunner = "|"\n'), '../up');
  assert.equal(at('[workflow]\nrunner = "my|"\n'), '.');
  assert.equal(at('[workflow]\nrunner = "|\nroot = "/"\n'), '/');
  assert.equal(at('[workflow]\nroot = "|"\nrunner = ""\n'), undefined);
  assert.equal(at('[workflow]\nslug = "|"\n'), undefined);
  assert.equal(at('[build]\ninclude = ["|"]\n'), undefined);
});

test('a cut search ends the list with an item that says so and leaves the text as typed', () => {
  const { text, offset } = cursor('[workflow]\nrunner = "my_w|"\n');
  const items = complete(text, offset, {
    runnerCandidates: ['my_workflow.runner:runner'],
    runnerNotice: 'read 1,000 of 60,000 Python files',
  });
  assert.deepEqual(
    items.map((i) => i.label),
    ['my_workflow.runner:runner', 'More Runner objects may exist'],
  );
  const notice = items[1];
  assert.match(String(notice.detail), /read 1,000 of 60,000 Python files; type the import path/);
  assert.equal(notice.filterText, 'my_w');
  assert.deepEqual(notice.textEdit, { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } }, newText: 'my_w' });
  assert.equal(complete(text, offset, { runnerCandidates: ['a:b'] }).length, 1);
});
