// Open Python buffers: their facts follow the unsaved text; while the text does not parse the last clean facts
// stay, until it parses again; closing drops them. Every change bumps the version the preview memory keys on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PythonBuffers } from '../../../server/src/lsp/pythonBuffers';
import { pathToUri } from '../../../server/src/lsp/paths';

const PATH = '/work/project/app/tasks.py';
const doc = (version: number, text: string) => TextDocument.create(pathToUri(PATH), 'python', version, text);
const classes = (buffers: PythonBuffers) => buffers.facts(PATH)?.classes.map((c) => c.name);
const task = (name: string) => `from tilebox.workflows import Task\n\nclass ${name}(Task):\n    def execute(self, context): ...\n`;

test('a syntax error keeps the last clean facts until the buffer parses again; closing drops them', () => {
  const buffers = new PythonBuffers();
  assert.equal(buffers.changed(doc(1, task('Scan'))), PATH);
  assert.deepEqual(classes(buffers), ['Scan']);
  assert.deepEqual([...buffers.paths()], [PATH]);
  const clean = buffers.version;

  buffers.changed(doc(2, `${task('Scan')}\nclass Half(Task:\n    x = (\n`));
  assert.deepEqual(classes(buffers), ['Scan'], 'half-typed: the clean facts stay');
  assert.ok(buffers.version > clean, 'the edit still counts as a change');

  buffers.changed(doc(3, `${task('Scan')}\n${task('Half').split('\n\n')[1]}`));
  assert.deepEqual(classes(buffers), ['Scan', 'Half'], 'parses again: the new facts');

  assert.equal(buffers.closed(pathToUri(PATH)), PATH);
  assert.equal(buffers.facts(PATH), undefined);
  assert.deepEqual([...buffers.paths()], []);
  assert.equal(buffers.closed(pathToUri(PATH)), undefined, 'closing twice changes nothing');
});

test('a buffer that never parsed keeps what the error-tolerant parse found; other files are not tracked', () => {
  const buffers = new PythonBuffers();
  buffers.changed(doc(1, 'class Broken(Task:\n    pass\nclass Fine(Task):\n    pass\n'));
  assert.ok(buffers.facts(PATH)?.syntaxErrors);
  assert.equal(buffers.changed(TextDocument.create(pathToUri('/work/project/tilebox.workflow.toml'), 'toml', 1, '')), undefined);
  assert.deepEqual([...buffers.paths()], [PATH]);
});
