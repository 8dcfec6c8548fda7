// Quick fixes that fix: for each code with a mechanical repair, the diagnostic under the cursor
// (`|`) gets a fix; applying it leaves text in which that code is gone (and no syntax or
// unknown-key error appears). "Ignore" only for codes that publishing survives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { codeActionsFor, type FixContext } from '../../../server/src/config/index';
import { PUBLISH_BLOCKING_CODES } from '../../../server/src/config/codes';
import { globToRegExp } from '../../../server/src/config/globToRegExp';
import { selectionWarnings } from '../../../server/src/artifact/preview/warnings';
import { runnerModuleDiagnostics } from '../../../server/src/artifact/preview/runnerModule';
import { applyEdits, cursor, diagnose, memoryFacts, VALID } from './helpers';
import type { FileFacts } from '../../../server/src/config/types';
import { validateWorkflowConfig } from '../../../server/src/config/index';

const URI = 'file:///home/me/scene-qa/tilebox.workflow.toml';
const FILES = ['pyproject.toml', 'uv.lock', 'my_workflow/__init__.py', 'my_workflow/runner.py', 'tests/test_x.py', 'src/.keep'];
const globFacts = (files: string[]): FileFacts =>
  memoryFacts(files, (root, pattern) => {
    const re = globToRegExp(pattern);
    return files.some((f) => re.test(root === '.' ? f : f.startsWith(`${root}/`) ? f.slice(root.length + 1) : ''));
  });
const FACTS = globFacts(FILES);

const wf = (workflow: string, build = 'include = ["pyproject.toml", "uv.lock", "my_workflow/**"]', rest = '') =>
  `[workflow]\n${workflow}\n\n[build]\n${build}\n${rest}`;
const SLUG = 'slug = "scene-qa"';
const RUNNER = 'runner = "my_workflow.runner:runner"';

function covers(d: Diagnostic, text: string, offset: number): boolean {
  const before = text.slice(0, offset).split('\n');
  const at = { line: before.length - 1, character: before[before.length - 1].length };
  const cmp = (a: typeof at, b: typeof at) => a.line - b.line || a.character - b.character;
  return cmp(d.range.start, at) <= 0 && cmp(at, d.range.end) <= 0;
}

/** The actions offered for the one `code` diagnostic under the cursor. */
function actionsAt(
  marked: string,
  code: string,
  context: FixContext = {},
  facts: FileFacts = FACTS,
): { text: string; actions: CodeAction[] } {
  const { text, offset } = cursor(marked);
  const found = diagnose(text, { facts }).filter((d) => d.code === code && covers(d, text, offset));
  assert.equal(
    found.length,
    1,
    `one ${code} at the cursor in ${JSON.stringify(text)}; got ${JSON.stringify(diagnose(text, { facts }).map((d) => d.code))}`,
  );
  return { text, actions: codeActionsFor(text, URI, found, context) };
}

/** Applies the fix with this title and checks the code is gone and nothing new broke. */
function repair(marked: string, code: string, title: string, context: FixContext = {}, facts: FileFacts = FACTS): string {
  const { text, actions } = actionsAt(marked, code, context, facts);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no "${title}" among ${actions.map((a) => `"${a.title}"`).join(', ')}`);
  const fixed = applyEdits(text, action.edit!.changes![URI]);
  const left = diagnose(fixed, { facts }).map((d) => d.code);
  for (const bad of ['toml-syntax', 'unknown-table', 'unknown-key', code])
    assert.ok(!left.includes(bad), `${JSON.stringify(fixed)} still has ${left.join(', ')}`);
  return fixed;
}

test('an invalid slug becomes the nearest valid slug; a template or placeholder the folder name', () => {
  assert.equal(
    repair(wf(`slug = "my| workflow!"\n${RUNNER}`), 'slug-invalid-characters', 'Change slug to "my-workflow"'),
    wf(`slug = "my-workflow"\n${RUNNER}`),
  );
  assert.equal(
    repair(wf(`slug = "$WORKFLOW|_SLUG"\n${RUNNER}`), 'slug-invalid-characters', 'Change slug to "scene-qa" (the folder name)'),
    wf(`${SLUG}\n${RUNNER}`),
  );
  assert.equal(
    repair(wf(`slug = "my-workflow-<you|r-name>"\n${RUNNER}`), 'slug-invalid-characters', 'Change slug to "my-workflow"'),
    wf(`slug = "my-workflow"\n${RUNNER}`),
  );
  assert.equal(repair(wf(`slug = "|"\n${RUNNER}`), 'slug-empty', 'Change slug to "scene-qa" (the folder name)'), wf(`${SLUG}\n${RUNNER}`));
  assert.equal(
    repair(wf(`slug = "replace-|with-your-slug"\n${RUNNER}`), 'slug-placeholder', 'Change slug to "scene-qa" (the folder name)'),
    wf(`${SLUG}\n${RUNNER}`),
  );
  const long = `${'a'.repeat(99)}-${'b'.repeat(20)}`;
  assert.equal(
    repair(wf(`slug = "a|${long.slice(1)}"\n${RUNNER}`), 'slug-too-long', `Change slug to "${'a'.repeat(99)}"`),
    wf(`slug = "${'a'.repeat(99)}"\n${RUNNER}`),
  );
});

test('a bad runner string offers each discovered Runner, and the dotted form of a file path', () => {
  const runners = ['my_workflow.runner:runner', 'jobs:worker'];
  const marked = wf(`${SLUG}\nrunner = "my_workflow/run|ner.py"`);
  const { actions } = actionsAt(marked, 'runner-invalid', { runners });
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Change runner to "my_workflow.runner:runner"', 'Change runner to "jobs:worker"'],
  );
  assert.equal(repair(marked, 'runner-invalid', 'Change runner to "jobs:worker"', { runners }), wf(`${SLUG}\nrunner = "jobs:worker"`));
  assert.equal(repair(marked, 'runner-invalid', 'Change runner to "my_workflow.runner:runner"'), wf(`${SLUG}\n${RUNNER}`));
  assert.equal(
    repair(wf(`${SLUG}\nrunner = "pkg.ma|in:app"`), 'runner-module-not-found', 'Change runner to "my_workflow.runner:runner"', { runners }),
    wf(`${SLUG}\n${RUNNER}`),
  );
  assert.equal(
    repair(wf(SLUG).replace('[workflow]', '[work|flow]'), 'missing-runner', 'Add runner = "jobs:worker"', { runners }),
    wf(`runner = "jobs:worker"\n${SLUG}`),
  );
});

test('an empty command becomes a discovered runner, in place; an empty argument goes', () => {
  assert.equal(
    repair(wf(`${SLUG}\ncommand = [|]`), 'command-empty', 'Use runner = "jobs:worker" instead', { runners: ['jobs:worker'] }),
    wf(`${SLUG}\nrunner = "jobs:worker"`),
  );
  assert.equal(
    repair(
      `workflow.slug = "a"\nworkflow.command = [|]\nbuild.include = ["my_workflow/**"]\n`,
      'command-empty',
      'Use runner = "jobs:worker" instead',
      { runners: ['jobs:worker'] },
    ),
    'workflow.slug = "a"\nworkflow.runner = "jobs:worker"\nbuild.include = ["my_workflow/**"]\n',
  );
  assert.equal(
    repair(wf(`${SLUG}\ncommand = ["uv", |"", "run"]`), 'command-empty-argument', 'Remove the empty item'),
    wf(`${SLUG}\ncommand = ["uv", "run"]`),
  );
  assert.equal(
    repair(wf(`${SLUG}\ncommand = ["uv", |""]`), 'command-empty-argument', 'Remove the empty item'),
    wf(`${SLUG}\ncommand = ["uv"]`),
  );
});

test('an empty include is built from the files present', () => {
  const files = ['pyproject.toml', 'uv.lock', 'my_workflow/__init__.py', 'my_workflow/runner.py', 'tests/test_x.py', 'main.py'];
  const built = '["pyproject.toml", "uv.lock", "my_workflow/**", "main.py"]';
  assert.equal(
    repair(wf(`${SLUG}\n${RUNNER}`, 'include = [|]'), 'include-empty', `Use include = ${built}`, { files }),
    wf(`${SLUG}\n${RUNNER}`, `include = ${built}`),
  );
  assert.equal(
    repair(wf(`${SLUG}\n${RUNNER}`, 'use_gitignore = true').replace('[build]', '[bu|ild]'), 'missing-include', `Add include = ${built}`, {
      files,
    }),
    wf(`${SLUG}\n${RUNNER}`, `include = ${built}\nuse_gitignore = true`),
  );
});

test('clusters: a duplicate goes, a bad slug is mended or removed, an empty target takes a cluster used elsewhere', () => {
  const targets = (clusters: string) =>
    wf(`${SLUG}\n${RUNNER}`, undefined, `\n[targets.dev]\nclusters = ["dev-a"]\n\n[targets.prod]\nclusters = ${clusters}\n`);
  assert.equal(repair(targets('["prod-a", |"prod-a"]'), 'cluster-duplicate', 'Remove the second "prod-a"'), targets('["prod-a"]'));
  assert.equal(repair(targets('["prod |a"]'), 'cluster-slug-invalid', 'Change to "prod-a"'), targets('["prod-a"]'));
  assert.equal(repair(targets('["prod-a", "|"]'), 'cluster-slug-invalid', 'Remove ""'), targets('["prod-a"]'));
  assert.equal(repair(targets('[|]'), 'clusters-empty', 'Add cluster "dev-a"'), targets('["dev-a"]'));
});

test('roots and patterns that leave the project are made relative or removed', () => {
  const facts = globFacts([...FILES, 'src/my_workflow/__init__.py', 'lib/x.py']);
  const root = (r: string) => wf(`${SLUG}\n${RUNNER}\n${r}`);
  assert.equal(repair(root('root = "/home/me/scene-qa/s|rc"'), 'root-absolute', 'Change root to "src"', {}, facts), root('root = "src"'));
  assert.equal(repair(root('root = "/opt/|x"'), 'root-absolute', 'Change root to "."', {}, facts), root('root = "."'));
  assert.equal(repair(root('root = "../|x"'), 'root-outside-project', 'Change root to "."', {}, facts), root('root = "."'));
  assert.equal(repair(root('root = "src/../l|ib"'), 'root-outside-project', 'Change root to "lib"', {}, facts), root('root = "lib"'));
  assert.equal(repair(root('root = "nowh|ere"'), 'root-not-found', 'Change root to "."', {}, facts), root('root = "."'));
  assert.equal(repair(root('root = "pyproj|ect.toml"'), 'root-not-directory', 'Change root to "."', {}, facts), root('root = "."'));
  const inc = (items: string) => wf(`${SLUG}\n${RUNNER}`, `include = ["pyproject.toml", "uv.lock", ${items}]`);
  assert.equal(repair(inc('"/my_work|flow/**"'), 'pattern-absolute', 'Change to "my_workflow/**"'), inc('"my_workflow/**"'));
  assert.equal(
    repair(inc('"/home/me/scene-qa/my_work|flow/**"'), 'pattern-absolute', 'Change to "my_workflow/**"'),
    inc('"my_workflow/**"'),
  );
  assert.equal(repair(inc('"my_workflow/**", "../sha|red/**"'), 'pattern-outside-root', 'Remove "../shared/**"'), inc('"my_workflow/**"'));
  assert.equal(repair(inc('"lib/../my_wo|rkflow/**"'), 'pattern-outside-root', 'Change to "my_workflow/**"'), inc('"my_workflow/**"'));
  assert.equal(repair(inc('"my_workflow/**", |""'), 'pattern-empty', 'Remove the empty item'), inc('"my_workflow/**"'));
  assert.equal(repair(inc('"my_work|flow/"'), 'include-matches-nothing', 'Change to "my_workflow/**"'), inc('"my_workflow/**"'));
  assert.equal(repair(inc('"my_workflow/** |"'), 'include-matches-nothing', 'Change to "my_workflow/**"'), inc('"my_workflow/**"'));
  const exc = wf(`${SLUG}\n${RUNNER}`, 'include = ["pyproject.toml", "uv.lock", "my_workflow/**"]\nexclude = ["te|sts/"]');
  assert.equal(repair(exc, 'exclude-names-folder', 'Change to "tests/**"'), exc.replace('te|sts/', 'tests/**'));
});

test('values of the wrong type are quoted, unquoted or unwrapped; [[tables]] get single brackets', () => {
  assert.equal(repair(wf(`slug = 4|2\n${RUNNER}`), 'wrong-type', 'Change to "42"'), wf(`slug = "42"\n${RUNNER}`));
  assert.equal(repair(wf(`slug = ["a|"]\n${RUNNER}`), 'wrong-type', 'Change to "a"'), wf(`slug = "a"\n${RUNNER}`));
  const build = 'include = ["pyproject.toml", "uv.lock", "my_workflow/**"]';
  assert.equal(
    repair(wf(`${SLUG}\n${RUNNER}`, `${build}\nuse_gitignore = "tr|ue"`), 'wrong-type', 'Change to true'),
    wf(`${SLUG}\n${RUNNER}`, `${build}\nuse_gitignore = true`),
  );
  const array = wf(`${SLUG}\n${RUNNER}`).replace('[build]', '[[bu|ild]]');
  assert.equal(repair(array, 'table-array-not-allowed', 'Change to [build]'), wf(`${SLUG}\n${RUNNER}`));
  const twice = `${array}\n[[build]]\ninclude = ["x"]\n`;
  assert.ok(
    !actionsAt(twice, 'table-array-not-allowed').actions.some((a) => a.title.startsWith('Change to')),
    'two [[build]] cannot both become [build]',
  );
});

test('artifact warnings: the path they name goes into exclude, the runner module into include', () => {
  const config = validateWorkflowConfig(VALID).config!;
  const selected = [
    'pyproject.toml',
    'uv.lock',
    'my_workflow/runner.py',
    'my_workflow/.env',
    'my_workflow/__pycache__/runner.cpython-312.pyc',
    'my_workflow/big.parquet',
  ];
  const sizes: Record<string, number> = { 'my_workflow/big.parquet': 20 * 1024 * 1024 };
  const warnings = (text: string) => {
    const c = validateWorkflowConfig(text).config!;
    const out = c.exclude.map((e) => globToRegExp(e.value));
    const files = selected.filter((p) => !out.some((re) => re.test(p))).map((path) => ({ path, size: sizes[path] ?? 10 }));
    return selectionWarnings(c, { files: files as never, problems: [], totalBytes: files.reduce((t, f) => t + f.size, 0) });
  };
  for (const [code, title] of [
    ['selection-has-secret', 'Add "my_workflow/.env" to exclude'],
    ['selection-has-pycache', 'Add "**/__pycache__/**" to exclude'],
    ['selection-large-file', 'Add "my_workflow/big.parquet" to exclude'],
  ]) {
    const d = warnings(VALID).find((w) => w.code === code)!;
    const action = codeActionsFor(VALID, URI, [d]).find((a) => a.title === title);
    assert.ok(action, `${code}: ${title}`);
    const fixed = applyEdits(VALID, action.edit!.changes![URI]);
    assert.deepEqual(diagnose(fixed), []);
    assert.ok(!warnings(fixed).some((w) => w.code === code), `${code} still reported after ${title}`);
  }
  const [missing] = runnerModuleDiagnostics(config, new Set(['pyproject.toml']), []);
  const action = codeActionsFor(VALID, URI, [missing]).find((a) => a.title === 'Add "my_workflow/**/*.py" to include')!;
  const fixed = validateWorkflowConfig(applyEdits(VALID, action.edit!.changes![URI])).config!;
  const selectedAfter = new Set(['my_workflow/runner.py'].filter((p) => fixed.include.some((i) => globToRegExp(i.value).test(p))));
  assert.deepEqual(runnerModuleDiagnostics(fixed, selectedAfter, []), []);
});

test('"Ignore" is offered for warnings, never for a code that makes publish fail', () => {
  const at = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
  for (const code of PUBLISH_BLOCKING_CODES) {
    const titles = codeActionsFor(VALID, URI, [{ range: at, code, message: 'm', severity: 1, source: 'tilebox' }]).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Ignore')), `${code}: ${titles.join(', ')}`);
  }
  for (const code of ['slug-placeholder', 'include-matches-nothing', 'selection-has-venv', 'cluster-duplicate']) {
    const titles = codeActionsFor(VALID, URI, [{ range: at, code, message: 'm', severity: 2, source: 'tilebox' }]).map((a) => a.title);
    assert.ok(titles.includes(`Ignore ${code} here`), code);
  }
  const { actions } = actionsAt(wf(`slug = "my work|flow"\n${RUNNER}`), 'slug-invalid-characters');
  assert.ok(actions.length > 0 && actions.every((a) => !a.title.startsWith('Ignore')));
});
