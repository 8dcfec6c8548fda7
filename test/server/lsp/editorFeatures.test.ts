// Through a real LSP connection: a config whose root leaves the project (or is no folder) gets its
// root diagnostic, and completion, hover, code lenses and the preview read nothing outside the
// project: a Runner module in the folder above it (the sentinel) is never offered.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CodeLensRequest, CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { completeUntilDone, completionItems, requestPreview, startInProcess, uriOf } from './harness';
import { oddRoots, projectWithSentinel } from './sentinel';

const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

for (const severity of [
  {},
  { 'root-outside-project': 'off', 'root-absolute': 'off', 'root-not-found': 'off', 'root-not-directory': 'off' },
] as Record<string, string>[]) {
  const silenced = Object.keys(severity).length > 0;
  test(`odd roots${silenced ? ' with their diagnostics turned off' : ''}: completion, hover, lenses and preview touch nothing outside the project`, async () => {
    const { parent, dir } = projectWithSentinel(cleanups);
    const client = await startInProcess([dir], severity);
    cleanups.push(() => client.close());
    const configPath = join(dir, 'tilebox.workflow.toml');
    const uri = uriOf(configPath);
    const valid = readFileSync(configPath, 'utf8');
    const base = valid.replace(/runner = ".*"/, 'runner = ""');
    await client.open(uri, valid);
    let version = 2;
    for (const [root, code] of oddRoots(parent, dir)) {
      const withRoot = (t: string) => t.replace('root = "."', `root = ${JSON.stringify(root)}`);
      // The root diagnostic explains the empty features (the files stage runs once the rest is valid).
      await client.change(uri, version++, withRoot(valid));
      if (!silenced) await client.waitFor(`${code} for root ${root}`, () => client.diagnostics.get(uri)?.some((d) => d.code === code));
      // Completion is asked while the runner is still being typed.
      const text = withRoot(base);
      await client.change(uri, version++, text);

      const lines = text.split('\n');
      const runnerLine = lines.findIndex((l) => l.startsWith('runner'));
      const answer = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: runnerLine, character: 'runner = "'.length },
      });
      // No candidate at all, and no "more may exist" item: a refused root is not searched, not even a little.
      assert.deepEqual(
        completionItems(answer).map((i) => i.label),
        [],
        `root ${root}`,
      );
      for (let line = 0; line < lines.length; line++) {
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 1 } });
        assert.doesNotMatch(JSON.stringify(hover), /sentinel/);
      }
      const preview = await requestPreview(client, uri);
      assert.deepEqual(preview.files, [], `root ${root}`);
      assert.ok(preview.error, `root ${root}: the preview says why it is empty`);
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      assert.doesNotMatch(JSON.stringify(lenses), /sentinel|\d+ files/);
    }
    // Back to ".": the project's own runner is offered, the sentinel still is not.
    await client.change(uri, version, base);
    const runnerLine = base.split('\n').findIndex((l) => l.startsWith('runner'));
    const labels = (await completeUntilDone(client, uri, { line: runnerLine, character: 'runner = "'.length })).map((i) => i.label);
    assert.ok(labels.includes('scene_qa.runner:runner'), labels.join(', '));
    assert.ok(!labels.some((l) => l.includes('sentinel')), labels.join(', '));
  });
}
