// What the job panel shows, read as a user reads it: the buttons each state enables, the failure before everything
// else, times relative with the exact time on hover, the input, and logs narrowed to one task.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job, JobState } from '../../../../client/src/cliAdapter/types';
import { buttons, panelHtml, seen } from './seen';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const ID = '019ef7a2-56b4-7a86-9c4d-52a1792b1e90';
const job = (state: JobState, extra: Partial<Job> = {}): Job => ({
  id: ID,
  name: 'scene-qa',
  state,
  submittedAt: '2026-12-07T02:55:00Z',
  clusterSlug: 'dev-cluster',
  progress: [],
  taskSummaries: [
    { id: 't0', display: 'FetchScene', state: state === 'failed' ? 'computed' : 'running' },
    { id: 't1', display: 'CheckClouds', state: state === 'failed' ? 'failed' : 'queued', parentId: 't0' },
  ],
  ...extra,
});
const enabled = (html: string) =>
  buttons(html)
    .filter((b) => b.enabled)
    .map((b) => b.label);

test('the buttons each state enables: Retry for failed/canceled, Cancel Job and Follow Logs while it may run', () => {
  assert.deepEqual(
    buttons(panelHtml({ jobId: ID, job: job('failed') }, NOW)).map((b) => b.label),
    ['Copy job ID', 'Retry', 'Cancel Job', 'Follow Logs', 'Start Runner'],
  );
  assert.deepEqual(enabled(panelHtml({ jobId: ID, job: job('failed') }, NOW)), ['Copy job ID', 'Retry']);
  assert.deepEqual(enabled(panelHtml({ jobId: ID, job: job('canceled') }, NOW)), ['Copy job ID', 'Retry']);
  assert.deepEqual(enabled(panelHtml({ jobId: ID, job: job('completed') }, NOW)), ['Copy job ID']);
  assert.deepEqual(enabled(panelHtml({ jobId: ID, job: job('submitted') }, NOW)), [
    'Copy job ID',
    'Cancel Job',
    'Follow Logs',
    'Start Runner',
  ]);
  // Following already, and a runner for the cluster started here: those two have nothing to do.
  const following = panelHtml({ jobId: ID, job: job('running'), following: true, localRunner: true }, NOW);
  assert.deepEqual(enabled(following), ['Copy job ID', 'Cancel Job']);
  assert.match(seen(following), /^Following Logs$/m);
  assert.match(following, /title="A runner for this cluster was started from this editor"/);
});

test('each button says what it does when enabled, and why not when disabled', () => {
  const titles = (state: JobState) =>
    Object.fromEntries(buttons(panelHtml({ jobId: ID, job: job(state) }, NOW)).map((b) => [b.label, b.title]));
  assert.equal(titles('failed').Retry, 'Run the failed or canceled tasks again');
  assert.equal(titles('running').Retry, 'Only a failed or canceled job can be retried');
  assert.equal(titles('running')['Cancel Job'], 'Cancel the job: its queued tasks will not run');
  assert.equal(titles('completed')['Cancel Job'], 'Only a queued or running job can be canceled');
  assert.equal(titles('completed')['Follow Logs'], 'The job has ended; its logs are all below');
  assert.equal(titles('running')['Start Runner'], "Start a runner for the job's cluster in a terminal");
});

test('a queued job says "queued", not "submitted"', () => {
  const text = seen(panelHtml({ jobId: ID, job: job('submitted') }, NOW));
  assert.match(text, /^# scene-qa\nqueued$/m);
  assert.doesNotMatch(text, /^submitted$/m, 'the state word');
  assert.match(text, /^Submitted: 5 min ago$/m, 'the time it was submitted keeps its name');
});

test('the failing task comes first, before details, tasks and logs, with its error and the traceback link', () => {
  const logs = [
    {
      severity: 'ERROR',
      body: 'Task CheckClouds failed: ValueError: too cloudy\nTraceback (most recent call last):\n  File "/r/scene_qa/tasks.py", line 21, in execute',
    },
  ];
  const html = panelHtml({ jobId: ID, job: job('failed'), logs }, NOW);
  const headings = seen(html)
    .split('\n')
    .filter((l) => l.startsWith('## '));
  assert.deepEqual(headings, ['## CheckClouds failed', '## Details', '## Tasks', '## Logs']);
  assert.match(
    seen(html),
    /## CheckClouds failed\nTask CheckClouds failed: ValueError: too cloudy\nTraceback \(most recent call last\):\nFile "\/r\/scene_qa\/tasks.py", line 21, in execute/,
  );
  assert.match(html, /<a href="#" data-file="\/r\/scene_qa\/tasks.py" data-line="21" title="Open \/r\/scene_qa\/tasks.py:21">/);
});

test('times are relative, with the exact UTC time on hover; the input shows when it is known', () => {
  const html = panelHtml(
    {
      jobId: ID,
      job: job('running', { executionStats: { firstTaskStartedAt: '2026-12-07T02:58:00Z', tasksByState: { running: 1 } } }),
      input: '{"scene_id":"S2A"}',
    },
    NOW,
  );
  assert.match(seen(html), /Submitted: 5 min ago\nFirst task started: 2 min ago\nCluster: dev-cluster\nInput: \{"scene_id":"S2A"\}/);
  assert.match(html, /<time title="2026-12-07 02:55:00 UTC"/);
  assert.match(
    seen(panelHtml({ jobId: ID, job: job('running') }, NOW)),
    /Input: Not in the CLI's job output; shown for jobs submitted from this editor\./,
  );
});

test('logs narrow to the chosen task (by its name in the line), and say how they were matched', () => {
  const logs = [{ body: 'Task FetchScene computed' }, { body: 'Task CheckClouds failed: ValueError' }, { body: 'Job failed' }];
  const all = seen(panelHtml({ jobId: ID, job: job('failed'), logs }, NOW));
  assert.match(all, /Task FetchScene computed\nTask CheckClouds failed: ValueError\nJob failed/);
  const html = panelHtml({ jobId: ID, job: job('failed'), logs, taskFilter: 't1' }, NOW);
  const text = seen(html).split('## Logs')[1];
  assert.doesNotMatch(text, /FetchScene computed|Job failed/);
  assert.match(text, /Task CheckClouds failed: ValueError\nLines that name CheckClouds/);
  assert.match(html, /<option value="t1" selected>CheckClouds<\/option>/);
});

test('CLI text is escaped everywhere: a job name or log line cannot add markup', () => {
  const html = panelHtml(
    { jobId: ID, job: job('running', { name: '<script>alert(1)</script>' }), logs: [{ body: '<img src=x onerror=alert(1)>' }] },
    NOW,
  );
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(seen(html), /^# <script>alert\(1\)<\/script>$/m);
});

test('before the job is read: its id and "Loading…"; a read that failed: why, and no buttons that cannot work', () => {
  assert.match(seen(panelHtml({ jobId: ID }, NOW)), new RegExp(`^# Job ${ID}\\n${ID}\\nLoading…$`));
  const failed = panelHtml({ jobId: ID, problem: 'Reading the job failed (exit 1): job not found' }, NOW);
  assert.match(seen(failed), /Reading the job failed \(exit 1\): job not found$/);
  assert.deepEqual(
    buttons(failed).map((b) => b.label),
    ['Copy job ID'],
  );
});

test('a failed job whose logs are not read yet says it is reading them, not that no error was logged', () => {
  assert.match(
    seen(panelHtml({ jobId: ID, job: job('failed'), logsRead: false }, NOW)),
    /## CheckClouds failed\nReading the logs for its error…/,
  );
  assert.match(
    seen(panelHtml({ jobId: ID, job: job('failed'), logsRead: true }, NOW)),
    /## CheckClouds failed\nNo error was logged for it; the logs below may say more\./,
  );
});
