// End to end through a real LSP connection (in-process, over streams): what a user sees in
// the editor for tilebox.workflow.toml, from diagnostics to quick fixes and the preview.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  DiagnosticSeverity,
} from 'vscode-languageserver-protocol';
import { assertShipsExample } from '../exampleArtifact';
import { artifactPreviewRequest, deployedReleasesNotification } from '../../../server/src/shared/protocol';
import { applyPreviewPatch, isPreviewPatch } from '../../../server/src/shared/previewPatch';
import { FILES_FIRST_ABOVE } from '../../../server/src/artifact/preview/moduleCache';
import {
  applyEdits,
  completeUntilDone,
  completionItems,
  EXAMPLE_PROJECT,
  startInProcess,
  tempWorkspace,
  uriOf,
  type TestClient,
  requestPreview,
} from './harness';

const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function exampleWorkspace(severity: Record<string, string> = {}) {
  const ws = tempWorkspace(EXAMPLE_PROJECT);
  const client = await startInProcess([ws.dir], severity);
  cleanups.push(ws.cleanup, () => client.close());
  const configPath = join(ws.dir, 'tilebox.workflow.toml');
  return { ws, client, configPath, uri: uriOf(configPath), text: readFileSync(configPath, 'utf8') };
}

const codes = (client: TestClient, uri: string) => (client.diagnostics.get(uri) ?? []).map((d) => d.code);
const withCode = (client: TestClient, uri: string, code: string) => client.diagnostics.get(uri)?.find((d) => d.code === code);
const labels = (answer: CompletionItem[] | CompletionList | null) => completionItems(answer).map((i) => i.label);

test('a misspelled key is reported on the key, with its code, and the quick fix removes it', async () => {
  const { client, uri, text } = await exampleWorkspace();
  const broken = text.replace('include = [', 'includes = [');
  await client.open(uri, broken);
  const diagnostic = await client.waitFor('unknown-key', () => withCode(client, uri, 'unknown-key'));
  const line = broken.split('\n').findIndex((l) => l.startsWith('includes'));
  assert.deepEqual(diagnostic.range, { start: { line, character: 0 }, end: { line, character: 'includes'.length } });
  assert.equal(diagnostic.source, 'tilebox');

  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  const rename = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
  assert.ok(rename, `no quick fix with an edit among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(
    rename.diagnostics?.some((d) => d.code === 'unknown-key'),
    'the fix names the diagnostic it fixes',
  );
  const fixed = applyEdits(broken, rename.edit!.changes![uri]);
  assert.equal(fixed, text);
  await client.change(uri, 2, fixed);
  await client.waitFor('the diagnostic to go away', () => client.diagnostics.has(uri) && !withCode(client, uri, 'unknown-key'));
  assert.deepEqual(
    codes(client, uri).filter((c) => c === 'unknown-key' || c === 'missing-include'),
    [],
  );
});

test('completion offers the keys of the table under the cursor', async () => {
  const { client, uri } = await exampleWorkspace();
  const text = '[workflow]\nslug = "demo"\nrunner = "scene_qa.runner:runner"\n\n[build]\n\n';
  await client.open(uri, text);
  const answer = await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 5, character: 0 },
  });
  const offered = labels(answer);
  for (const key of ['include', 'exclude', 'use_gitignore']) assert.ok(offered.includes(key), `${key} missing from ${offered.join(', ')}`);
});

test('completion of runner offers the Runner objects found in the project', async () => {
  const { client, uri, text } = await exampleWorkspace();
  const line = text.split('\n').findIndex((l) => l.startsWith('runner'));
  const edited = text.replace(/runner = ".*"/, 'runner = ""');
  await client.open(uri, edited);
  const offered = (await completeUntilDone(client, uri, { line, character: 'runner = "'.length })).map((i) => i.label);
  assert.ok(offered.includes('scene_qa.runner:runner'), offered.join(', '));
});

test('hover on a key shows its documentation', async () => {
  const { client, uri, text } = await exampleWorkspace();
  await client.open(uri, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('use_gitignore'));
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
  assert.ok(hover, 'no hover');
  const value =
    typeof hover.contents === 'string' ? hover.contents : ((hover.contents as MarkupContent).value ?? JSON.stringify(hover.contents));
  assert.match(value, /gitignore/i);
});

test('the preview request lists what the example project ships, and the lens above [build] sums it up', async () => {
  const { ws, client, uri, text } = await exampleWorkspace();
  mkdirSync(join(ws.dir, 'scene_qa', '__pycache__'), { recursive: true });
  writeFileSync(join(ws.dir, 'scene_qa', '__pycache__', 'tasks.cpython-312.pyc'), 'compiled');
  writeFileSync(join(ws.dir, 'notes.md'), 'not included');
  const preview = await requestPreview(client, uri);
  assert.equal(preview.error, undefined);
  assertShipsExample(preview);

  await client.open(uri, text);
  await client.waitFor('diagnostics', () => client.diagnostics.get(uri));
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.equal(lenses?.length, 1);
  const buildLine = text.split('\n').indexOf('[build]');
  assert.equal(lenses![0].range.start.line, buildLine);
  assert.match(lenses![0].command!.title, /^5 files · \d+(\.\d)? (B|KB) · Preview$/);
  assert.equal(lenses![0].command!.command, 'tilebox.artifact.showPreview');
  assert.deepEqual(lenses![0].command!.arguments, [uri]);
});

test('two configs in one workspace are validated independently, open or not', async () => {
  const ws = tempWorkspace();
  cleanups.push(ws.cleanup);
  const good = join(ws.dir, 'good');
  const bad = join(ws.dir, 'services', 'bad');
  for (const dir of [good, bad]) mkdirSync(dir, { recursive: true });
  const example = readFileSync(join(EXAMPLE_PROJECT, 'tilebox.workflow.toml'), 'utf8');
  const minimal = '[workflow]\nslug = "svc"\ncommand = ["./run"]\n\n[build]\ninclude = ["run"]\n';
  writeFileSync(join(good, 'tilebox.workflow.toml'), minimal);
  writeFileSync(join(good, 'run'), '#!/bin/sh\n');
  writeFileSync(join(bad, 'tilebox.workflow.toml'), example.replace('slug =', 'slugg ='));
  const client = await startInProcess([ws.dir]);
  cleanups.push(() => client.close());
  const goodUri = uriOf(join(good, 'tilebox.workflow.toml'));
  const badUri = uriOf(join(bad, 'tilebox.workflow.toml'));
  await client.waitFor('both configs', () => client.diagnostics.has(goodUri) && client.diagnostics.has(badUri));
  assert.deepEqual(client.diagnostics.get(goodUri), []);
  assert.ok(codes(client, badUri).includes('unknown-key'));

  await client.open(goodUri, minimal.replace('"svc"', '"svc two"'));
  await client.waitFor('the edit to be checked', () => withCode(client, goodUri, 'slug-invalid-characters'));
  assert.ok(codes(client, badUri).includes('unknown-key'), 'the other config keeps its own diagnostics');
  assert.ok(!codes(client, badUri).includes('slug-invalid-characters'));

  rmSync(join(bad, 'tilebox.workflow.toml'));
  const third = join(ws.dir, 'third', 'tilebox.workflow.toml');
  mkdirSync(join(ws.dir, 'third'));
  writeFileSync(third, '[workflow]\nslug = "third"\n');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [
      { uri: badUri, type: FileChangeType.Deleted },
      { uri: uriOf(third), type: FileChangeType.Created },
    ],
  });
  await client.waitFor('a deleted config to lose its problems', () => client.diagnostics.get(badUri)?.length === 0);
  await client.waitFor('a new config to be checked', () => withCode(client, uriOf(third), 'missing-build-table'));
});

test('deleting a selected file re-checks the config: include-matches-nothing appears, and the artifact changes', async () => {
  const { ws, client, uri, text } = await exampleWorkspace();
  await client.open(uri, text);
  await client.waitFor('a clean first check', () => client.diagnostics.get(uri));
  assert.deepEqual(codes(client, uri), []);
  const held = await requestPreview(client, uri);
  rmSync(join(ws.dir, 'uv.lock'));
  const changesBefore = client.artifactChanges.length;
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: uriOf(join(ws.dir, 'uv.lock')), type: FileChangeType.Deleted }],
  });
  const warning = await client.waitFor('include-matches-nothing', () => withCode(client, uri, 'include-matches-nothing'));
  const line = text.split('\n').findIndex((l) => l.startsWith('include'));
  assert.equal(warning.range.start.line, line);
  assert.equal(text.split('\n')[line].slice(warning.range.start.character, warning.range.end.character), '"uv.lock"');
  // The file checks' warning goes out before the preview is rebuilt; the notification follows it.
  await client.waitFor(
    'the client hears that the artifact changed',
    () => client.artifactChanges.slice(changesBefore).includes(uri) || undefined,
  );
  // A client holding the preview from before gets only the difference, and it adds up to the whole new list.
  const patch = await client.connection.sendRequest(artifactPreviewRequest, { uri, have: [held.version!] });
  assert.ok(isPreviewPatch(patch), 'the answer is a patch');
  assert.deepEqual([patch.removed, patch.upserted], [['uv.lock'], []]);
  const preview = await requestPreview(client, uri);
  assert.ok(!preview.files.some((f) => f.path === 'uv.lock'));
  assert.deepEqual(applyPreviewPatch(held, patch)?.files, preview.files);
});

test('tilebox.diagnostics.severity turns a code off after the settings change', async () => {
  const { ws, client, uri, text } = await exampleWorkspace();
  rmSync(join(ws.dir, 'uv.lock'));
  await client.open(uri, text);
  await client.waitFor('include-matches-nothing', () => withCode(client, uri, 'include-matches-nothing'));
  client.severity = { 'include-matches-nothing': 'off' };
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await client.waitFor('the warning to be switched off', () => !withCode(client, uri, 'include-matches-nothing'));
});

test('task problems found by the preview are published on the Python file and cleared when fixed', async () => {
  const { ws, client, uri } = await exampleWorkspace();
  const tasks = join(ws.dir, 'scene_qa', 'tasks.py');
  const original = readFileSync(tasks, 'utf8');
  writeFileSync(tasks, original.replace('"v1.2"', '"1.2"'));
  const tasksUri = uriOf(tasks);
  await requestPreview(client, uri);
  const found = await client.waitFor('a Python diagnostic', () => client.diagnostics.get(tasksUri)?.[0]);
  assert.equal(
    found.range.start.line,
    original.split('\n').findIndex((l) => l.includes('"v1.2"')),
  );
  writeFileSync(tasks, original);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: tasksUri, type: FileChangeType.Changed }],
  });
  await client.waitFor('the Python diagnostic to clear', () => client.diagnostics.get(tasksUri)?.length === 0);
});

test('garbage in the buffer gives diagnostics or nothing, and the server keeps answering', async () => {
  const { client, uri } = await exampleWorkspace();
  const garbage = '\uFEFF[workflow\r\n\u0000\u0001 = = "\t\n[[build]]\ninclude = [1, {a = }\n' + 'x'.repeat(10_000);
  await client.open(uri, garbage);
  await client.waitFor('some diagnostics', () => client.diagnostics.get(uri));
  for (const position of [
    { line: 0, character: 0 },
    { line: 2, character: 5 },
    { line: 99, character: 99 },
  ]) {
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.ok(Array.isArray(lenses));
  const diagnostics: Diagnostic[] = client.diagnostics.get(uri)!;
  const lines = garbage.split('\n').length;
  for (const d of diagnostics) assert.ok(d.range.end.line < lines + 1);
});

test('closing a config outside every workspace folder clears its problems; closing one inside re-checks it from disk', async () => {
  const { client, uri, text, configPath } = await exampleWorkspace();
  const broken = text.replace('include = [', 'includes = [');
  const elsewhere = tempWorkspace();
  cleanups.push(elsewhere.cleanup);
  const outsidePath = join(elsewhere.dir, 'tilebox.workflow.toml');
  writeFileSync(outsidePath, broken);
  const outsideUri = uriOf(outsidePath);
  await client.open(outsideUri, broken);
  await client.waitFor('unknown-key in the outside config', () => withCode(client, outsideUri, 'unknown-key'));
  await client.closeDocument(outsideUri);
  await client.waitFor("the outside config's problems to clear", () => client.diagnostics.get(outsideUri)?.length === 0, 3000);

  await client.open(uri, text);
  await client.waitFor('the workspace config to check clean', () => client.diagnostics.has(uri) && !withCode(client, uri, 'unknown-key'));
  writeFileSync(configPath, broken);
  await client.closeDocument(uri);
  await client.waitFor('the workspace config re-checked from disk', () => withCode(client, uri, 'unknown-key'));
  assert.deepEqual(client.diagnostics.get(outsideUri), [], 'nothing re-published the closed outside config');
});

test('deployment data from the client: an identifier change that strands failed jobs is information on identifier(), gone without the data', async () => {
  const { ws, client, uri } = await exampleWorkspace();
  const tasksPath = join(ws.dir, 'scene_qa', 'tasks.py');
  const tasksUri = uriOf(tasksPath);
  const original = readFileSync(tasksPath, 'utf8');
  const retry = () => withCode(client, tasksUri, 'task-retry-incompatible');
  const releases = (version: string) => [
    {
      workflowSlug: 'scene-qa-F8yVcPRfw2AkoZ',
      cluster: 'dev-cluster-9xK2mQ4pL8nR7s',
      releaseId: '0193a2b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
      tasks: [{ name: 'tilebox.com/example/FetchScene', version }],
    },
  ];
  await requestPreview(client, uri);
  await client.open(tasksUri, original);
  await client.change(tasksUri, 2, original.replace('"v1.0"', '"v2.0"'));
  await requestPreview(client, uri);
  assert.equal(retry(), undefined, 'no deployment data yet: no retry check');

  await client.connection.sendNotification(deployedReleasesNotification, { releases: releases('v1.0') });
  const found = await client.waitFor('the retry information', retry);
  assert.equal(found.severity, DiagnosticSeverity.Information);
  assert.equal(
    found.range.start.line,
    original.split('\n').findIndex((l) => l.includes('def identifier')),
  );
  assert.match(
    String(found.message),
    /release 2e3f4a5b on dev-cluster-9xK2mQ4pL8nR7s runs tilebox\.com\/example\/FetchScene v1\.0; this code declares v2\.0/,
  );

  await client.change(tasksUri, 3, original.replace('"v1.0"', '"v1.1"'));
  await client.waitFor('a compatible version to clear it', () => client.diagnostics.has(tasksUri) && !retry());
  await client.change(tasksUri, 4, original.replace('"v1.0"', '"v2.0"'));
  await client.waitFor('the retry information again', retry);
  await client.connection.sendNotification(deployedReleasesNotification, { releases: [] });
  await client.waitFor('nothing deployed any more: cleared', () => !retry());
});

test('a keystroke that leaves the artifact as it was sends no artifactChanged; one that changes the selection does', async () => {
  const { client, uri, text } = await exampleWorkspace();
  await client.open(uri, text);
  // The preview answers after the check it waits for; that check's artifactChanged went out before the answer.
  const first = await requestPreview(client, uri);
  assert.ok(first.files.some((f) => f.path === 'uv.lock'));
  const announced = client.artifactChanges.filter((u) => u === uri).length;
  assert.ok(announced >= 1, 'the first check announces the artifact');
  await client.change(uri, 2, `${text}\n# a comment typed in\n`);
  await requestPreview(client, uri);
  assert.equal(client.artifactChanges.filter((u) => u === uri).length, announced, 'a comment changes no file the client must fetch');
  await client.change(uri, 3, text.replace('"uv.lock", ', ''));
  const narrower = await requestPreview(client, uri);
  assert.ok(!narrower.files.some((f) => f.path === 'uv.lock'));
  assert.equal(client.artifactChanges.filter((u) => u === uri).length, announced + 1, 'a changed selection is announced once');
});

test('on a large project the first preview lists the files at once, and the tasks follow', async () => {
  const { ws, client, uri, text } = await exampleWorkspace();
  // More Python files to read than FILES_FIRST_ABOVE: discovery reads them all, the file list needs none of them.
  mkdirSync(join(ws.dir, 'scene_qa', 'generated'));
  for (let i = 0; i <= FILES_FIRST_ABOVE; i++) writeFileSync(join(ws.dir, 'scene_qa', 'generated', `m${i}.py`), `VALUE_${i} = ${i}\n`);
  await client.open(uri, text);
  const first = await requestPreview(client, uri);
  assert.equal(first.tasksPending, true, 'the first answer comes before the tasks are found');
  assert.deepEqual([first.tasks, first.files.filter((f) => f.path.startsWith('scene_qa/generated/')).length], [[], FILES_FIRST_ABOVE + 1]);
  await client.waitFor(
    'artifactChanged once the tasks are found',
    () => client.artifactChanges.filter((u) => u === uri).length >= 2 || undefined,
  );
  const whole = await requestPreview(client, uri);
  assert.equal(whole.tasksPending, undefined);
  assert.deepEqual(whole.files, first.files);
  assert.ok(
    whole.tasks.some((t) => t.className === 'FetchScene'),
    'the example task is found',
  );
  // Everything is read now: a check that changes the selection answers whole at once, with its tasks.
  await client.change(uri, 2, text.replace('"uv.lock", ', ''));
  assert.ok((await requestPreview(client, uri)).tasks.length > 0);
});
