import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverTasks } from '../../../../server/src/artifact/discovery/index';
import { matchingTasks, runnerByPath, runnerSummary, taskAt, taskReferences } from '../../../../server/src/artifact/discovery/navigation';
import { fixtureSources } from './fixtureProject';

const d = discoverTasks(fixtureSources('task-forms'));

/** The task under the `|` of a marked source line, looked up in `file`. */
function taskUnder(file: string, marked: string) {
  const text = fixtureSources('task-forms').find((s) => s.path === file)!.text;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marked.replace('|', '')));
  return taskAt(d, file, line, lines[line].indexOf(marked.replace('|', '')) + marked.indexOf('|'))?.className;
}

test('the task under the cursor: its class line, or a constructor in a subtask call or a Runner list', () => {
  assert.equal(taskUnder('pipeline/tasks.py', 'class Me|rge(StampedTask):'), 'Merge');
  assert.equal(taskUnder('pipeline/tasks.py', 'context.submit_subtask(Me|rge("ingest"'), 'Merge');
  assert.equal(taskUnder('pipeline/workflow.py', 'runner = Runner(tasks=[*TASKS, t.Me|rge]'), 'Merge');
  assert.equal(taskUnder('pipeline/tasks.py', '    def exe|cute(self, context: ExecutionContext) -> None:'), undefined);
});

test('references of a task: declaration on request, registrations and subtask calls', () => {
  const merge = d.tasks.find((t) => t.className === 'Merge')!;
  assert.deepEqual(
    taskReferences(d, merge, true).map((r) => [r.file, r.span.line + 1]),
    [
      ['pipeline/tasks.py', 41],
      ['pipeline/workflow.py', 7],
      ['pipeline/tasks.py', 22],
    ],
  );
  const orphan = d.tasks.find((t) => t.className === 'Orphan')!;
  assert.deepEqual(
    taskReferences(d, orphan, false).map((r) => r.file),
    ['pipeline/tasks.py'],
    'created in Chunk, in no Runner',
  );
});

test('a runner path finds the Runner where it is defined and where it is re-exported', () => {
  assert.equal(runnerByPath(d, 'pipeline.workflow:runner')?.file, 'pipeline/workflow.py');
  assert.equal(runnerByPath(d, 'pipeline.__main__:runner')?.file, 'pipeline/workflow.py');
  assert.equal(runnerByPath(d, 'pipeline.tasks:runner'), undefined);
  assert.match(runnerSummary(runnerByPath(d, 'pipeline.workflow:runner')!, d.tasks), /- `Chunk` — Chunk v0\.0/);
});

test('workspace symbol queries match class names and identifiers, characters in order, any case', () => {
  assert.deepEqual(
    matchingTasks(d, 'acme/forms/ing').map((t) => t.className),
    ['Ingest'],
  );
  assert.deepEqual(
    matchingTasks(d, 'FrEnv').map((t) => t.className),
    ['FromEnvironment'],
  );
  assert.deepEqual(matchingTasks(d, 'zzz'), []);
});
