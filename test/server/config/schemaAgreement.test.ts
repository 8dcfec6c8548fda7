// schemas/tilebox.workflow.schema.json (what other TOML extensions validate with) and the
// validator must give the same verdict: parse with smol-toml, validate with ajv, and compare
// "the schema finds an error" with "the validator reports an error" (file-aware rules off,
// since a schema cannot see files). Inputs: every fixture, one document per rule, and a few
// thousand seeded mutations that are still valid TOML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'smol-toml';
import { validate } from '../../../server/src/config/validate';
import { docExamples, realConfigs, VALID } from './helpers';
import { mutatedDocuments } from './mutate';

const SCHEMA_PATH = fileURLToPath(new URL('../../../schemas/tilebox.workflow.schema.json', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example-project/tilebox.workflow.toml', import.meta.url));
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const schemaValid = ajv.compile(schema);

type Verdict = { schema: boolean; validator: boolean; schemaErrors: string; validatorErrors: string } | undefined;

/** undefined when the text is not TOML (the schema has nothing to say then). */
function verdicts(text: string): Verdict {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  const ok = schemaValid(value);
  const errors = validate(text).diagnostics.filter((d) => d.severity === 1);
  return {
    schema: !ok,
    validator: errors.length > 0,
    schemaErrors: ajv.errorsText(schemaValid.errors),
    validatorErrors: errors.map((d) => `${d.code}: ${d.message}`).join('\n'),
  };
}

function assertAgree(name: string, text: string): Verdict {
  const v = verdicts(text);
  if (v) assert.equal(v.schema, v.validator, `${name}\n${text}\nschema: ${v.schemaErrors}\nvalidator: ${v.validatorErrors || 'no error'}`);
  return v;
}

const wf = (workflow: string, build = 'include = ["pyproject.toml"]', extra = '') => `[workflow]\n${workflow}\n[build]\n${build}\n${extra}`;
const ok = 'slug = "my-workflow"\nrunner = "my_workflow.runner:runner"';

/** One document per rule of the validator that the schema can express, plus valid edge cases. */
const RULE_CASES: Record<string, string> = {
  valid: VALID,
  'valid: command instead of runner': wf('slug = "a"\ncommand = ["uv", "run", "worker"]'),
  'valid: every key': wf(
    `${ok}\nroot = "src"`,
    'include = ["**/*.py"]\nexclude = [".venv/**", "./x/y"]\nuse_gitignore = false',
    '[targets.dev]\nclusters = ["dev-1", "dev-2"]\n[targets.prod]\nclusters = []\n',
  ),
  'valid: dotted keys and inline table': `workflow.slug = "a"\nworkflow.runner = "a.b:c.d"\nbuild = { include = ["x"] }\ntargets.dev.clusters = ["c"]\n`,
  'valid: 100-character slug': wf('slug = "' + 'a'.repeat(100) + '"\nrunner = "a:b"'),
  'root-outside-project: a .. that stays inside': wf(`${ok}\nroot = "src/../lib"`),
  'valid: placeholder slug is only a warning': wf('slug = "replace-with-your-workflow-slug"\nrunner = "a:b"'),
  'valid: duplicate cluster and empty pattern are warnings': wf(ok, 'include = ["x", ""]', '[targets.dev]\nclusters = ["c", "c"]\n'),
  'unknown-table': `${VALID}[workflows]\n`,
  'unknown-table (top-level key)': `name = "x"\n${VALID}`,
  'unknown-key': wf(`${ok}\nextra = 1`),
  'unknown-key in build': wf(ok, 'includes = ["x"]'),
  'unknown-key in target': wf(ok, 'include = ["x"]', '[targets.dev]\ncluster = ["c"]\n'),
  'table-array-not-allowed': `${VALID}[[targets]]\nclusters = ["c"]\n`,
  'wrong-type: slug number': wf('slug = 1\nrunner = "a:b"'),
  'wrong-type: include string': wf(ok, 'include = "x"'),
  'wrong-type: include item number': wf(ok, 'include = ["x", 1]'),
  'wrong-type: use_gitignore string': wf(ok, 'include = ["x"]\nuse_gitignore = "yes"'),
  'wrong-type: runner array': wf('slug = "a"\nrunner = ["a:b"]'),
  'wrong-type: command string': wf('slug = "a"\ncommand = "uv run"'),
  'wrong-type: clusters string': wf(ok, 'include = ["x"]', '[targets.dev]\nclusters = "c"\n'),
  'wrong-type: target not a table': wf(ok, 'include = ["x"]', '[targets]\ndev = 1\n'),
  'wrong-type: workflow not a table': `workflow = 1\n[build]\ninclude = ["x"]\n`,
  'wrong-type: a date': wf('slug = 1979-05-27\nrunner = "a:b"'),
  'missing-workflow-table': '[build]\ninclude = ["x"]\n',
  'missing-build-table': `[workflow]\n${ok}\n`,
  'missing-slug': wf('runner = "a:b"'),
  'missing-runner': wf('slug = "a"'),
  'missing-include': wf(ok, 'use_gitignore = true'),
  'runner-and-command': wf(`${ok}\ncommand = ["x"]`),
  'include-empty': wf(ok, 'include = []'),
  'command-empty': wf('slug = "a"\ncommand = []'),
  'command-empty-argument': wf('slug = "a"\ncommand = ["uv", " "]'),
  'slug-empty': wf('slug = ""\nrunner = "a:b"'),
  'slug-invalid-characters': wf('slug = "my_workflow"\nrunner = "a:b"'),
  'slug-invalid-characters: template': wf('slug = "$WORKFLOW_SLUG"\nrunner = "a:b"'),
  'slug-too-long': wf('slug = "' + 'a'.repeat(101) + '"\nrunner = "a:b"'),
  'runner-invalid: no colon': wf('slug = "a"\nrunner = "my_workflow.runner"'),
  'runner-invalid: path': wf('slug = "a"\nrunner = "my_workflow/runner.py:runner"'),
  'runner-invalid: identifier': wf('slug = "a"\nrunner = "1mod:runner"'),
  'root-absolute': wf(`${ok}\nroot = "/abs"`),
  'root-absolute (windows)': wf(`${ok}\nroot = "C:\\\\code"`),
  'root-outside-project': wf(`${ok}\nroot = "../other"`),
  'root-outside-project (nested)': wf(`${ok}\nroot = "a/../../b"`),
  'pattern-absolute': wf(ok, 'include = ["/etc/passwd"]'),
  'pattern-absolute in exclude': wf(ok, 'include = ["x"]\nexclude = ["\\\\share"]'),
  'pattern-outside-root': wf(ok, 'include = ["../secrets/**"]'),
  'pattern-outside-root (nested)': wf(ok, 'include = ["src/../../x"]'),
  'pattern-outside-root: a .. that stays inside': wf(ok, 'include = ["src/../x/**"]'),
  'cluster-slug-invalid': wf(ok, 'include = ["x"]', '[targets.dev]\nclusters = ["workflow-dev-<...>"]\n'),
  'cluster-slug-invalid: empty': wf(ok, 'include = ["x"]', '[targets.dev]\nclusters = [""]\n'),
  'cluster-slug-invalid: too long': wf(ok, 'include = ["x"]', `[targets.dev]\nclusters = ["${'c'.repeat(101)}"]\n`),
};

test('every fixture: real configs, doc examples and the example project get the same verdict from schema and validator', () => {
  const fixtures = [...realConfigs(), ...docExamples(), { name: 'example-project', text: readFileSync(EXAMPLE, 'utf8') }];
  assert.equal(fixtures.length, 24);
  const errored: string[] = [];
  for (const { name, text } of fixtures) {
    const v = assertAgree(name, text);
    assert.ok(v, `${name} is valid TOML`);
    if (v.schema) errored.push(name);
  }
  // The four doc fragments MANIFEST.md calls invalid, and nothing else.
  assert.deepEqual(errored.map((n) => n.replace(/^.*__/, '')).sort(), [
    'heredoc.toml',
    'placeholder.toml',
    'targets-fragment.toml',
    'workflow-only-fragment.toml',
  ]);
});

test('one document per rule: schema and validator agree', () => {
  for (const [name, text] of Object.entries(RULE_CASES)) {
    const v = assertAgree(name, text);
    assert.ok(v, `${name} must be valid TOML`);
    assert.equal(v.validator, !name.startsWith('valid'), `${name}: the case itself is mislabelled\n${v.validatorErrors}`);
  }
});

test('3,000 seeded mutations of the real configs that are still TOML: schema and validator agree', () => {
  const bases = [...realConfigs(), ...docExamples()].map((c) => c.text);
  let compared = 0;
  let invalid = 0;
  for (const { text, recipe } of mutatedDocuments(bases, 3000, 7)) {
    const v = assertAgree(recipe, text);
    if (v) compared++;
    if (v?.schema) invalid++;
  }
  // Enough of them parse, and both verdicts occur, for the comparison to mean something.
  assert.ok(compared > 300 && invalid > 50 && compared - invalid > 50, `compared ${compared}, invalid ${invalid}`);
});
