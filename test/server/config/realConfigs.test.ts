// The 18 real configs must pass (the CLI accepts them), and the doc snippets give the verdicts
// their MANIFEST describes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateWorkflowConfig } from '../../../server/src/config/index';
import { diagnose, docExamples, errors, memoryFacts, realConfigs, textAt, where } from './helpers';

test('there are 18 real configs', () => {
  assert.equal(realConfigs().length, 18);
});

for (const { name, text } of realConfigs()) {
  test(`real config ${name}: no error`, () => {
    const ds = diagnose(text);
    assert.deepEqual(errors(ds), []);
    if (name.includes('catalog-ingestion-demo')) {
      assert.deepEqual(
        ds.map((d) => [d.code, d.severity, textAt(text, d.range)]),
        [['slug-placeholder', 2, '"replace-with-your-workflow-slug"']],
      );
    } else {
      assert.deepEqual(ds, []);
    }
  });
}

test('real configs: the WorkflowConfig carries the values and their exact ranges', () => {
  for (const { text } of realConfigs()) {
    const { config } = validateWorkflowConfig(text);
    assert.ok(config?.slug && config.runner && config.include.length > 0);
    assert.equal(textAt(text, config.slug.range), JSON.stringify(config.slug.value));
    assert.equal(textAt(text, config.slug.keyRange!), 'slug');
    for (const item of config.include) assert.equal(textAt(text, item.range), JSON.stringify(item.value));
    assert.equal(textAt(text, config.headers.workflow!), '[workflow]');
    assert.equal(textAt(text, config.headers.build!), '[build]');
  }
  const eclipse = realConfigs().find((c) => c.name.includes('c31bff1'))!;
  const { config } = validateWorkflowConfig(eclipse.text);
  assert.deepEqual(
    config!.targets.map((t) => [t.name.value, t.clusters.map((c) => c.value)]),
    [['gcp', ['gcp-Drv6L7Li4t7Yvk']]],
  );
});

test('real configs with all their files present give no file warnings', () => {
  for (const { name, text } of realConfigs()) {
    const { config } = validateWorkflowConfig(text);
    const module = config!.runner!.value.split(':')[0].replace(/\./g, '/');
    const facts = memoryFacts(['pyproject.toml', 'uv.lock', `${module}.py`]);
    assert.deepEqual(
      diagnose(text, { facts }).filter((d) => d.code !== 'slug-placeholder'),
      [],
      name,
    );
  }
});

// Each doc example is asserted by one test below; a new file in doc-examples/ needs its own.
const VERDICT_TESTS = ['__minimal', 'targets-fragment', 'workflow-only-fragment', '__placeholder', 'heredoc'];
const example = (part: string) => docExamples().find((e) => e.name.includes(part))!.text;

test('every doc example (MANIFEST.md) has a verdict test', () => {
  assert.deepEqual(
    docExamples().map((e) => VERDICT_TESTS.filter((part) => e.name.includes(part)).length),
    [1, 1, 1, 1, 1],
  );
});

test('doc example: minimal config is valid', () => {
  assert.deepEqual(diagnose(example('__minimal')), []);
});

test('doc example: targets fragment lacks [workflow] and [build]', () => {
  assert.deepEqual(where(diagnose(example('targets-fragment'))), [
    ['missing-workflow-table', 0, 0, 13],
    ['missing-build-table', 0, 0, 13],
  ]);
});

test('doc example: workflow-only fragment lacks [build]', () => {
  assert.deepEqual(where(diagnose(example('workflow-only-fragment'))), [['missing-build-table', 0, 0, 10]]);
});

test('doc example: `<...>` placeholders in slug and cluster slug break the charset', () => {
  const text = example('__placeholder');
  const ds = diagnose(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text, d.range)]),
    [
      ['slug-invalid-characters', 1, '"my-workflow-<...>"'],
      ['cluster-slug-invalid', 1, '"workflow-dev-<...>"'],
    ],
  );
  assert.match(ds[0].message, /placeholder/);
});

test("doc example: the skill heredoc's literal $WORKFLOW_SLUG breaks the charset, nothing else is wrong", () => {
  const text = example('heredoc');
  const ds = diagnose(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, textAt(text, d.range)]),
    [['slug-invalid-characters', 1, '"$WORKFLOW_SLUG"']],
  );
});
