// TileboxCli against the stand-in: every failure kind, where the key and --api-url go, shared reads, logging.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as calls from '../../../client/src/cliAdapter/calls';
import { TileboxCli, type TileboxCliOptions } from '../../../client/src/cliAdapter/runCli';
import { harness, KEY, ok, STANDIN_BIN } from './helpers';

/** A runner whose "CLI" is node itself (the test passes `-e <script>`), with the key stored and a log to read. */
function nodeAsCli(over: Partial<TileboxCliOptions> = {}): { cli: TileboxCli; lines: string[] } {
  const lines: string[] = [];
  const cli = new TileboxCli({
    locate: async () => ({ path: process.execPath }),
    apiKey: async () => KEY,
    apiUrl: () => undefined,
    log: (l) => lines.push(l),
    env: {},
    ...over,
  });
  return { cli, lines };
}

test('a CLI that cannot be found is a not-found result listing where it looked, and nothing is spawned', async () => {
  const h = harness({ locate: async () => ({ searched: ['/usr/bin/tilebox', '/home/u/.local/bin/tilebox'] }) });
  const r = await h.cli.run(calls.workflowList());
  assert.deepEqual(r, { kind: 'not-found', searched: ['/usr/bin/tilebox', '/home/u/.local/bin/tilebox'] });
  assert.equal(h.calls().length, 0);
});

test('a located path that does not exist (ENOENT at spawn) is not-found too', async () => {
  const h = harness({ locate: async () => ({ path: join(STANDIN_BIN, '..', 'no-such-tilebox') }) });
  const r = await h.cli.run(calls.clusterList());
  assert.equal(r.kind, 'not-found');
});

test('without any API key the stand-in refuses and the result is not-authenticated with its message', async () => {
  const h = harness({ key: null });
  const r = await h.cli.run(calls.accountGet());
  assert.equal(r.kind, 'not-authenticated');
  assert.match((r as { stderr: string }).stderr, /no API key: set TILEBOX_API_KEY/);
});

test('a key rejected by the API (401) is not-authenticated', async () => {
  const h = harness();
  h.setMode('unauthenticated');
  assert.equal((await h.cli.run(calls.accountGet())).kind, 'not-authenticated');
});

test('a non-zero exit with another message is exited, carrying the trimmed stderr and exit code', async () => {
  const h = harness();
  h.setMode('fail');
  assert.deepEqual(await h.cli.run(calls.workflowList()), { kind: 'exited', exitCode: 1, stderr: 'Error: internal server error' });
});

test('output that is not JSON is unparsable, with the reason and the raw output', async () => {
  const h = harness();
  h.setMode('garbage');
  const r = await h.cli.run(calls.jobList());
  assert.equal(r.kind, 'unparsable');
  assert.match((r as { detail: string }).detail, /not JSON/);
  assert.match((r as { stdout: string }).stdout, /502 Bad Gateway/);
});

test('a hanging CLI is stopped after the timeout and reported as timed-out', async () => {
  const h = harness();
  h.setMode('hang');
  const r = await h.cli.run(calls.workflowList(), { timeoutMs: 400 });
  assert.deepEqual(r, { kind: 'timed-out', timeoutMs: 400 });
  assert.match(h.logs.join('\n'), /workflow list --json → timed out after 400 ms/);
});

test('aborting a call stops the process and yields cancelled', async () => {
  const h = harness();
  h.setMode('hang');
  const abort = new AbortController();
  const pending = h.cli.run(calls.jobSubmit({ name: 'x', task: 'T' }), { signal: abort.signal });
  setTimeout(() => abort.abort(), 200);
  assert.deepEqual(await pending, { kind: 'cancelled' });
});

test('an already-aborted signal does not start the CLI', async () => {
  const h = harness();
  const abort = new AbortController();
  abort.abort();
  assert.deepEqual(await h.cli.run(calls.clusterList(), { signal: abort.signal }), { kind: 'cancelled' });
  assert.equal(h.calls().length, 0);
});

test('the API key travels only in the environment: never in argv, the log lines or calls.log', async () => {
  const h = harness();
  ok(await h.cli.run(calls.accountGet()));
  const [call] = h.calls();
  assert.equal(call.api_key_env, true);
  assert.equal(call.api_key_flag, false);
  assert.ok(!readFileSync(join(h.state, 'calls.log'), 'utf8').includes(KEY));
  assert.ok(!h.logs.join('\n').includes(KEY));
});

test('a key in the editor environment is used when none is stored; a stored key wins over it', async () => {
  const h = harness({ key: null });
  const envOnly = new TileboxCli({
    locate: async () => ({ path: STANDIN_BIN }),
    apiKey: async () => undefined,
    apiUrl: () => undefined,
    log: () => {},
    env: { PATH: process.env.PATH, TILEBOX_STANDIN_STATE: h.state, TILEBOX_API_KEY: 'tbx-from-env' },
  });
  assert.equal((await envOnly.run(calls.accountGet())).kind, 'ok');
  // The stand-in echoes nothing about the key, so check precedence with a child that prints it.
  const { cli: printer } = nodeAsCli({ apiKey: async () => 'tbx-stored', env: { TILEBOX_API_KEY: 'tbx-from-env' } });
  const r = await printer.run({
    args: ['-e', 'console.log(JSON.stringify(process.env.TILEBOX_API_KEY))'],
    parse: (s) => ({ ok: true, value: JSON.parse(s), warnings: [] }),
    kind: 'read',
  });
  assert.deepEqual(r, { kind: 'ok', value: 'tbx-stored', warnings: [] });
});

test('a key echoed by the CLI in stderr is redacted from the result and the log', async () => {
  const { cli: leaky, lines } = nodeAsCli();
  const r = await leaky.run({
    args: ['-e', 'console.error("bad request for key " + process.env.TILEBOX_API_KEY); process.exit(3)'],
    parse: () => ({ ok: false, detail: '' }),
    kind: 'write',
  });
  assert.equal(r.kind, 'exited');
  assert.ok(!JSON.stringify(r).includes(KEY) && !lines.join('\n').includes(KEY));
  assert.match(JSON.stringify(r), /\*\*\*/);
});

test('a key echoed by the CLI in unparsable stdout is redacted from the detail (shown in a notification) and the log', async () => {
  const { cli: leaky, lines } = nodeAsCli();
  const r = await leaky.run({
    args: ['-e', 'console.log("using key " + process.env.TILEBOX_API_KEY)'],
    parse: calls.clusterList().parse,
    kind: 'read',
  });
  assert.equal(r.kind, 'unparsable');
  assert.match((r as { detail: string }).detail, /not JSON: using key \*\*\*/);
  assert.ok(!JSON.stringify(r).includes(KEY) && !lines.join('\n').includes(KEY));
});

test('--api-url goes before the subcommand, and is absent when not set', async () => {
  const h = harness({ apiUrl: 'https://api.example.test' });
  ok(await h.cli.run(calls.clusterList()));
  assert.deepEqual(h.calls()[0].argv, ['--api-url', 'https://api.example.test', 'cluster', 'list', '--json']);
  const plain = harness();
  ok(await plain.cli.run(calls.clusterList()));
  assert.deepEqual(plain.calls()[0].argv, ['cluster', 'list', '--json']);
});

test('two identical concurrent reads share one process; writes and different reads do not', async () => {
  const h = harness();
  const [a, b, c] = await Promise.all([h.cli.run(calls.clusterList()), h.cli.run(calls.clusterList()), h.cli.run(calls.workflowList())]);
  assert.deepEqual(ok(a), ok(b));
  assert.equal(ok(c).length, 1);
  assert.equal(h.calls().filter((x) => x.argv.join(' ') === 'cluster list --json').length, 1);
  await Promise.all([h.cli.run(calls.clusterCreate('a')), h.cli.run(calls.clusterCreate('a'))]);
  assert.equal(h.calls().filter((x) => x.argv[1] === 'create').length, 2);
});

test('one caller cancelling a shared read does not cancel the other caller', async () => {
  const h = harness({ extraEnv: { TILEBOX_STANDIN_MODE: 'slow', TILEBOX_STANDIN_SLOW_MS: '400' } });
  const cli = h.cli;
  const abort = new AbortController();
  const first = cli.run(calls.clusterList(), { signal: abort.signal });
  const second = cli.run(calls.clusterList());
  setTimeout(() => abort.abort(), 50);
  assert.deepEqual(await first, { kind: 'cancelled' });
  assert.equal((await second).kind, 'ok');
  assert.equal(h.calls().length, 1);
});

test('a read started right after the only reader of the same read cancelled runs afresh instead of joining the stopped one', async () => {
  // Seen as a job document reopened quickly staying on "Loading…" and a retried job's watcher ending at once.
  const h = harness({ extraEnv: { TILEBOX_STANDIN_MODE: 'slow', TILEBOX_STANDIN_SLOW_MS: '400' } });
  const abort = new AbortController();
  const first = h.cli.run(calls.clusterList(), { signal: abort.signal });
  await new Promise((resolve) => setTimeout(resolve, 100));
  abort.abort();
  const again = h.cli.run(calls.clusterList());
  assert.deepEqual(await first, { kind: 'cancelled' });
  assert.equal((await again).kind, 'ok');
});

test('a CLI printing more than the output limit is stopped and reported as too large, not as its EPIPE exit', async () => {
  const { cli, lines } = nodeAsCli({ maxOutputBytes: 1024 * 1024, killGraceMs: 200 });
  // Valid JSON of 4 MB: only the size is wrong with it.
  const bigJson = `const mb = 'a'.repeat(1 << 20); process.stdout.write('{"jobs":[],"pad":"'); for (let i = 0; i < 4; i++) process.stdout.write(mb); process.stdout.write('"}')`;
  const r = await cli.run({ args: ['-e', bigJson], parse: calls.jobList().parse, kind: 'read' });
  assert.equal(r.kind, 'unparsable');
  assert.match((r as { detail: string }).detail, /the output was larger than 1 MB/);
  assert.match(lines.join('\n'), /stopped: output larger than 1 MB/);
});

test('every call is logged as one line with its arguments, exit code and duration', async () => {
  const h = harness();
  ok(await h.cli.run(calls.workflowList()));
  assert.match(h.logs[0], /^tilebox workflow list --json → exit 0 in \d+ ms$/);
  h.setMode('fail');
  await h.cli.run(calls.jobGet('01a20793-37bc-7d05-a6a8-0b9354b47956'));
  assert.match(
    h.logs.join('\n'),
    /tilebox job get 01a20793-37bc-7d05-a6a8-0b9354b47956 --json → exit 1 in \d+ ms\n  stderr: Error: internal server error/,
  );
});

test('a working directory that does not exist is an exited result with a clear message, not a crash', async () => {
  const h = harness();
  const r = await h.cli.run(calls.workflowGet(), { cwd: '/no/such/dir' });
  assert.equal(r.kind, 'exited');
  assert.match((r as { stderr: string }).stderr, /Working directory does not exist: \/no\/such\/dir/);
});

test('a timeout ends the whole process tree, including children the CLI started in the background', async () => {
  // A "CLI" (sh) that starts two background children and waits: SIGTERM to sh alone would orphan them.
  const marker = `tbx-tree-${process.pid}-${Date.now()}`;
  const lines: string[] = [];
  const cli = new TileboxCli({
    locate: async () => ({ path: '/bin/sh' }),
    apiKey: async () => KEY,
    apiUrl: () => undefined,
    log: (l) => lines.push(l),
    env: { PATH: process.env.PATH },
    killGraceMs: 200,
  });
  const child = `"${process.execPath}" -e "setInterval(() => {}, 1000)" ${marker}`;
  const r = await cli.run(
    { args: ['-c', `${child} & ${child} & wait`], parse: () => ({ ok: true, value: null, warnings: [] }), kind: 'write' },
    { timeoutMs: 800 },
  );
  assert.equal(r.kind, 'timed-out');
  await new Promise((resolve) => setTimeout(resolve, 400));
  const { execFileSync } = await import('node:child_process');
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  assert.ok(!ps.includes(marker), 'no child of the stopped CLI survives');
});
