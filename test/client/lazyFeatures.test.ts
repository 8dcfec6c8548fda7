// Activation cost is mostly code loading: VS Code compiles dist/extension.js before it calls activate(). The
// build keeps that file to what activation needs and puts the rest in dist/lazyFeatures.js, required later.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('dist/extension.js holds activation only; the language client, views, commands and CLI adapter are lazy', () => {
  const out = mkdtempSync(join(tmpdir(), 'tbx-bundle-'));
  execFileSync('node', ['esbuild.config.mjs', '--production', `--outdir=${out}`], { cwd: root, stdio: 'pipe' });
  const main = readFileSync(join(out, 'extension.js'), 'utf8');
  const lazy = readFileSync(join(out, 'lazyFeatures.js'), 'utf8');
  assert.match(main, /require\("\.\/lazyFeatures\.js"\)/, 'loaded with a plain require (VS Code hooks require, not import())');
  assert.doesNotMatch(main, /\bimport\(/, 'no dynamic import() left in the CommonJS entry');
  for (const marker of ['Tilebox Language Server', 'Listing workflows', 'TILEBOX_API_KEY']) {
    assert.ok(!main.includes(marker), `"${marker}" is not in the activation bundle`);
    assert.ok(lazy.includes(marker), `"${marker}" is in the lazy bundle`);
  }
  assert.ok(main.length * 10 < lazy.length, `activation bundle ${main.length} B vs lazy ${lazy.length} B`);
});
