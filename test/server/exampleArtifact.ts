// What the example project (test/fixtures/example-project) ships, as every preview of it must list it: the tests of
// the preview itself and of the language server's preview request check the same thing.
import assert from 'node:assert/strict';

interface PreviewFiles {
  files: { path: string; size: number }[];
  totalBytes: number;
}

export const EXAMPLE_FILES = ['pyproject.toml', 'scene_qa/__init__.py', 'scene_qa/runner.py', 'scene_qa/tasks.py', 'uv.lock'];

/** The example's files, in order, and a total that is their sum. */
export function assertShipsExample(preview: PreviewFiles): void {
  assert.deepEqual(
    preview.files.map((f) => f.path),
    EXAMPLE_FILES,
  );
  assert.equal(
    preview.totalBytes,
    preview.files.reduce((sum, f) => sum + f.size, 0),
  );
}
