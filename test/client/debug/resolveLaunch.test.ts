// What F5 / Debug Task check before debugpy starts, each failure as one message with one action.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CliFailure } from '../../../client/src/commands/flow';
import { defaultLaunchConfig } from '../../../client/src/debug/debugConfiguration';
import { ActionProblem, resolveLaunch, type ResolveDeps } from '../../../client/src/debug/resolveLaunch';
import { DEV, KEY, world } from '../commands/support';

const facts = (o: object) => JSON.stringify({ python: '3.11.2', executable: '/p/.venv/bin/python', debugpy: true, tilebox: true, ...o });

function setup(over: Partial<ResolveDeps> = {}) {
  const w = world();
  const remembered = new Map<string, string | undefined>([[w.project.dir, DEV]]);
  const storageDir = mkdtempSync(join(tmpdir(), 'tbx-storage-'));
  const deps = (ui = w.ui()): ResolveDeps => ({
    cli: w.h.cli,
    ui,
    projects: w.deps(ui).projects,
    memory: { get: (d) => remembered.get(d), set: async (d, s) => void remembered.set(d, s) },
    userName: 'ada',
    apiKey: async () => KEY,
    apiUrl: () => 'http://localhost:9',
    interpreter: async () => ({ path: '/p/.venv/bin/python', source: 'project .venv' }),
    preflight: async () => ({ kind: 'ran', code: 0, stdout: `${facts({})}\n`, stderr: '' }),
    storageDir,
    platform: 'linux',
    ...over,
  });
  return { w, deps, storageDir };
}

test('a project with everything in place becomes a debugpy launch of the generated runner on the remembered cluster', async () => {
  const { w, deps, storageDir } = setup();
  const { project, config } = await resolveLaunch(deps(), defaultLaunchConfig());
  assert.equal(project.dir, w.project.dir);
  assert.deepEqual(config.args, ['scene_qa.runner:runner', DEV]);
  assert.equal(config.python, '/p/.venv/bin/python');
  assert.deepEqual(config.env, { TILEBOX_API_KEY: KEY, PYTHONUNBUFFERED: '1', TILEBOX_API_URL: 'http://localhost:9' });
  assert.match(readFileSync(join(storageDir, 'tilebox_debug_runner.py'), 'utf8'), /if __name__ == "__main__":/);
});

test('a runner whose module is not in the project points at the toml', async () => {
  const { w, deps } = setup();
  writeFileSync(
    w.project.configPath,
    readFileSync(w.project.configPath, 'utf8').replace('scene_qa.runner:runner', 'scene_qa.runnr:runner'),
  );
  await assert.rejects(
    resolveLaunch(deps(), defaultLaunchConfig()),
    (e: Error) =>
      e instanceof ActionProblem &&
      /^The runner scene_qa\.runnr:runner \(\[workflow\]\.runner\) points nowhere: neither scene_qa\/runnr\.py nor scene_qa\/runnr\/__init__\.py exists/.test(
        e.message,
      ) &&
      e.action.title === 'Open tilebox.workflow.toml',
  );
});

test("missing debugpy offers its install command; no API key is the CLI's not-authenticated failure", async () => {
  const noDebugpy = setup({
    preflight: async () => ({ kind: 'ran', code: 0, stdout: facts({ debugpy: false }), stderr: '' }),
  });
  await assert.rejects(
    resolveLaunch(noDebugpy.deps(), defaultLaunchConfig()),
    (e: Error) => e instanceof ActionProblem && e.action.copy === 'uv add --dev debugpy',
  );
  const noKey = setup({ apiKey: async () => undefined });
  await assert.rejects(
    resolveLaunch(noKey.deps(), defaultLaunchConfig()),
    (e: Error) => e instanceof CliFailure && e.result.kind === 'not-authenticated',
  );
});

test("a launch configuration's cluster that does not exist says so", async () => {
  const { deps } = setup();
  await assert.rejects(resolveLaunch(deps(), { ...defaultLaunchConfig(), cluster: 'nope-123' }), (e: Error) =>
    /^Cluster nope-123 \(the launch configuration's "cluster"\) does not exist/.test(e.message),
  );
});

test('an interpreter that passed the preflight is not checked again; one that failed is checked every time', async () => {
  let runs = 0;
  let debugpy = false;
  const verified = new Set<string>();
  const { deps } = setup({
    verified,
    preflight: async () => {
      runs++;
      return { kind: 'ran', code: 0, stdout: facts({ debugpy }), stderr: '' };
    },
  });
  await assert.rejects(resolveLaunch(deps(), defaultLaunchConfig()), /debugpy \(the Python debugger\) is not installed/);
  debugpy = true; // the user ran the install command
  await resolveLaunch(deps(), defaultLaunchConfig());
  await resolveLaunch(deps(), defaultLaunchConfig());
  assert.equal(runs, 2);
  assert.deepEqual([...verified], ['/p/.venv/bin/python']);
});

test('the launch resolves with the clusters it listed, for the competing-runner warning', async () => {
  const { deps } = setup();
  const { clusters } = await resolveLaunch(deps(), defaultLaunchConfig());
  assert.ok(clusters.some((c) => c.slug === DEV));
});
