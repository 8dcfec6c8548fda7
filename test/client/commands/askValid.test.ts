// askValid: the input box shows the reader's complaint, and an answer that got past it anyway (a Ui that does not
// honour validate) is refused with that complaint instead of reaching the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askValid, trimmedIf, wholeNumber } from '../../../client/src/commands/askValid';
import { Problem } from '../../../client/src/commands/flow';
import { FakeUi } from './fakeUi';

test('a valid answer comes back read (a number, or the trimmed text)', async () => {
  assert.equal(await askValid(new FakeUi([{ input: ' 12 ' }]), { title: 'Processes' }, wholeNumber(1)), 12);
  const line = trimmedIf((v) => (v.includes('\n') ? 'One line.' : undefined));
  assert.equal(await askValid(new FakeUi([{ input: '  job a ' }]), { title: 'Job name' }, line), 'job a');
});

test('an invalid answer is shown to the user while typing and refused after, naming the question', async () => {
  const ui = new FakeUi([{ input: '0' }]);
  await assert.rejects(
    askValid(ui, { title: 'Runners for c1' }, wholeNumber(1)),
    (e: unknown) => e instanceof Problem && e.message === 'Runners for c1: Write a whole number from 1 to 999.',
  );
  assert.equal(ui.asked[0].validation, 'Write a whole number from 1 to 999.');
  assert.equal(await askValid(new FakeUi([{ input: '0' }]), { title: 'Max retries' }, wholeNumber(0)), 0);
  await assert.rejects(askValid(new FakeUi([{ input: '1000' }]), { title: 'Max retries' }, wholeNumber(0)), Problem);
});
