// Diagnostics users can steer (issue 7.1), end to end through the language server: completion
// of codes in `# tilebox: ignore`, the "Ignore <code> here" quick fix, the severity setting on
// task problems in Python files, and package.json's setting schema listing every code (so VS Code
// completes them in settings.json; adding a code without listing it fails here).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CodeActionRequest, CompletionRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol';
import { DIAGNOSTIC_CODES } from '../../../server/src/config/index';
import { ALL_DIAGNOSTIC_CODES, severitySettingKeys } from '../../../server/src/lsp/diagnosticCodes';
import { applyEdits, completionItems, EXAMPLE_PROJECT, requestPreview, startInProcess, tempWorkspace, uriOf } from './harness';

const PACKAGE = fileURLToPath(new URL('../../../package.json', import.meta.url));
const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function example(severity: Record<string, string> = {}) {
  const ws = tempWorkspace(EXAMPLE_PROJECT);
  const client = await startInProcess([ws.dir], severity);
  cleanups.push(ws.cleanup, () => client.close());
  const configPath = join(ws.dir, 'tilebox.workflow.toml');
  return { ws, client, uri: uriOf(configPath), text: readFileSync(configPath, 'utf8') };
}

test('package.json lists every diagnostic code for tilebox.diagnostics.severity, with its description, as generated', () => {
  const pkg = JSON.parse(readFileSync(PACKAGE, 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
  };
  const setting = pkg.contributes.configuration.properties['tilebox.diagnostics.severity'];
  const generated = severitySettingKeys();
  for (const key of Object.keys(generated)) {
    assert.deepEqual(
      setting[key],
      generated[key],
      `package.json is out of date with the code tables: run \`npm run generate:settings\` (${key})`,
    );
  }
  // The Settings UI lists `properties` as the keys to pick, each with its description (plain text: no backticks).
  const properties = setting.properties as Record<string, { enum: string[]; description: string }>;
  assert.deepEqual(
    Object.keys(properties),
    ALL_DIAGNOSTIC_CODES.map((c) => c.code),
  );
  for (const { code } of DIAGNOSTIC_CODES) assert.ok(code in properties, code);
  assert.deepEqual(properties['include-matches-nothing'].enum, ['error', 'warning', 'information', 'hint', 'off']);
  assert.equal(properties['toml-syntax'].description, 'The file is not valid TOML (unterminated string, duplicate key, missing "=", ...).');
  assert.ok(Object.values(properties).every((p) => !p.description.includes('`')));
});

test('inside "# tilebox: ignore " completion offers validator and artifact codes, with descriptions', async () => {
  const { client, uri, text } = await example();
  const edited = text.replace('[build]', '[build]\n# tilebox: ignore ');
  await client.open(uri, edited);
  const line = edited.split('\n').indexOf('# tilebox: ignore ');
  const offered = completionItems(
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 18 } }),
  );
  const labels = offered.map((i) => i.label);
  for (const code of ['include-matches-nothing', 'unknown-key', 'selection-has-venv', 'runner-not-in-artifact'])
    assert.ok(labels.includes(code), `${code} missing from ${labels.join(', ')}`);
  assert.ok(!labels.includes('task-invalid-version'), 'task codes belong to Python files, not to ignore comments in the config');
  const venv = offered.find((i) => i.label === 'selection-has-venv')!;
  assert.match(String(venv.documentation), /virtual environment/);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 10 } });
  assert.equal(hover, null, 'no hover on the keyword');
  await client.change(uri, 2, edited.replace('# tilebox: ignore ', '# tilebox: ignore selection-has-venv'));
  const onCode = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 22 } });
  assert.match((onCode?.contents as MarkupContent).value, /selection-has-venv[\s\S]*virtual environment/);
});

test('"Ignore <code> here" inserts the comment above, indented like the line, and the warning goes away', async () => {
  const { client, uri, text } = await example();
  const broken = text.replace('slug = "scene-qa-F8yVcPRfw2AkoZ"', '  slug = "replace-with-your-workflow-slug"');
  await client.open(uri, broken);
  const d = await client.waitFor('slug-placeholder', () => client.diagnostics.get(uri)?.find((x) => x.code === 'slug-placeholder'));
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  const ignore = actions.find((a) => a.title === 'Ignore slug-placeholder here');
  assert.ok(ignore, `no ignore action among ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(ignore.kind, 'quickfix');
  const fixed = applyEdits(broken, ignore.edit!.changes![uri]);
  assert.equal(fixed, broken.replace('  slug =', '  # tilebox: ignore slug-placeholder\n  slug ='));
  await client.change(uri, 2, fixed);
  await client.waitFor(
    'the warning to go away',
    () => client.diagnostics.get(uri) && !client.diagnostics.get(uri)!.some((x) => x.code === 'slug-placeholder'),
  );
});

test('tilebox.diagnostics.severity also re-grades task problems in Python files', async () => {
  const { ws, client, uri } = await example({ 'task-invalid-version': 'hint' });
  const tasks = join(ws.dir, 'scene_qa', 'tasks.py');
  writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('"v1.2"', '"1.2"'));
  await requestPreview(client, uri);
  const found = await client.waitFor('the task diagnostic', () =>
    client.diagnostics.get(uriOf(tasks))?.find((d) => d.code === 'task-invalid-version'),
  );
  assert.equal(found.severity, 4);
});
