// TEST DOUBLE: how a task of the stand-in state is claimed, finished and failed — shared by the stand-in's release
// runner (`runner start`) and the Python stand-in of `tilebox.workflows`, so both see one queue and one set of rules.
// A direct runner keeps one `node taskQueue.mjs serve` child as its connection (as the SDK keeps one channel to the
// API): one JSON request per stdin line `{"verb", "payload", "token"}`, one JSON answer per stdout line.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { CliError, fail } from './cli.mjs';
import { defaultCluster, findCluster } from './clusters.mjs';
import { appendLog } from './jobs.mjs';
import { uuid7, withState } from './store.mjs';

const say = (who, level, msg) => process.stderr.write(`${who}: ${level}: ${msg}\n`);
const ACTIVE = ['submitted', 'running', 'started'];
/** The "idle for N" a claim without work answers (the API's `suggested_idling_duration`; the runner sleeps it). */
export const IDLE_SECONDS = 0.5;

function version(v) {
  const m = /^v(\d+)\.(\d+)$/.exec(v ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** A runner registering `registered` may run a task submitted as `submitted`: same name and major, minor at least as high. */
export function compatible(submitted, registered) {
  const s = version(submitted.version);
  const r = version(registered.version);
  return submitted.name === registered.name && !!s && !!r && s[0] === r[0] && r[1] >= s[1];
}

/** Queued tasks of active jobs on one cluster, oldest job first. */
export function queuedTasks(s, slug) {
  return s.jobs
    .filter((j) => j.cluster_slug === slug && ACTIVE.includes(j.state))
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((job) => job.tasks.filter((t) => t.state === 'queued').map((task) => ({ job, task })));
}

export function startTask(job, task) {
  Object.assign(task, { state: 'running', started_at: new Date().toISOString() });
  job.state = 'running';
}

/** A task ran to its end: computed, its subtasks queued behind it; the job completes when every task is computed. */
export function computeTask(s, job, task, who, note, subtasks = []) {
  task.state = 'computed';
  task.stopped_at = new Date().toISOString();
  for (const sub of subtasks) {
    job.tasks.push({
      id: uuid7(),
      parent_id: task.id,
      display: sub.display,
      identifier: sub.identifier,
      state: 'queued',
      input: sub.input ?? '',
      retry_count: 0,
    });
  }
  appendLog(s, job.id, 'INFO', `Task ${task.display} computed on ${who}${note}`);
  if (job.state === 'running' && job.tasks.every((t) => t.state === 'computed')) {
    job.state = 'completed';
    appendLog(s, job.id, 'INFO', 'Job completed');
    say(who, 'INFO', `job ${job.id} completed`);
  }
}

/** A task raised: retried while retries are left, else failed with its job (queued siblings are skipped). */
export function failTask(s, job, task, who, message) {
  task.stopped_at = new Date().toISOString();
  appendLog(s, job.id, 'ERROR', `Task ${task.display} failed: ${message}`);
  say(who, 'ERROR', `task ${task.display} of job ${job.id} failed`);
  if (task.retry_count < (job.max_retries ?? 0)) {
    task.retry_count++;
    task.state = 'queued';
    return;
  }
  task.state = 'failed';
  job.state = 'failed';
  for (const t of job.tasks) if (t.state === 'queued') t.state = 'skipped';
}

/** A runner gave a task back (shut down mid-task, or it does not know the identifier): queued again, no retry used. */
export function requeueTask(s, job, task, who, message) {
  Object.assign(task, { state: 'queued', started_at: undefined, stopped_at: undefined });
  appendLog(s, job.id, 'WARN', `Task ${task.display} given back by ${who}: ${message}`);
}

function findTask(s, id) {
  for (const job of s.jobs) {
    const task = job.tasks.find((t) => t.id === id);
    if (task) return { job, task };
  }
  return fail(`task ${id} not found`);
}

/** The verbs of the Python stand-in; each answers one JSON value. */
const verbs = {
  cluster: ({ cluster }) => withState((s) => ({ slug: (cluster ? findCluster(s, cluster) : defaultCluster(s)).slug })),
  claim: ({ cluster, identifiers, runner }) =>
    withState((s) => {
      const next = queuedTasks(s, cluster).find(({ task }) => identifiers.some((reg) => compatible(task.identifier, reg)));
      if (!next) return { idle_seconds: IDLE_SECONDS };
      startTask(next.job, next.task);
      say(
        runner,
        'INFO',
        `running task ${next.task.display} (${next.task.identifier.name}@${next.task.identifier.version}) of job ${next.job.id}`,
      );
      const { id, identifier, input, display, parent_id, retry_count } = next.task;
      return {
        task: { id, identifier, input, display, parent_id, retry_count, job: { id: next.job.id, name: next.job.name } },
      };
    }),
  computed: ({ task, runner, subtasks }) =>
    withState((s) => {
      const t = findTask(s, task);
      computeTask(s, t.job, t.task, runner, '', subtasks);
      return { job_state: t.job.state };
    }),
  failed: ({ task, runner, message, display, workflow_error }) =>
    withState((s) => {
      const t = findTask(s, task);
      if (!workflow_error) requeueTask(s, t.job, t.task, runner, message);
      else {
        if (display) t.task.display = display.slice(0, 1024);
        failTask(s, t.job, t.task, runner, message);
      }
      return { job_state: t.job.state };
    }),
};

/** One answer per request line, `{"ok": value}` or `{"error": message}`, until stdin closes (the runner is gone). */
function serve() {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let answer;
    try {
      const { verb, payload, token } = JSON.parse(line);
      if (!token) fail('unauthenticated: no API key (TILEBOX_API_KEY)');
      answer = { ok: (verbs[verb] ?? fail(`unknown verb ${verb}`))(payload ?? {}) };
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      answer = { error: e.message };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'serve') serve();
