// Editor features: completion, hover, quick fixes (applied and re-validated), symbols, runner discovery.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { codeActionsFor, completeAt, documentSymbols, findRunnerCandidates, hoverAt } from '../../../server/src/config/index';
import { applyEdits, cursor, diagnose, realConfigs, VALID } from './helpers';

const URI = 'file:///home/me/scene-qa/tilebox.workflow.toml';
const complete = (marked: string, runnerCandidates: string[] = []) => {
  const { text, offset } = cursor(marked);
  return completeAt(text, offset, { runnerCandidates });
};
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const insert = (marked: string, item: CompletionItem) => {
  const { text } = cursor(marked);
  const edit = item.textEdit as { range: never; newText: string };
  return applyEdits(text, [{ range: edit.range, newText: edit.newText.replace(/\$\{\d+(?::([^}|]*)|\|([^,}]*)[^}]*\|)\}|\$\d/g, '$1$2') }]);
};

test('completion offers the missing keys of [workflow] with documentation', () => {
  const items = complete('[workflow]\nslug = "a"\n|\n[build]\ninclude = ["x"]\n');
  assert.deepEqual(
    labels(items).filter((l) => !l.startsWith('[')),
    ['root', 'runner', 'command'],
  );
  assert.match((items.find((i) => i.label === 'runner')!.documentation as MarkupContent).value, /<module>:<object>/);
});

test('completion of a key inserts key = value; on an existing key only the name', () => {
  const marked = '[build]\nus|\n';
  const item = complete(marked).find((i) => i.label === 'use_gitignore')!;
  assert.equal(insert(marked, item), '[build]\nuse_gitignore = true\n');
  const existing = '[build]\ninc| = ["x"]\n';
  assert.equal(insert(existing, complete(existing).find((i) => i.label === 'include')!), '[build]\ninclude = ["x"]\n');
});

test('completion in a target offers clusters; runner is not offered when command is set', () => {
  assert.deepEqual(
    labels(complete('[targets.dev]\n|')).filter((l) => !l.startsWith('[')),
    ['clusters'],
  );
  assert.ok(!labels(complete('[workflow]\ncommand = ["x"]\n|')).includes('runner'));
});

test('completion of table headers leaves out the ones already written', () => {
  const items = complete('[workflow]\nslug = "a"\n[|');
  assert.deepEqual(labels(items), ['build', 'targets.<name>']);
  assert.equal(insert('[workflow]\nslug = "a"\n[|', items[0]), '[workflow]\nslug = "a"\n[build]');
});

test('value completion: booleans, runner candidates, clusters used elsewhere, common patterns', () => {
  assert.deepEqual(labels(complete('[build]\nuse_gitignore = |')), ['true', 'false']);
  const runner = '[workflow]\nrunner = "|"\n';
  const items = complete(runner, ['runner:runner', 'pkg.main:app']);
  assert.deepEqual(labels(items), ['runner:runner', 'pkg.main:app']);
  assert.equal(insert(runner, items[1]), '[workflow]\nrunner = "pkg.main:app"\n');
  assert.equal(insert('[workflow]\nrunner = |\n', complete('[workflow]\nrunner = |\n', ['a:b'])[0]), '[workflow]\nrunner = "a:b"\n');
  const clusters = '[targets.dev]\nclusters = ["dev-a"]\n[targets.prod]\nclusters = [|]\n';
  assert.deepEqual(labels(complete(clusters)), ['dev-a']);
  assert.equal(insert(clusters, complete(clusters)[0]), '[targets.dev]\nclusters = ["dev-a"]\n[targets.prod]\nclusters = ["dev-a"]\n');
  assert.ok(labels(complete('[build]\nexclude = [\n  "**/*.pyc",\n  |\n]\n')).includes('.venv/**'));
});

test('completion inside an ignore comment offers the diagnostic codes', () => {
  const items = complete('[workflow]\n# tilebox: ignore slug-|\nslug = "x"\n');
  assert.ok(labels(items).includes('slug-placeholder'));
  assert.ok(labels(items).includes('include-matches-nothing'));
  const marked = '# tilebox: ignore slug-|\n';
  assert.equal(insert(marked, complete(marked).find((i) => i.label === 'slug-placeholder')!), '# tilebox: ignore slug-placeholder\n');
  assert.deepEqual(labels(complete('# just a |comment\n')), []);
});

test('hover shows the key documentation and the table documentation', () => {
  const { text, offset } = cursor('[workflow]\nsl|ug = "a"\n');
  const hover = hoverAt(text, offset)!;
  assert.match((hover.contents as MarkupContent).value, /\*\*slug\*\* in `\[workflow\]`/);
  assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  const header = cursor('[bu|ild]\n');
  assert.match((hoverAt(header.text, header.offset)!.contents as MarkupContent).value, /\[build\]/);
  const dotted = cursor('build.exc|lude = []\n');
  assert.match((hoverAt(dotted.text, dotted.offset)!.contents as MarkupContent).value, /\*\*exclude\*\*/);
  const value = cursor('[workflow]\nslug = "a|"\n');
  assert.equal(hoverAt(value.text, value.offset), undefined);
});

/** Applies the quick fix with this title and returns the new text. */
function fixWith(text: string, title: string | RegExp): string {
  const ds = diagnose(text);
  const actions = codeActionsFor(text, URI, ds);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edit!.changes![URI]);
}

test('quick fix renames a misspelled key', () => {
  const text = VALID.replace('include', 'includes');
  assert.equal(fixWith(text, 'Change "includes" to "include"'), VALID);
});

test('quick fixes add missing keys and tables, indented like their neighbours', () => {
  const noSlug = '[workflow]\n  runner = "a:b"\n[build]\ninclude = ["x"]\n';
  assert.equal(fixWith(noSlug, /^Add slug/), '[workflow]\n  slug = "scene-qa"\n  runner = "a:b"\n[build]\ninclude = ["x"]\n');
  const noRunner = '[workflow]\nslug = "a"\n[build]\ninclude = ["x"]\n';
  assert.deepEqual(diagnose(fixWith(noRunner, /^Add runner/)), []);
  const noBuild = '[workflow]\nslug = "a"\nrunner = "a:b"';
  assert.deepEqual(diagnose(fixWith(noBuild, 'Add a [build] table')), []);
  const noInclude = '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\nuse_gitignore = true\n';
  assert.deepEqual(diagnose(fixWith(noInclude, /^Add include = \[/)), []);
  assert.deepEqual(diagnose(fixWith('[build]\ninclude = ["x"]\n', 'Add a [workflow] table')), []);
});

/** Applies the fix and checks what the user then sees: valid TOML, known tables, and the
 *  diagnostic it fixed gone. Returns the new text. */
function fixesCleanly(text: string, code: string, title: string | RegExp): string {
  assert.ok(
    diagnose(text).some((d) => d.code === code),
    `${code} not reported for ${JSON.stringify(text)}`,
  );
  const fixed = fixWith(text, title);
  const left = diagnose(fixed).map((d) => d.code);
  for (const bad of ['toml-syntax', 'unknown-table', 'unknown-key', code])
    assert.ok(!left.includes(bad), `${JSON.stringify(fixed)} still has ${left.join(', ')}`);
  return fixed;
}

test('"Add a [workflow] table" puts just the header above workflow keys written without it', () => {
  const text = 'slug = "a"\nrunner = "a:b"\n\n[build]\ninclude = ["x"]\n';
  assert.equal(fixesCleanly(text, 'missing-workflow-table', 'Add a [workflow] table'), `[workflow]\n${text}`);
  const commented = '# my workflow\n  slug = "a"\n  runner = "a:b"\n[build]\ninclude = ["x"]\n';
  assert.equal(
    fixesCleanly(commented, 'missing-workflow-table', 'Add a [workflow] table'),
    commented.replace('  slug', '[workflow]\n  slug'),
  );
});

test('"Add a [workflow] table" never captures other top-level keys, and is not offered when it would', () => {
  const dotted = 'build.include = ["x"]\n';
  assert.equal(
    fixesCleanly(dotted, 'missing-workflow-table', 'Add a [workflow] table'),
    `${dotted}\n[workflow]\nslug = "scene-qa"\nrunner = "runner:runner"\n`,
  );
  const beforeHeader = 'build.include = ["x"]\n[targets.dev]\nclusters = ["c"]\n';
  assert.equal(
    fixesCleanly(beforeHeader, 'missing-workflow-table', 'Add a [workflow] table'),
    'build.include = ["x"]\n[workflow]\nslug = "scene-qa"\nrunner = "runner:runner"\n\n[targets.dev]\nclusters = ["c"]\n',
  );
  const mixed = 'slug = "a"\nbuild.include = ["x"]\n';
  assert.ok(!codeActionsFor(mixed, URI, diagnose(mixed)).some((a) => a.title === 'Add a [workflow] table'));
  // The name is taken already (by a value of the wrong type): a [workflow] header would define it twice.
  for (const taken of ['workflow = "x"\n[build]\ninclude = ["**"]\n', '[[workflow]]\nslug = "a"\n[build]\ninclude = ["**"]\n']) {
    assert.ok(!codeActionsFor(taken, URI, diagnose(taken)).some((a) => a.title === 'Add a [workflow] table'), taken);
  }
});

test('missing keys of a table written with dotted keys or inline are added the same way', () => {
  assert.equal(
    fixesCleanly('workflow.runner = "a:b"\n[build]\ninclude = ["x"]\n', 'missing-slug', /^Add slug/),
    'workflow.slug = "scene-qa"\nworkflow.runner = "a:b"\n[build]\ninclude = ["x"]\n',
  );
  assert.equal(
    fixesCleanly('workflow = { runner = "a:b" }\n[build]\ninclude = ["x"]\n', 'missing-slug', /^Add slug/),
    'workflow = { slug = "scene-qa", runner = "a:b" }\n[build]\ninclude = ["x"]\n',
  );
  fixesCleanly('workflow = {\n  runner = "a:b",\n}\n[build]\ninclude = ["x"]\n', 'missing-slug', /^Add slug/);
  fixesCleanly('workflow = {}\n[build]\ninclude = ["x"]\n', 'missing-slug', /^Add slug/);
  fixesCleanly('workflow.slug = "a"\nbuild = { include = ["x"] }\n', 'missing-runner', /^Add runner/);
  assert.equal(
    fixesCleanly('build.use_gitignore = true\n[workflow]\nslug = "a"\nrunner = "a:b"\n', 'missing-include', /^Add include = \[/),
    'build.include = ["pyproject.toml", "uv.lock", "**/*.py"]\nbuild.use_gitignore = true\n[workflow]\nslug = "a"\nrunner = "a:b"\n',
  );
  fixesCleanly('build = { use_gitignore = true }\n[workflow]\nslug = "a"\nrunner = "a:b"\n', 'missing-include', /^Add include = \[/);
});

test('quick fix removes the second of runner/command, with all its lines', () => {
  const text = '[workflow]\nslug = "a"\nrunner = "a:b"\ncommand = [\n  "uv",\n] # custom\n[build]\ninclude = ["x"]\n';
  assert.equal(fixWith(text, 'Remove command'), '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = ["x"]\n');
});

test('quick fix adds ".venv/**" to exclude: into an existing array or as a new key', () => {
  const sweep = '[workflow]\nslug = "a"\nrunner = "a:b"\n[build]\ninclude = ["**"]\n';
  assert.equal(fixWith(sweep, 'Add ".venv/**" to exclude'), `${sweep.trimEnd()}\nexclude = [".venv/**"]\n`);
  const multi = `${sweep}exclude = [\n    "**/*.pyc",\n]\n`;
  assert.equal(fixWith(multi, 'Add ".venv/**" to exclude'), `${sweep}exclude = [\n    ".venv/**",\n    "**/*.pyc",\n]\n`);
  const venvDiag = {
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } },
    code: 'selection-has-venv',
    message: 'm',
    source: 'tilebox',
  };
  const titles = codeActionsFor(VALID, URI, [venvDiag]).map((a) => a.title);
  assert.ok(titles.includes('Add ".venv/**" to exclude'));
  const excluded = `${VALID}exclude = [".venv/**"]\n`;
  assert.ok(
    !codeActionsFor(excluded, URI, [venvDiag])
      .map((a) => a.title)
      .includes('Add ".venv/**" to exclude'),
  );
});

test('quick fix wraps a string in an array', () => {
  assert.deepEqual(
    diagnose(
      fixWith(VALID.replace('include = ["pyproject.toml", "uv.lock", "my_workflow/**"]', 'include = "src/**"'), 'Wrap the value in [ ]'),
    ),
    [],
  );
});

test('"Ignore <code> here" inserts the comment above with the same indentation, or extends one', () => {
  const text = '[workflow]\n    slug = "replace-with-x"\n    runner = "a:b"\n[build]\ninclude = ["x"]\n';
  const fixed = fixWith(text, 'Ignore slug-placeholder here');
  assert.equal(fixed, text.replace('    slug', '    # tilebox: ignore slug-placeholder\n    slug'));
  assert.deepEqual(diagnose(fixed), []);
  const ignoreAbove = text.replace('    slug', '    # tilebox: ignore unknown-key\n    slug');
  assert.ok(fixWith(ignoreAbove, 'Ignore slug-placeholder here').includes('# tilebox: ignore unknown-key, slug-placeholder\n'));
});

test('document symbols: tables with their keys, targets nested', () => {
  const text = `${VALID}\n[targets.dev]\nclusters = ["a"]\n`;
  const symbols = documentSymbols(text);
  assert.deepEqual(
    symbols.map((s) => [s.name, s.children!.map((c) => c.name)]),
    [
      ['workflow', ['slug', 'runner']],
      ['build', ['include']],
      ['targets', ['dev']],
    ],
  );
  assert.deepEqual(
    symbols[2].children![0].children!.map((c) => c.name),
    ['clusters'],
  );
  assert.equal(symbols[0].selectionRange.start.line, 0);
  assert.deepEqual(
    documentSymbols('workflow.slug = "a"\n').map((s) => [s.name, s.children!.map((c) => c.name)]),
    [['workflow', ['slug']]],
  );
});

test('document symbols of every real config are well-formed', () => {
  for (const { text } of realConfigs())
    assert.deepEqual(
      documentSymbols(text)
        .map((s) => s.name)
        .slice(0, 2),
      ['workflow', 'build'],
    );
});

test('runner candidates: top-level Runner(...) assignments as module:name', () => {
  const files = [
    { path: 'runner.py', text: 'from tilebox.workflows import Runner\nrunner = Runner(tasks=[A])\n' },
    { path: 'pkg/__init__.py', text: 'import tilebox.workflows as tw\napp: tw.Runner = tw.Runner(\n  tasks=[])\n' },
    { path: 'src/scene_qa/runner.py', text: 'worker = Runner()\ndef f():\n    inner = Runner()\n' },
    { path: '.venv/lib/x.py', text: 'r = Runner()\n' },
    { path: 'notes.md', text: 'runner = Runner()\n' },
    { path: 'other.py', text: 'x = RunnerFactory()\n' },
  ];
  assert.deepEqual(findRunnerCandidates(files), ['pkg:app', 'runner:runner', 'scene_qa.runner:worker', 'src.scene_qa.runner:worker']);
});
