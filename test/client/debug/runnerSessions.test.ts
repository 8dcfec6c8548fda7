// One debug runner per project: when it is reused or restarted, what a second start says, and what the user is told
// when a session ends (bad input: an import error in the runner module, two sessions at once, the user's Stop).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alreadyRunningMessage, endMessage, reuseOrRestart } from '../../../client/src/debug/runnerSessions';

test('a running runner is reused in its own mode, and restarted for the other one', () => {
  const debug = { noDebug: false, stopOnTaskException: false };
  assert.equal(reuseOrRestart(undefined, { noDebug: false }), 'start');
  assert.equal(reuseOrRestart(debug, { noDebug: false }), 'reuse');
  assert.equal(reuseOrRestart(debug, { noDebug: true }), 'restart', 'Run Task never runs under the debugger');
  assert.equal(
    reuseOrRestart(debug, { noDebug: false, stopOnTaskException: true }),
    'restart',
    'Debug Failed Task needs the exception stop',
  );
  const failed = { noDebug: false, stopOnTaskException: true };
  assert.equal(reuseOrRestart(failed, { noDebug: false }), 'reuse', 'a runner stopping on exceptions serves Debug Task too');
  assert.equal(reuseOrRestart({ noDebug: true, stopOnTaskException: false }, { noDebug: false }), 'restart');
});

test('a second session for a running project names the cluster the first one polls', () => {
  assert.equal(
    alreadyRunningMessage('scene-qa', 'debug-ada-x1'),
    'A Tilebox debug runner for scene-qa is already running on debug-ada-x1: two would compete for the same tasks.',
  );
  assert.match(alreadyRunningMessage('scene-qa', undefined), /already running: two would/);
});

test('an import error before the runner polls ends with its last line and the exit code', () => {
  const output = [
    'Traceback (most recent call last):',
    '  File "/ws/scene_qa/runner.py", line 3, in <module>',
    "ModuleNotFoundError: No module named 'scene_qa.taks'",
    '',
  ].join('\n');
  assert.equal(
    endMessage({ label: 'scene-qa', stopRequested: false, polled: false, exitCode: 1, output }),
    "The Tilebox debug runner of scene-qa stopped before it polled (exit code 1): ModuleNotFoundError: No module named 'scene_qa.taks'. The traceback is in the Debug Console.",
  );
  assert.match(
    endMessage({ label: 'p', stopRequested: false, polled: true, exitCode: 137, output: '' }) ?? '',
    /^The Tilebox debug runner of p stopped \(exit code 137\)\. The/,
  );
});

test("the user's Stop, even mid-task, and a clean exit after polling are not errors", () => {
  assert.equal(endMessage({ label: 'p', stopRequested: true, polled: true, exitCode: 130, output: 'KeyboardInterrupt' }), undefined);
  assert.equal(endMessage({ label: 'p', stopRequested: true, polled: false, exitCode: undefined, output: '' }), undefined);
  assert.equal(
    endMessage({ label: 'p', stopRequested: false, polled: true, exitCode: 0, output: 'Tilebox debug runner stopped.' }),
    undefined,
  );
});
