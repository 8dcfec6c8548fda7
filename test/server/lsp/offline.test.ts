// Offline by construction: the language server and the headless CLI validate every fixture
// while a preload turns any network use (socket connect, DNS, UDP, fetch) into a recorded failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CompletionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { EXAMPLE_PROJECT, REAL_CONFIGS, requestPreview, startSpawned, tempWorkspace, uriOf } from './harness';

const PRELOAD = fileURLToPath(new URL('./noNetwork.cjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tomlFiles(full) : name.endsWith('.toml') ? [full] : [];
  });
}

let workspace: { dir: string; cleanup: () => void };
const configs: string[] = [];
let networkLog = '';
/** What the server published per config, to compare with the headless check's answer. */
const published = new Map<string, Diagnostic[]>();

before(() => {
  workspace = tempWorkspace();
  // Every fixture becomes a real project folder, so file-aware rules and the preview run too.
  for (const fixture of tomlFiles(REAL_CONFIGS)) {
    const dir = join(workspace.dir, 'configs', basename(fixture, '.toml'));
    mkdirSync(dir, { recursive: true });
    cpSync(fixture, join(dir, 'tilebox.workflow.toml'));
    configs.push(join(dir, 'tilebox.workflow.toml'));
  }
  cpSync(EXAMPLE_PROJECT, join(workspace.dir, 'example'), { recursive: true });
  configs.push(join(workspace.dir, 'example', 'tilebox.workflow.toml'));
  networkLog = join(workspace.dir, 'network.log');
});
after(() => workspace.cleanup());

const env = () => ({ ...process.env, TILEBOX_NETWORK_LOG: networkLog });
const attempts = () => (existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '');

test('the preload really catches network use (so the checks below can fail)', () => {
  const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:net').connect(9, '127.0.0.1')"], {
    env: env(),
    encoding: 'utf8',
  });
  assert.notEqual(run.status, 0);
  assert.match(attempts(), /net\.Socket\.connect/);
  const dnsRun = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:dns').lookup('example.com', () => {})"], {
    env: env(),
    encoding: 'utf8',
  });
  assert.notEqual(dnsRun.status, 0);
  assert.match(attempts(), /dns\.lookup/);
});

test('the language server validates and previews every fixture without touching the network', { timeout: 120_000 }, async () => {
  const before = attempts();
  const client = await startSpawned([workspace.dir], ['--require', PRELOAD], env());
  try {
    const uris = configs.map(uriOf);
    await client.waitFor('diagnostics for every config', () => uris.every((uri) => client.diagnostics.has(uri)), 90_000);
    for (const config of configs) published.set(config, client.diagnostics.get(uriOf(config))!);
    for (const uri of uris) {
      const preview = await requestPreview(client, uri);
      assert.equal(typeof preview.totalBytes, 'number');
    }
    const example = join(workspace.dir, 'example', 'tilebox.workflow.toml');
    await client.open(uriOf(example), readFileSync(example, 'utf8'));
    await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf(example) },
      position: { line: 3, character: 10 },
    });
  } finally {
    await client.close();
  }
  assert.equal(attempts(), before, `network use recorded:\n${attempts()}\nserver stderr:\n${client.stderr()}`);
});

test('the headless CLI checks every fixture, previews and builds the example without touching the network', () => {
  const before = attempts();
  const check = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', workspace.dir, '--format', 'json'], {
    env: env(),
    encoding: 'utf8',
  });
  assert.ok(check.status === 0 || check.status === 1, `check exited ${check.status}: ${check.stderr}`);
  const checked = JSON.parse(check.stdout) as { files: { path: string; diagnostics: Diagnostic[] }[] };
  assert.deepEqual(checked.files.map((f) => f.path).sort(), [...configs].sort());
  // Same validation as the server: everything check reports, the server published too (the
  // server adds the artifact preview's warnings on top).
  for (const file of checked.files) {
    const server = published.get(file.path);
    if (!server) continue; // the server test did not run (filtered)
    for (const d of file.diagnostics)
      assert.ok(
        server.some((s) => JSON.stringify(s) === JSON.stringify(d)),
        `${file.path}: ${d.code} only in check`,
      );
  }
  assert.ok(
    checked.files.some((f) => f.diagnostics.some((d) => d.severity === 1)),
    'the doc fragments give errors, so the comparison covers errors',
  );
  const preview = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'preview', join(workspace.dir, 'example'), '--json'], {
    env: env(),
    encoding: 'utf8',
  });
  assert.equal(preview.status, 0, preview.stderr);
  assert.ok((JSON.parse(preview.stdout) as { files: unknown[] }).files.length > 0);
  const out = join(workspace.dir, 'example.tar.zst');
  const build = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'build', join(workspace.dir, 'example'), '--out', out, '--json'], {
    env: env(),
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);
  assert.ok(existsSync(out));
  assert.equal(attempts(), before, `network use recorded:\n${attempts()}`);
});
