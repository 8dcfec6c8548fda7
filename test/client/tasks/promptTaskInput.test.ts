// promptTaskInput, the one function Submit Job and the debugger share: what it asks per field type and what it returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Problem } from '../../../client/src/commands/flow';
import { promptTaskInput } from '../../../client/src/tasks/promptTaskInput';
import { FakeUi, type Answer } from '../commands/fakeUi';

const noDocument = async () => {
  throw new Error('no JSON document expected');
};
const ask = (fields: { name: string; type: string; default?: string }[], ...answers: Answer[]) => {
  const ui = new FakeUi(answers);
  return {
    ui,
    result: promptTaskInput({ name: 'tilebox.com/x/T', className: 'T', fields }, { ui, editDocument: noDocument }),
  };
};

test('no fields: null (send no --input) without asking anything', async () => {
  const { ui, result } = ask([]);
  assert.equal(await result, null);
  assert.deepEqual(ui.asked, []);
});

test('a Literal is a pick of its values with the default first; an Optional bool offers None', async () => {
  const { ui, result } = ask(
    [
      { name: 'mode', type: 'Literal["fast", "exact"]', default: '"exact"' },
      { name: 'strict', type: 'bool | None', default: 'None' },
    ],
    { pick: '"fast"' },
    { pick: 'None' },
  );
  assert.equal(await result, '{"mode":"fast","strict":null}');
  assert.deepEqual(ui.asked[0].items, ['"exact"', '"fast"']);
  assert.deepEqual(ui.asked[1].items, ['None', 'True', 'False'], 'its default, None, first');
  assert.deepEqual(
    ui.asked.map((a) => a.title),
    ['T: mode (1/2): Literal["fast", "exact"]', 'T: strict (2/2): bool | None'],
  );
});

test('Escape at any field cancels: undefined, nothing half-built', async () => {
  const { result } = ask(
    [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
    ],
    { input: '1' },
    { escape: true },
  );
  assert.equal(await result, undefined);
});

test('fields that fit but add up to more than 2048 bytes are refused before anything is sent', async () => {
  const { result } = ask(
    [
      { name: 'a', type: 'str' },
      { name: 'b', type: 'str' },
    ],
    { input: 'x'.repeat(1100) },
    { input: 'y'.repeat(1100) },
  );
  await assert.rejects(result, (e: unknown) => e instanceof Problem && /at most 2048/.test(e.message));
});
