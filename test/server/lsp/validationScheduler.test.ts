// The server's bookkeeping without a connection: stale runs, merged Python diagnostics,
// which configs a file event re-checks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CheckResult } from '../../../server/src/lsp/checkConfig';
import { ProjectIndex } from '../../../server/src/artifact/projectIndex';
import { ConfigStore } from '../../../server/src/lsp/configStore';
import { handleFileEvents } from '../../../server/src/lsp/fileEvents';
import { pathToUri } from '../../../server/src/lsp/paths';
import { PythonDiagnostics } from '../../../server/src/lsp/pythonDiagnostics';
import { RunnerCandidates } from '../../../server/src/lsp/runnerCandidates';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';

const CONFIG = join('/ws', 'a', 'tilebox.workflow.toml');
const diag = (message: string): Diagnostic => ({ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });

function schedulerWithManualChecks() {
  const store = new ConfigStore();
  const published: string[] = [];
  const pending: { text: string; finish: () => void }[] = [];
  const scheduler = new ValidationScheduler(
    store,
    {
      severity: async () => ({}),
      publish: (_uri, diagnostics) => published.push(diagnostics.map((d) => d.message).join()),
      checked: () => undefined,
      forgotten: () => undefined,
      log: () => undefined,
    },
    (_path, text) =>
      new Promise<CheckResult>((resolve) => {
        pending.push({ text, finish: () => resolve({ text, root: '/ws/a', diagnostics: [diag(text)] }) });
      }),
  );
  const edit = (version: number, text: string) => store.opened(TextDocument.create(pathToUri(CONFIG), 'toml', version, text));
  return { scheduler, published, pending, edit };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

test('a slow check of an old text never publishes over a newer one', async () => {
  const { scheduler, published, pending, edit } = schedulerWithManualChecks();
  edit(1, 'old');
  scheduler.touch(CONFIG, 0);
  await until(() => pending.length === 1);
  edit(2, 'new');
  scheduler.touch(CONFIG, 0);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(pending.length, 1, 'a second run must wait for the first');
  pending[0].finish();
  await until(() => pending.length === 2);
  assert.equal(pending[1].text, 'new');
  pending[1].finish();
  const result = await scheduler.fresh(CONFIG);
  assert.equal(result?.text, 'new');
  assert.deepEqual(published, ['new']);
  scheduler.dispose();
});

test('fresh() checks at once instead of waiting for the debounce', async () => {
  const { scheduler, pending, edit } = schedulerWithManualChecks();
  edit(1, 'text');
  scheduler.touch(CONFIG, 60_000);
  const answer = scheduler.fresh(CONFIG);
  await until(() => pending.length === 1);
  pending[0].finish();
  assert.equal((await answer)?.text, 'text');
  scheduler.dispose();
});

test("a Python file selected by two configs keeps the other config's diagnostics, and is cleared when none remain", () => {
  const sent: [string, string[]][] = [];
  const python = new PythonDiagnostics((uri, diagnostics) => sent.push([uri, diagnostics.map((d) => String(d.message))]));
  const file = '/ws/shared/tasks.py';
  python.set('/ws/a/tilebox.workflow.toml', [{ path: file, diagnostics: [diag('bad version')] }]);
  python.set('/ws/b/tilebox.workflow.toml', [{ path: file, diagnostics: [diag('bad version'), diag('empty name')] }]);
  python.set('/ws/b/tilebox.workflow.toml', []);
  python.set('/ws/a/tilebox.workflow.toml', []);
  assert.deepEqual(sent, [
    [pathToUri(file), ['bad version']],
    [pathToUri(file), ['bad version', 'empty name']],
    [pathToUri(file), ['bad version']],
    [pathToUri(file), []],
  ]);
});

test('a file event re-checks only the configs it can affect', () => {
  const touched: string[] = [];
  const a = join('/ws', 'a', 'tilebox.workflow.toml');
  const b = join('/ws', 'b', 'tilebox.workflow.toml');
  const scheduler = { configs: () => [{ path: a }, { path: b }], touch: (p: string) => touched.push(p) } as unknown as ValidationScheduler;
  const store = new ConfigStore();
  const fire = (fsPath: string, type: FileChangeType = FileChangeType.Changed) => {
    touched.length = 0;
    handleFileEvents([{ uri: pathToUri(fsPath), type }], store, scheduler, new RunnerCandidates(), new ProjectIndex());
    return [...touched].sort();
  };
  assert.deepEqual(fire('/ws/a/pkg/runner.py'), [a]);
  assert.deepEqual(fire('/ws/b/data/big.bin', FileChangeType.Deleted), [b]);
  assert.deepEqual(fire('/ws/.gitignore'), [a, b], 'a parent .gitignore applies to both');
  assert.deepEqual(fire('/ws/.git/info/exclude'), [a, b]);
  assert.deepEqual(fire('/ws/a/.venv/lib/site.py'), [], 'churn inside .venv is noise');
  assert.deepEqual(fire('/ws/a/node_modules/x/index.js'), []);
  assert.deepEqual(fire('/ws/a/.venv', FileChangeType.Deleted), [a], 'deleting the folder itself counts');
  assert.deepEqual(fire('/ws', FileChangeType.Deleted), [a, b], 'a deleted parent folder takes the configs with it');
  assert.deepEqual(fire('/elsewhere/x.py'), []);
});

test('saving an open config does not trigger a second check', () => {
  const touched: string[] = [];
  const scheduler = { configs: () => [{ path: CONFIG }], touch: (p: string) => touched.push(p) } as unknown as ValidationScheduler;
  const store = new ConfigStore();
  store.opened(TextDocument.create(pathToUri(CONFIG), 'toml', 1, ''));
  handleFileEvents(
    [{ uri: pathToUri(CONFIG), type: FileChangeType.Changed }],
    store,
    scheduler,
    new RunnerCandidates(),
    new ProjectIndex(),
  );
  assert.deepEqual(touched, []);
  handleFileEvents(
    [{ uri: pathToUri(CONFIG), type: FileChangeType.Deleted }],
    store,
    scheduler,
    new RunnerCandidates(),
    new ProjectIndex(),
  );
  assert.deepEqual(touched, [CONFIG], 'a delete still counts, once');
});

test('a closed config is read from disk without its byte-order mark, as the editor shows it (line 1 columns match)', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tbx-bom-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'tilebox.workflow.toml');
  writeFileSync(file, '\uFEFF[workflow]\n');
  assert.equal(new ConfigStore().text(file), '[workflow]\n');
});
