// TEST DOUBLE: `tilebox job submit|list|get|retry|cancel|logs` with the documented flags and JSON fields.
import { fail, output, parseFlags } from './cli.mjs';
import { defaultCluster, findCluster } from './clusters.mjs';
import { uuid7, withState } from './store.mjs';
import { jobJson } from './views.mjs';

function findJob(s, id) {
  return s.jobs.find((j) => j.id === id) ?? fail(`job ${id} not found`);
}

export function appendLog(s, jobId, severity, body) {
  (s.logs[jobId] ??= []).push({ time: new Date().toISOString(), severity_text: severity, body });
}

function submit(ctx, args) {
  const { flags } = parseFlags(args, {
    name: 'value',
    task: 'value',
    version: 'value',
    input: 'value',
    'input-file': 'value',
    cluster: 'value',
    'max-retries': 'value',
    json: 'bool',
    wait: 'bool',
  });
  if (!flags.name) fail('required flag "--name" not set', 2);
  if (!flags.task) fail('required flag "--task" not set', 2);
  const version = flags.version ?? 'v0.0';
  if (!/^v\d+\.\d+$/.test(version)) fail(`--version must look like v1.0, got "${version}"`, 2);
  const maxRetries = flags['max-retries'] === undefined ? 0 : Number(flags['max-retries']);
  if (!Number.isInteger(maxRetries) || maxRetries < 0) fail(`--max-retries must be a whole number ≥ 0, got "${flags['max-retries']}"`, 2);
  let input = flags.input ?? '{}';
  try {
    JSON.parse(input);
  } catch {
    input = JSON.stringify(input);
  } // non-JSON text becomes a JSON string
  if (Buffer.byteLength(input) > 2048) fail('task input is larger than 2048 bytes');
  const job = withState((s) => {
    const cluster = flags.cluster ? findCluster(s, flags.cluster) : defaultCluster(s);
    const now = new Date().toISOString();
    const j = {
      id: uuid7(),
      name: flags.name,
      state: 'submitted',
      submitted_at: now,
      cluster_slug: cluster.slug,
      max_retries: maxRetries,
      tasks: [
        {
          id: uuid7(),
          display: flags.task.split('/').pop(),
          identifier: { name: flags.task, version },
          state: 'queued',
          input,
          retry_count: 0,
        },
      ],
    };
    s.jobs.push(j);
    appendLog(s, j.id, 'INFO', `Job ${j.name} submitted to ${cluster.slug}`);
    return j;
  });
  output(ctx, { id: job.id }, `Job submitted: ${job.id}`);
}

const UNITS = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 };

function list(ctx, args) {
  const { flags } = parseFlags(args, {
    state: 'value',
    'task-state': 'value',
    name: 'value',
    cluster: 'value',
    limit: 'value',
    cursor: 'value',
    last: 'value',
    after: 'value',
    before: 'value',
    json: 'bool',
  });
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number ≥ 1, got "${flags.limit}"`, 2);
  let after = flags.after ? Date.parse(flags.after) : -Infinity;
  const before = flags.before ? Date.parse(flags.before) : Infinity;
  if (Number.isNaN(after) || Number.isNaN(before)) fail('--after/--before must be dates (e.g. 2026-01-31 or RFC 3339)', 2);
  if (flags.last) {
    const m = /^(\d+)([smhdw])$/.exec(flags.last);
    if (!m) fail(`--last must look like 7d or 1h, got "${flags.last}"`, 2);
    after = Math.max(after, Date.now() - Number(m[1]) * UNITS[m[2]]);
  }
  const states = flags.state?.toLowerCase().split(',');
  const taskStates = flags['task-state']?.toLowerCase().split(',');
  const json = withState((s) => {
    let jobs = s.jobs
      .filter((j) => !states || states.includes(j.state))
      .filter((j) => !taskStates || j.tasks.some((t) => taskStates.includes(t.state)))
      .filter((j) => !flags.name || j.name.toLowerCase().includes(flags.name.toLowerCase()))
      .filter((j) => !flags.cluster || j.cluster_slug === flags.cluster)
      .filter((j) => Date.parse(j.submitted_at) >= after && Date.parse(j.submitted_at) <= before)
      .sort((a, b) => b.id.localeCompare(a.id));
    // The cursor is the id of the last job on the previous page (ids are time-ordered).
    if (flags.cursor) jobs = jobs.filter((j) => j.id.localeCompare(flags.cursor) < 0);
    const page = jobs.slice(0, limit);
    return { jobs: page.map(jobJson), next_cursor: jobs.length > limit ? page[page.length - 1].id : null };
  });
  output(ctx, json, json.jobs.map((j) => `${j.id}\t${j.state}\t${j.name}`).join('\n'));
}

function retry(ctx, id) {
  const json = withState((s) => {
    const job = findJob(s, id);
    const again = job.tasks.filter((t) => t.state === 'failed' || (job.state === 'canceled' && t.state !== 'computed'));
    if (again.length === 0) fail(`job ${id} has no failed tasks to retry`);
    for (const t of again) Object.assign(t, { state: 'queued', retry_count: 0, started_at: undefined, stopped_at: undefined });
    job.state = 'submitted';
    appendLog(s, id, 'INFO', `Retry: ${again.length} task(s) rescheduled`);
    return { num_tasks_rescheduled: again.length };
  });
  output(ctx, json, `Rescheduled ${json.num_tasks_rescheduled} task(s)`);
}

function cancel(ctx, id) {
  withState((s) => {
    const job = findJob(s, id);
    if (['completed', 'failed', 'canceled'].includes(job.state)) fail(`job ${id} is already ${job.state}`);
    job.state = 'canceled';
    appendLog(s, id, 'WARN', 'Job canceled');
  });
  output(ctx, { id, state: 'canceled' }, `Canceled job ${id}`);
}

function logs(ctx, id, flags) {
  const limit = flags.limit === undefined ? 100 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number ≥ 1, got "${flags.limit}"`, 2);
  const offset = flags.cursor === undefined ? 0 : Number(flags.cursor);
  if (!Number.isInteger(offset) || offset < 0) fail(`invalid --cursor "${flags.cursor}"`, 2);
  const json = withState((s) => {
    findJob(s, id);
    const all = [...(s.logs[id] ?? [])];
    if (flags.sort === 'desc') all.reverse();
    const page = all.slice(offset, offset + limit);
    return { logs: page, next_cursor: offset + limit < all.length ? String(offset + limit) : null };
  });
  output(ctx, json, json.logs.map((l) => `${l.time} ${l.severity_text} ${l.body}`).join('\n'));
}

export function jobCommand(ctx, [verb, ...args]) {
  if (verb === 'submit') return submit(ctx, args);
  if (verb === 'list') return list(ctx, args);
  const { flags, positional } = parseFlags(args, {
    json: 'bool',
    cursor: 'value',
    limit: 'value',
    sort: 'value',
    'include-runner-attributes': 'bool',
  });
  const id = positional[0];
  if (!['get', 'retry', 'cancel', 'logs'].includes(verb)) fail(`unknown command "job ${verb ?? ''}"`, 2);
  if (!id) fail(`job ${verb} needs a job id`, 2);
  if (!/^[0-9a-f-]{36}$/i.test(id)) fail(`invalid job id "${id}": expected a UUID`, 2);
  if (verb === 'get')
    return output(
      ctx,
      withState((s) => jobJson(findJob(s, id))),
    );
  if (verb === 'retry') return retry(ctx, id);
  if (verb === 'cancel') return cancel(ctx, id);
  return logs(ctx, id, flags);
}
