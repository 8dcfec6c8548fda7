// What the editor remembers of its submissions, and the submitted input in the job's details.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEPT_JOB_INPUTS, SubmissionMemory } from '../../../client/src/tasks/submissions';
import { panelHtml, seen } from '../jobs/panel/seen';

const memory = () => {
  const state = new Map<string, unknown>();
  return new SubmissionMemory({ get: (k) => state.get(k) as never, update: async (k, v) => void state.set(k, v) });
};
const sub = (task: string, input?: string) => ({
  name: 'n',
  task,
  version: 'v1.0',
  input,
  cluster: 'dev',
  maxRetries: 0,
});

test("the last input per task name, the last submission, and each job's input are remembered", async () => {
  const m = memory();
  await m.remember(sub('a', '1'), 'job-1');
  await m.remember(sub('b', '{"x":2}'), 'job-2');
  await m.remember(sub('a'), 'job-3');
  assert.equal(m.lastInput('a'), '1', 'a submission without input keeps the last real input to offer');
  assert.equal(m.lastInput('b'), '{"x":2}');
  assert.equal(m.lastInput('c'), undefined);
  assert.deepEqual(m.lastSubmission(), sub('a'));
  assert.equal(m.inputOf('job-2'), '{"x":2}');
  assert.equal(m.inputOf('job-3'), null);
  assert.equal(m.inputOf('elsewhere'), undefined);
});

test(`only the inputs of the last ${KEPT_JOB_INPUTS} jobs are kept`, async () => {
  const m = memory();
  for (let i = 0; i <= KEPT_JOB_INPUTS; i++) await m.remember(sub('a', String(i)), `job-${i}`);
  assert.equal(m.inputOf('job-0'), undefined);
  assert.equal(m.inputOf(`job-${KEPT_JOB_INPUTS}`), String(KEPT_JOB_INPUTS));
});

test('the job panel shows the input it was submitted with, when this editor knows it', () => {
  const job = { id: 'j', name: 'scan', state: 'submitted' as const, taskSummaries: [], progress: [] };
  assert.match(seen(panelHtml({ jobId: 'j', job, input: '{"s":"a`b"}' })), /^Input: \{"s":"a`b"\}$/m);
  assert.match(seen(panelHtml({ jobId: 'j', job, input: '(none)' })), /^Input: \(none\)$/m);
  assert.match(seen(panelHtml({ jobId: 'j', job })), /^Input: Not in the CLI's job output/m);
});
