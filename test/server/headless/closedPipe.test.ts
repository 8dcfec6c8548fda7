// The bundled CLI in pipes, as a shell runs it: `| head -1` on a 5,000-file project ends the
// command quietly with git's status (141), and a FIFO config found by the folder walk is reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { treesRemovedAfter } from '../artifact/tree';

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const tree = treesRemovedAfter();

/** `node dist/cli.js <args> 2>err | <reader>` run by bash: the CLI's status and stderr, and what the reader printed. */
function piped(args: string[], reader: string): { status: number; stderr: string; read: string } {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const err = join(tree({}).dir, 'stderr');
  const script = `"$NODE" "$CLI" "$@" 2>"$ERR" | ${reader}; echo "status=\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script, 'bash', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE: process.execPath, CLI, ERR: err },
    maxBuffer: 64 * 1024 * 1024,
  });
  const status = /status=(\d+)\n$/.exec(r.stdout);
  assert.ok(status, r.stdout.slice(-200));
  return { status: Number(status[1]), stderr: fs.readFileSync(err, 'utf8'), read: r.stdout.slice(0, status.index) };
}

function bigProject(): string {
  const files: Record<string, string> = {
    'tilebox.workflow.toml': '[workflow]\nslug = "big-one"\nrunner = "pkg.m0:runner"\n[build]\ninclude = ["pkg/**"]\n',
  };
  for (let i = 0; i < 5000; i++) files[`pkg/m${i}.py`] = `x = ${i}\n`;
  return tree(files).dir;
}

test('| head -1 ends preview, preview --json, check and build --json quietly with status 141', { timeout: 120_000 }, () => {
  const dir = bigProject();
  // 2,000 configs with errors: check's report is far over a pipe's 64 KB.
  const bad: Record<string, string> = {};
  for (let i = 0; i < 2000; i++) bad[`c${i}/tilebox.workflow.toml`] = '[workflow]\nslug = "Bad Slug"\nrunner = "x"\n';
  const many = tree(bad).dir;
  const out = join(tree({}).dir, 'out.tar.zst');
  for (const [args, reader] of [
    [['preview', dir], 'head -1'],
    [['preview', dir, '--json'], 'head -1'],
    [['check', many], 'head -1'],
    [['check', many, '--format', 'json'], 'head -1'],
    // The summary is short: a reader that is gone before it comes closes the pipe just as well.
    [['build', dir, '--json', '--out', out], 'true'],
  ] as const) {
    const r = piped([...args], reader);
    assert.equal(r.stderr, '', `${args.join(' ')}: nothing on stderr`);
    assert.equal(r.status, 141, `${args.join(' ')}: git's status for a closed pipe`);
    if (reader !== 'true') assert.equal(r.read.split('\n').length, 2, `${args.join(' ')}: head printed one line`);
  }
  // The build itself finished: the archive is complete, only its summary had nowhere to go.
  assert.ok(fs.statSync(out).size > 0);
  assert.equal(spawnSync('zstd', ['-t', out]).status ?? 0, 0);
});

test('a reader that takes everything still gets everything, with status 0', () => {
  const dir = bigProject();
  const r = piped(['preview', dir, '--json'], 'cat');
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.read).files.length, 5000);
});

test('a FIFO named tilebox.workflow.toml, found by the folder walk, is reported as unreadable-file (never opened)', () => {
  const dir = tree({ 'ok/tilebox.workflow.toml': '[workflow]\nslug = "fine-one"\nrunner = "a:b"\n[build]\ninclude = ["**"]\n' }).dir;
  fs.mkdirSync(join(dir, 'piped'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'piped', 'tilebox.workflow.toml')]).status, 0);
  const r = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /piped\/tilebox\.workflow\.toml:1:1: error: Cannot read tilebox\.workflow\.toml: not a regular file \[unreadable-file\]/,
  );
  assert.match(r.stderr, /2 files checked: 1 error/);
});
