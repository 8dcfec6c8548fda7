// The job input built from a task's fields: the SDK's encoding, what each prompt accepts, the JSON-document check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TaskField } from '../../../server/src/shared/protocol';
import { fieldShape } from '../../../client/src/tasks/fieldKinds';
import { pythonDefault } from '../../../client/src/tasks/pythonLiteral';
import { checkTaskInput, encodeInput, inputTemplate, needsDocument, readPrompt } from '../../../client/src/tasks/taskInput';

const f = (name: string, type: string, def?: string): TaskField => (def === undefined ? { name, type } : { name, type, default: def });

test('no fields: no input; one field: its bare value; several: an object in field order', () => {
  assert.equal(encodeInput([], []), undefined);
  assert.equal(encodeInput([f('n', 'int')], [5]), '5');
  assert.equal(encodeInput([f('s', 'str')], ['5']), '"5"');
  assert.equal(encodeInput([f('xs', 'list[int]')], [[1, 2]]), '[1,2]');
  assert.equal(encodeInput([f('b', 'str'), f('a', 'int')], ['x', 1]), '{"b":"x","a":1}');
});

test('field types as written map to prompt kinds, Optional and | None unwrapped', () => {
  const kind = (type: string) => {
    const s = fieldShape(f('x', type));
    return `${s.type.kind}${s.optional ? '?' : ''}`;
  };
  assert.equal(kind('str'), 'text');
  assert.equal(kind('int'), 'integer');
  assert.equal(kind('float | None'), 'number?');
  assert.equal(kind('None | bool'), 'boolean?');
  assert.equal(kind('Optional[list[str]]'), 'list?');
  assert.equal(kind('typing.Optional[Dict[str, int]]'), 'object?');
  assert.equal(kind('tuple[float, float, float, float]'), 'list');
  assert.equal(kind('datetime.datetime'), 'datetime');
  assert.equal(kind('Annotated[int, "meta"]'), 'integer');
  assert.equal(kind('SceneSpec'), 'json', 'a nested dataclass needs the JSON document');
  assert.equal(kind('int | str'), 'json', 'a union of two types cannot be one prompt');
  assert.deepEqual(fieldShape(f('m', 'Literal["fast", "slow"]')).type, { kind: 'choice', values: ['fast', 'slow'] });
});

test('Python defaults become the prefilled JSON values', () => {
  assert.deepEqual(pythonDefault('"abc"'), { value: 'abc' });
  assert.deepEqual(pythonDefault("'it\\'s'"), { value: "it's" });
  assert.deepEqual(pythonDefault('1_000'), { value: 1000 });
  assert.deepEqual(pythonDefault('True'), { value: true });
  assert.deepEqual(pythonDefault('None'), { value: null });
  assert.deepEqual(pythonDefault("(0.5, -1, 'a')"), { value: [0.5, -1, 'a'] });
  assert.deepEqual(pythonDefault("{'k': [1, None]}"), { value: { k: [1, null] } });
  assert.deepEqual(pythonDefault('field(default_factory=list)'), { value: [] });
  assert.deepEqual(pythonDefault('field(default=3, metadata={})'), { value: 3 });
  assert.equal(pythonDefault('compute_default()'), undefined);
  assert.equal(pythonDefault('DEFAULT_BANDS'), undefined);
  assert.equal(pythonDefault(undefined), undefined);
});

test('a prompt refuses a value of the wrong type with the field and type named', () => {
  const count = fieldShape(f('count', 'int'));
  assert.deepEqual(readPrompt(count, ' 42 '), { ok: true, value: 42 });
  const bad = readPrompt(count, '4.5');
  assert.ok(!bad.ok && /count is int.*whole number/.test(bad.message), JSON.stringify(bad));
  assert.ok(!readPrompt(count, 'many').ok);
  assert.deepEqual(readPrompt(fieldShape(f('label', 'str')), ' spaced '), { ok: true, value: ' spaced ' }, 'text is sent as typed');
  assert.deepEqual(readPrompt(fieldShape(f('note', 'str | None')), ''), { ok: true, value: null });
  assert.ok(!readPrompt(fieldShape(f('xs', 'list[int]')), '{"a":1}').ok);
  assert.deepEqual(readPrompt(fieldShape(f('when', 'datetime')), '2026-01-31T12:00:00Z'), {
    ok: true,
    value: '2026-01-31T12:00:00Z',
  });
  assert.ok(!readPrompt(fieldShape(f('when', 'datetime')), 'yesterday').ok);
});

test('many fields or a type no prompt expresses go to the JSON document, prefilled from the defaults', () => {
  assert.equal(needsDocument([f('a', 'int'), f('b', 'str')]), false);
  assert.equal(needsDocument(['a', 'b', 'c', 'd', 'e'].map((n) => f(n, 'int'))), true);
  assert.equal(needsDocument([f('spec', 'SceneSpec')]), true);
  assert.equal(inputTemplate([f('a', 'int', '3'), f('b', 'str')]), '{\n  "a": 3,\n  "b": null\n}');
});

test('the JSON document is checked against the fields: JSON, shape, names, types, size', () => {
  const fields = [f('scene', 'str'), f('bands', 'list[str]', "['B04']")];
  const why = (text: string) => {
    const r = checkTaskInput(fields, text);
    return r.ok ? `ok ${r.input}` : r.problem.message;
  };
  assert.equal(why('{"scene": "S2A", "bands": ["B08"]}'), 'ok {"scene":"S2A","bands":["B08"]}');
  assert.equal(why('{"scene": "S2A"}'), 'ok {"scene":"S2A"}', 'a field with a default may be left out');
  assert.match(why('{"bands": []}'), /"scene" \(str\) has no default/);
  assert.match(why('{"scene": "S2A", "band": []}'), /no field "band"; its fields are scene, bands/);
  assert.match(why('{"scene": 7}'), /scene is str, not 7/);
  assert.match(why('["S2A"]'), /JSON object keyed by field name/);
  assert.match(why('{scene: 1}'), /not valid JSON/);
  assert.match(why(JSON.stringify({ scene: 'x'.repeat(2040) })), /at most 2048/);
  const one = checkTaskInput([f('n', 'int')], '5');
  assert.deepEqual(one, { ok: true, input: '5' });
});

test('2,048 bytes of input pass and 2,049 are refused, counted as UTF-8 bytes of the compact JSON', () => {
  const one = [f('scene', 'str')];
  const exactly = JSON.stringify('x'.repeat(2046)); // the quotes make it 2,048 bytes
  assert.deepEqual(checkTaskInput(one, exactly), { ok: true, input: exactly });
  const over = checkTaskInput(one, JSON.stringify('x'.repeat(2047)));
  assert.ok(!over.ok);
  assert.match(over.problem.message, /is 2049 bytes as compact JSON; Tilebox accepts at most 2048/);
  // "é" is two bytes: 1,023 of them and the quotes are 2,048 bytes, one more is over.
  assert.equal(checkTaskInput(one, JSON.stringify('é'.repeat(1023))).ok, true);
  assert.equal(checkTaskInput(one, JSON.stringify('é'.repeat(1024))).ok, false);
  // Spaces as typed in the JSON document do not count: what is sent is the compact form.
  const two = [f('a', 'str'), f('b', 'str')];
  const spaced = `{ "a" : "${'x'.repeat(1000)}" ,\n  "b" : "${'y'.repeat(1033)}" }`;
  assert.equal(Buffer.byteLength(JSON.stringify(JSON.parse(spaced))), 2048);
  assert.equal(checkTaskInput(two, spaced).ok, true);
});
