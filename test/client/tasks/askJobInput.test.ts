// Which discovered task a chosen identifier means (so its fields are asked), and the JSON box when none does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiscoveredTask } from '../../../server/src/shared/protocol';
import { askJobInput, findTask } from '../../../client/src/tasks/askJobInput';
import { FakeUi } from '../commands/fakeUi';

const task = (name: string, version: string, className: string, extra: Partial<DiscoveredTask> = {}): DiscoveredTask => ({
  name,
  version,
  className,
  file: 'app/tasks.py',
  line: 1,
  fields: [],
  ...extra,
});
const tasks = [
  task('tilebox.com/x/Fetch', 'v1.0', 'FetchOld'),
  task('tilebox.com/x/Fetch', 'v2.0', 'Fetch'),
  task('IDENTIFIER', 'VERSION', 'Computed', { unresolved: true }),
];

test('the same name and version wins; else the same name; an identifier computed at runtime only by class', () => {
  assert.equal(findTask(tasks, { name: 'tilebox.com/x/Fetch', version: 'v2.0' })?.className, 'Fetch');
  assert.equal(findTask(tasks, { name: 'tilebox.com/x/Fetch', version: 'v1.0' })?.className, 'FetchOld');
  assert.equal(findTask(tasks, { name: 'tilebox.com/x/Fetch', version: 'v3.1' })?.className, 'FetchOld');
  assert.equal(findTask(tasks, { name: 'IDENTIFIER', version: 'VERSION' }), undefined, 'source text is not an identifier');
  assert.equal(findTask(tasks, { name: 'tilebox.com/x/Live', version: 'v1.0', className: 'Computed' })?.className, 'Computed');
  assert.equal(findTask(tasks, { name: 'tilebox.com/x/Other', version: 'v1.0' }), undefined);
  assert.equal(findTask(undefined, { name: 'tilebox.com/x/Fetch', version: 'v2.0' }), undefined, 'no preview loaded');
});

test('without known fields the JSON box offers the last input of that identifier and refuses bad JSON', async () => {
  const ui = new FakeUi([{ input: null }, { input: '{oops' }]);
  const submissions = { lastInput: (n: string) => (n === 'tilebox.com/x/Fetch' ? '{"a":1}' : undefined) };
  assert.equal(await askJobInput({ ui, submissions }, { name: 'tilebox.com/x/Fetch', className: 'Fetch' }), '{"a":1}');
  assert.equal(ui.asked[0].title, 'Input of Fetch (JSON)');
  await assert.rejects(askJobInput({ ui, submissions }, { name: 'tilebox.com/x/Other' }), /not valid JSON/);
  assert.equal(ui.asked[1].title, 'Job input (JSON)');
});
