// Which CLI error texts mean "the API key is missing or rejected" (Set API Key) and which only contain
// look-alike words in a slug or name (the CLI's own error, passed through).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAuthFailure } from '../../../client/src/cliAdapter/authFailure';
import { TileboxCli } from '../../../client/src/cliAdapter/runCli';

const AUTH = [
  'Error: no API key: set TILEBOX_API_KEY or pass --api-key',
  'Error: unauthenticated: the API key was rejected (401)',
  'Error: failed to list workflows: unauthenticated: invalid api key',
  'rpc error: code = Unauthenticated desc = token expired',
  '{"code":"unauthenticated","message":"bad token"}',
  'Error: request failed with status 401',
  'Error: unexpected status code: 401',
  'Error: HTTP/1.1 401 Unauthorized',
  'Error: 401 Unauthorized',
  'Error: Unauthorized',
  'Error: API key is required',
  'Error: not authenticated, run with --api-key',
  'Error: TILEBOX_API_KEY is not set',
  'Error: TILEBOX_API_KEY is required',
  'Error: missing TILEBOX_API_KEY',
  'Error: invalid_api_key',
  'Error: the API key you provided is not valid',
  'Error: Unauthorized.',
  'Error: unauthenticated.',
  'Error: unauthenticated',
  'Error: request unauthorized',
  'Error: failed to list workflows: [unauthenticated] missing or invalid api key',
  'Error: 401 - Unauthorized',
  'Error: 401: unauthorized',
  'Error: request failed: 401',
  'Error: server responded 401 Unauthorized',
  'Error: HTTP 401: Unauthorized',
  'Error: authentication failed',
  'Error: could not authenticate: please set TILEBOX_API_KEY',
];

const NOT_AUTH = [
  'Error: workflow ingest-401 not found',
  'Error: cluster 401-dev not found',
  'Error: workflow unauthorized-uploads not found',
  'Error: job unauthenticated-retry failed: task panicked',
  'Error: release 0196a401-1b2c-7d3e-8f40-123456789401 not found',
  'Error: task input is larger than 2048 bytes (got 4010)',
  'Error: permission denied (403)',
  'Error: cluster "unauthorized" not found',
  'Error: workflow unauthorized not found',
  'Error: release 401 not found',
  'Error: task unauthenticated: failed',
  'Error: job 0190-401a not found',
];

test('the documented and usual auth failures are recognised', () => {
  for (const s of AUTH) assert.ok(isAuthFailure(s), s);
});

test('401 or "unauthorized" inside a slug, id or number is not an auth failure', () => {
  for (const s of NOT_AUTH) assert.ok(!isAuthFailure(s), s);
});

test('a CLI error naming a slug with 401 in it is reported as that error, not as a missing or rejected key', async () => {
  const cli = new TileboxCli({
    locate: async () => ({ path: process.execPath }),
    apiKey: async () => 'tbx-k',
    apiUrl: () => undefined,
    log: () => {},
    env: {},
  });
  const r = await cli.run({
    args: ['-e', 'console.error("Error: workflow ingest-401 not found"); process.exit(1)'],
    parse: () => ({ ok: false, detail: '' }),
    kind: 'write',
  });
  assert.deepEqual(r, { kind: 'exited', exitCode: 1, stderr: 'Error: workflow ingest-401 not found' });
});
