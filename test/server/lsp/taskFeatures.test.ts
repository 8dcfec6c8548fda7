// Task-code navigation through the language server on a copy of the task-forms fixture: the Python
// outline the lenses read, Find References, workspace symbols, the runner string's link, definition
// and hover, the "Add X to runner" quick fix, and unsaved edits (the last clean parse stays).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Location,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { pythonOutlineRequest } from '../../../server/src/shared/protocol';
import { applyEdits, startInProcess, tempWorkspace, uriOf } from './harness';

const FIXTURE = fileURLToPath(new URL('../../fixtures/task-forms', import.meta.url));
const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function project() {
  const ws = tempWorkspace(FIXTURE);
  mkdirSync(join(ws.dir, 'scripts'));
  writeFileSync(
    join(ws.dir, 'scripts/tool.py'),
    'from tilebox.workflows import Task\nclass Outside(Task):\n    def execute(self, context): ...\n',
  );
  const client = await startInProcess([ws.dir]);
  cleanups.push(ws.cleanup, () => client.close());
  const file = (rel: string) => ({ path: join(ws.dir, rel), uri: uriOf(join(ws.dir, rel)), text: readFileSync(join(ws.dir, rel), 'utf8') });
  return { ws, client, file };
}

/** Position of the `|` in `marked` (a line of the file with a cursor in it). */
function at(text: string, marked: string) {
  const needle = marked.replace('|', '');
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  return { line, character: text.split('\n')[line].indexOf(needle) + marked.indexOf('|') };
}

test('pythonOutline: the tasks and Runners of a selected file, null for a file no artifact selects', async () => {
  const { client, file } = await project();
  const tasks = file('pipeline/tasks.py');
  const outline = await client.connection.sendRequest(pythonOutlineRequest, { uri: tasks.uri });
  assert.equal(outline?.configUri, file('tilebox.workflow.toml').uri);
  assert.deepEqual(outline?.tasks.map((t) => [t.className, t.name, t.runners]).slice(0, 3), [
    ['Ingest', 'acme/forms/Ingest', ['pipeline.workflow:runner']],
    ['Chunk', 'Chunk', ['pipeline.workflow:runner']],
    ['Merge', 'acme/forms/Merge', ['pipeline.workflow:runner']],
  ]);
  assert.deepEqual(
    outline?.tasks.find((t) => t.className === 'Ingest')?.fields?.map((f) => f.name),
    ['area', 'days', 'tags'],
  );
  const runnerOutline = await client.connection.sendRequest(pythonOutlineRequest, { uri: file('pipeline/workflow.py').uri });
  assert.deepEqual(
    runnerOutline?.runners.map((r) => [r.path, r.taskClassNames]),
    [['pipeline.workflow:runner', ['Ingest', 'Chunk', 'Merge', 'FromEnvironment']]],
  );
  assert.equal(await client.connection.sendRequest(pythonOutlineRequest, { uri: file('scripts/tool.py').uri }), null);
});

test('Find References on a Task class: its Runner registration and every subtask call creating it', async () => {
  const { client, file } = await project();
  const tasks = file('pipeline/tasks.py');
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: tasks.uri },
    position: at(tasks.text, 'class Ch|unk(T):'),
    context: { includeDeclaration: false },
  })) as Location[];
  const registry = file('pipeline/registry.py');
  const shown = refs.map((r) => {
    const text = r.uri === tasks.uri ? tasks.text : registry.text;
    return `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line + 1} ${text.split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character)}`;
  });
  assert.deepEqual(shown, [
    `registry.py:${at(registry.text, '|TASKS:').line + 1} Chunk`,
    `tasks.py:${at(tasks.text, '[Chunk(|i)').line + 1} Chunk(i)`,
    `tasks.py:${at(tasks.text, 'subtask(Chunk(self|').line + 1} Chunk(self.index - 1)`,
  ]);
});

test('workspace symbols find tasks by identifier and by class name', async () => {
  const { client, file } = await project();
  await client.connection.sendRequest(pythonOutlineRequest, { uri: file('pipeline/tasks.py').uri }); // the preview has run
  const byName = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'forms/merge' })) as SymbolInformation[];
  assert.deepEqual(
    byName.map((s) => [s.name, s.containerName]),
    [['Merge', 'acme/forms/Merge v1.4']],
  );
  const byClass = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'orphan' })) as SymbolInformation[];
  assert.deepEqual(
    byClass.map((s) => s.name),
    ['Orphan'],
  );
});

test('the runner string links to the Runner object (through the re-export), and its hover lists the tasks', async () => {
  const { client, file } = await project();
  const config = file('tilebox.workflow.toml');
  await client.open(config.uri, config.text);
  await client.connection.sendRequest(pythonOutlineRequest, { uri: file('pipeline/tasks.py').uri });
  const workflow = file('pipeline/workflow.py');
  const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: config.uri } });
  assert.deepEqual(
    links?.map((l) => l.target),
    [`${workflow.uri}#L7`],
  );
  const position = at(config.text, 'runner = "pipeline.__main|__:runner"');
  const definition = (await client.connection.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: config.uri },
    position,
  })) as Location;
  assert.deepEqual([definition.uri, definition.range.start.line + 1], [workflow.uri, 7]);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: config.uri }, position });
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /Runner `pipeline\.workflow:runner`/);
  assert.match(value, /- `Ingest` — acme\/forms\/Ingest v2\.1/);
  assert.match(value, /- `FromEnvironment` — identifier computed at run time/);
});

test('"Add Orphan to runner" is offered on the warning and edits the tasks list with an import', async () => {
  const { client, file } = await project();
  const tasks = file('pipeline/tasks.py');
  const warning = await client.waitFor('the subtask warning', () =>
    client.diagnostics.get(tasks.uri)?.find((d) => d.code === 'task-subtask-not-registered'),
  );
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: tasks.uri },
    range: warning.range,
    context: { diagnostics: [warning] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Add Orphan to runner `pipeline.workflow:runner`'],
  );
  const workflow = file('pipeline/workflow.py');
  const edited = applyEdits(workflow.text, actions[0].edit!.changes![workflow.uri]);
  assert.match(edited, /from pipeline\.tasks import Orphan\n/);
  assert.match(edited, /tasks=\[\*TASKS, t\.Merge, Orphan\]/);
});

test('unsaved edits reach the outline; while the file has a syntax error the last clean parse stays', async () => {
  const { client, file } = await project();
  const tasks = file('pipeline/tasks.py');
  const added = `${tasks.text}\n\nclass Fresh(T):\n    def execute(self, context) -> None:\n        pass\n`;
  await client.open(tasks.uri, added);
  const classes = async () =>
    (await client.connection.sendRequest(pythonOutlineRequest, { uri: tasks.uri }))?.tasks.map((t) => t.className) ?? [];
  await client.waitFor('Fresh in the outline', async () => (await classes()).includes('Fresh') || undefined);
  await client.change(tasks.uri, 2, added.replace('class Fresh(T):', 'class Fresh(T:\n    x = ('));
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.ok((await classes()).includes('Fresh'), 'still there while the buffer does not parse');
});
