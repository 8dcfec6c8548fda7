// The generated runner script: it runs the project's Runner under the stand-in SDK, announces READY, keeps the
// __main__ guard for the lease renewer's spawn child, and explains a target that is not a Runner.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LAUNCHER_SCRIPT, parseReady } from '../../../client/src/debug/launcherScript';

const root = join(import.meta.dirname, '../../..');
const env = (state: string) => ({
  ...process.env,
  PYTHONPATH: join(root, 'test/standin/python'),
  TILEBOX_API_KEY: 'k',
  TILEBOX_STANDIN_STATE: state,
  PYTHONDONTWRITEBYTECODE: '1',
});

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'tbx-launcher-'));
  cpSync(join(root, 'test/fixtures/example-project/scene_qa'), join(dir, 'scene_qa'), { recursive: true });
  writeFileSync(join(dir, 'launcher.py'), LAUNCHER_SCRIPT);
  return dir;
}

test('READY lines are parsed, anything else is not', () => {
  assert.deepEqual(parseReady('x\nTILEBOX_DEBUG_RUNNER_READY {"cluster":"c","identifiers":[]}\n'), {
    cluster: 'c',
    identifiers: [],
  });
  assert.equal(parseReady('TILEBOX_DEBUG_RUNNER_READY {oops'), undefined);
  assert.equal(parseReady('hello'), undefined);
});

test('the launcher starts the example Runner on a cluster and stops on SIGINT', async () => {
  const dir = project();
  const child = spawn('python3', ['launcher.py', 'scene_qa.runner:runner', 'dev-cluster-9xK2mQ4pL8nR7s'], {
    cwd: dir,
    env: env(join(dir, 'state')),
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no READY: ${out}`)), 30_000);
    child.stdout.on('data', () => {
      if (parseReady(out)) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  const ready = parseReady(out)!;
  assert.equal(ready.cluster, 'dev-cluster-9xK2mQ4pL8nR7s');
  assert.deepEqual(
    ready.identifiers.map((i) => `${i.name}@${i.version}`),
    ['tilebox.com/example/FetchScene@v1.0', 'tilebox.com/example/CheckClouds@v1.2', 'Summarize@v0.0'],
  );
  child.kill('SIGINT');
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 0);
  assert.match(out, /Tilebox debug runner stopped\./);
});

test('a target that is not a Runner, or a module that does not import, ends with a clear message', () => {
  const dir = project();
  const notRunner = spawnSync('python3', ['launcher.py', 'scene_qa.runner:client', 'dev-cluster-9xK2mQ4pL8nR7s'], {
    cwd: dir,
    env: env(join(dir, 'state')),
    encoding: 'utf8',
  });
  assert.equal(notRunner.status, 1);
  assert.match(notRunner.stderr, /scene_qa\.runner:client is a Client, not a tilebox\.workflows\.Runner/);
  const missing = spawnSync('python3', ['launcher.py', 'scene_qa.nope:runner', 'c'], {
    cwd: dir,
    env: env(join(dir, 'state')),
    encoding: 'utf8',
  });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /ModuleNotFoundError: No module named 'scene_qa.nope'/);
});
