// The bundled server as an editor starts it: `node dist/server.js --stdio` (after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_PROJECT, SERVER_BUNDLE, startSpawned, tempWorkspace, uriOf } from './lsp/harness';

test('node dist/server.js --stdio answers initialize and publishes diagnostics for an open config', { timeout: 60_000 }, async () => {
  assert.ok(existsSync(SERVER_BUNDLE), 'run `npm run build` first');
  const ws = tempWorkspace(EXAMPLE_PROJECT);
  const client = await startSpawned([ws.dir]);
  try {
    const configPath = join(ws.dir, 'tilebox.workflow.toml');
    const text = readFileSync(configPath, 'utf8').replace('runner = "', 'runer = "');
    await client.open(uriOf(configPath), text);
    const found = await client.waitFor(
      'unknown-key',
      () => client.diagnostics.get(uriOf(configPath))?.find((d) => d.code === 'unknown-key'),
      30_000,
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('runer'));
    assert.deepEqual(found.range.start, { line, character: 0 });
    assert.match(String(found.message), /runner/, 'the message suggests the right key');
  } finally {
    await client.close();
    ws.cleanup();
  }
  assert.equal(await client.exited, 0, `server did not exit cleanly: ${client.stderr()}`);
});
