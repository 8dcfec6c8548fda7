// TEST DOUBLE: `tilebox runner start` (claims queued tasks of one cluster that a release deployed there can run;
// a task whose input has `"fail": true` fails unless a release newer than the one it failed with is deployed)
// and `tilebox parallel -n N -- cmd...`. Logs go to stderr, never JSON, like the real runner.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, parseFlags } from './cli.mjs';
import { defaultCluster, findCluster } from './clusters.mjs';
import { compatible, computeTask, failTask, queuedTasks, startTask } from './taskQueue.mjs';
import { withState } from './store.mjs';

const say = (who, level, msg) => process.stderr.write(`${who}: ${level}: ${msg}\n`);
const newer = (a, b) => a.created_at.localeCompare(b.created_at) > 0 || (a.created_at === b.created_at && a.id.localeCompare(b.id) > 0);

function wantsFailure(input) {
  try {
    const v = JSON.parse(input);
    return typeof v === 'object' && v !== null && v.fail === true;
  } catch {
    return false;
  }
}

const warned = new Set();
function warnOnce(who, msg) {
  if (!warned.has(msg)) {
    warned.add(msg);
    say(who, 'WARNING', msg);
  }
}

/**
 * What a failing task logs after "Task <name> failed: ": the error, then a Python traceback into the release's copy of the task
 * file (as a runner that extracted the artifact reports it), when the stand-in knows where execute() is.
 */
function failureMessage(task, release) {
  const head = `ValueError: the input asked this task to fail (release ${release.id})`;
  const source = release.task_sources?.[task.identifier.name];
  if (!source) return head;
  const [file, line] = source.split(/:(?=\d+$)/);
  const path = join(tmpdir(), 'tilebox-runner', 'releases', release.id, file);
  return `${head}\nTraceback (most recent call last):\n  File "${path}", line ${line}, in execute\nValueError: the input asked this task to fail`;
}

/** One polling round: runs every task it can; returns how many it ran. */
function tick(slug, runners) {
  let n = 0;
  return withState((s) => {
    const deployed = s.deployments
      .filter((d) => d.cluster_slug === slug)
      .map((d) => s.releases.find((r) => r.id === d.release_id))
      .filter(Boolean);
    if (deployed.length === 0) {
      warnOnce(runners[0], `no release is deployed on cluster ${slug}: idling`);
      return 0;
    }
    const failedJobs = new Set();
    for (const { job, task } of queuedTasks(s, slug)) {
      if (failedJobs.has(job) || task.state !== 'queued') continue;
      const release = deployed.find((r) => r.content.tasks.some((reg) => compatible(task.identifier, reg)));
      if (!release) {
        warnOnce(
          runners[0],
          `no release deployed on ${slug} registers ${task.identifier.name}@${task.identifier.version}; job ${job.id} stays queued`,
        );
        continue;
      }
      const who = runners[n++ % runners.length];
      startTask(job, task);
      say(
        who,
        'INFO',
        `running task ${task.display} (${task.identifier.name}@${task.identifier.version}) of job ${job.id} with release ${release.id}`,
      );
      const failedBefore = task.failed_with_release && s.releases.find((r) => r.id === task.failed_with_release);
      if (wantsFailure(task.input) && !(failedBefore && newer(release, failedBefore))) {
        task.failed_with_release = release.id;
        failTask(s, job, task, who, failureMessage(task, release));
        if (task.state === 'failed') failedJobs.add(job);
        continue;
      }
      computeTask(s, job, task, who, ` (release ${release.id})`);
    }
    return n;
  });
}

export function runnerCommand(ctx, [verb, ...args]) {
  if (verb !== 'start') fail(`unknown command "runner ${verb ?? ''}"`, 2);
  const { flags } = parseFlags(args, { cluster: 'value', n: 'value', 'stop-when-idling': 'bool', debug: 'bool', quiet: 'bool' });
  const count = flags.n === undefined ? 1 : Number(flags.n);
  if (!Number.isInteger(count) || count < 1) fail(`-n must be a whole number ≥ 1, got "${flags.n}"`, 2);
  const requested = flags.cluster ?? process.env.TILEBOX_CLUSTER;
  const slug = withState((s) => (requested ? findCluster(s, requested) : defaultCluster(s)).slug);
  const runners = Array.from({ length: count }, (_, i) => `runner-${i + 1}`);
  say(runners[0], 'INFO', `TEST DOUBLE runner started for cluster ${slug} (${count} runner(s))`);
  // The real runner starts each deployed release's worker as `uv run python -m tilebox.workflows.runner <module:object>`
  // and "requires uv on PATH" (contract §2.5). The stand-in runs tasks itself and needs no uv, so mode `no-uv` stands
  // for a machine without it: what the shell says for a missing program, and its status 127 (the real exit status is
  // not documented).
  if (ctx.mode === 'no-uv' && withState((s) => s.deployments.some((d) => d.cluster_slug === slug)))
    fail('uv: command not found (needed to start the worker of a deployed release: uv run python -m tilebox.workflows.runner)', 127);
  if (flags['stop-when-idling']) {
    while (tick(slug, runners) > 0) {
      /* keep going until a round finds nothing */
    }
    say(runners[0], 'INFO', 'no more work: stopping (--stop-when-idling)');
    return;
  }
  return new Promise((resolve) => {
    const timer = setInterval(() => tick(slug, runners), 2000);
    tick(slug, runners);
    const stop = (sig) => {
      clearInterval(timer);
      say(runners[0], 'INFO', `${sig}: stopped claiming tasks, shutting down`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function parallelCommand(ctx, args) {
  const { flags, rest } = parseFlags(args, { n: 'value' });
  const count = flags.n === undefined ? 1 : Number(flags.n);
  if (!Number.isInteger(count) || count < 1) fail(`-n must be a whole number ≥ 1, got "${flags.n}"`, 2);
  if (rest.length === 0) fail('usage: tilebox parallel -n <count> -- <command> [args...]', 2);
  const children = Array.from({ length: count }, () => spawn(rest[0], rest.slice(1), { stdio: 'inherit' }));
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => children.forEach((c) => c.kill(sig)));
  return Promise.all(
    children.map(
      (c) =>
        new Promise((res) => {
          c.on('error', (e) => {
            process.stderr.write(`Error: ${e.message}\n`);
            res(127);
          });
          c.on('exit', (code) => res(code ?? 1));
        }),
    ),
  ).then((codes) => {
    process.exitCode = codes.find((c) => c !== 0) ?? 0;
  });
}
