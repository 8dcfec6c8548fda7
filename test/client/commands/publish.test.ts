// Publish and build say what happened in words that agree with the rest of the editor: a second publish of the
// same content is "Already published", and the build counts files as the Artifact view does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildFlow, publishFlow } from '../../../client/src/commands/publish';
import { buildPreview } from '../../../server/src/artifact/preview/index';
import { validateWorkflowConfig } from '../../../server/src/config/index';
import { shortId } from '../../../client/src/cliAdapter/validate';
import { formatBytes } from '@shared';
import { world } from './support';

test('publishing unchanged content again says "Already published", naming the same release', async () => {
  const w = world();
  const first = await publishFlow(w.deps(w.ui()), w.project);
  assert.match(first.message, /^Published release [0-9a-f]{8} of scene-qa-F8yVcPRfw2AkoZ \(/);
  assert.doesNotMatch(first.message, /release published/, 'the CLI message adds nothing to the headline');
  const again = await publishFlow(w.deps(w.ui()), w.project);
  const id = shortId(first.next[1].args![0] as string);
  assert.match(again.message, new RegExp(`^Already published: release ${id} of scene-qa-F8yVcPRfw2AkoZ`));
  assert.doesNotMatch(again.message, /already exists/);
});

test('the build counts the files the Artifact view lists (the preview of the same project), not folders', async () => {
  const w = world();
  const built = await buildFlow(w.deps(w.ui()), w.project);
  const config = validateWorkflowConfig(readFileSync(w.project.configPath, 'utf8')).config!;
  const { preview } = await buildPreview(w.project.dir, config);
  assert.ok(
    preview.files.some((f) => f.path.includes('/')),
    'the example has files in folders',
  );
  assert.match(built.message, new RegExp(`^Built scene-qa-F8yVcPRfw2AkoZ: ${preview.files.length} files, `));
});

test('build and publish progress say how much goes in, from the live preview; without one, just the project', async () => {
  const w = world();
  const config = validateWorkflowConfig(readFileSync(w.project.configPath, 'utf8')).config!;
  const { preview } = await buildPreview(w.project.dir, config);
  const size = { files: preview.files.length, bytes: preview.totalBytes };
  const ui = w.ui();
  await buildFlow({ ...w.deps(ui), artifactSize: () => size }, w.project);
  await publishFlow({ ...w.deps(ui), artifactSize: () => size }, w.project);
  await buildFlow({ ...w.deps(ui), artifactSize: () => undefined }, w.project);
  assert.deepEqual(ui.progressed, [
    `Building release of scene-qa-F8yVcPRfw2AkoZ (${preview.files.length} files, ${formatBytes(preview.totalBytes)})`,
    `Publishing release of scene-qa-F8yVcPRfw2AkoZ (${preview.files.length} files, ${formatBytes(preview.totalBytes)})`,
    'Building release of scene-qa-F8yVcPRfw2AkoZ',
  ]);
});
