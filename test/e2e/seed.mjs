// Seeds the stand-in account the way a user would in a terminal: publish and deploy the example project, then one
// job that completes and one that fails. Used by the sidebar/release scenarios and by `npm start`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { standinBin } from './harness-paths.mjs';

export const DEV_CLUSTER = 'dev-cluster-9xK2mQ4pL8nR7s';

/** Runs the stand-in CLI with `env` in `cwd` and returns stdout. */
export function runStandin(env, cwd, args) {
  return execFileSync(join(standinBin, 'tilebox'), args, {
    env,
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** CLI arguments that submit a job whose task fails when it runs (its input asks for it). */
export const failingJob = (name) => [
  'job',
  'submit',
  '--name',
  name,
  '--task',
  'tilebox.com/example/FetchScene',
  '--version',
  'v1.0',
  '--input',
  '{"fail":true}',
  '--cluster',
  DEV_CLUSTER,
  '--json',
];

/** CLI arguments that run a runner elsewhere on the dev cluster until no job is left. */
export const RUN_ONCE = ['runner', 'start', '--cluster', DEV_CLUSTER, '--stop-when-idling'];

export function seedAccount(env, workspace) {
  const cli = (...args) => runStandin(env, workspace, args);
  const release = JSON.parse(cli('workflow', 'publish-release', '--json')).id;
  cli('workflow', 'deploy-release', '--latest', '--target', 'dev', '--json');
  const ok = JSON.parse(cli('job', 'submit', '--name', 'e2e-summary', '--task', 'Summarize', '--cluster', DEV_CLUSTER, '--json')).id;
  const bad = JSON.parse(cli(...failingJob('e2e-fetch'))).id;
  cli(...RUN_ONCE);
  const states = Object.fromEntries(JSON.parse(cli('job', 'list', '--json')).jobs.map((j) => [j.id, j.state]));
  if (states[ok] !== 'completed' || states[bad] !== 'failed')
    throw new Error(`stand-in seeding: unexpected job states ${JSON.stringify(states)}`);
  return { release, ok, bad };
}
