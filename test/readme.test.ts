// The README is the user's reference: it must name every setting and diagnostic code the extension has,
// and keep the two set-up commands that CI and newcomers rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { ALL_DIAGNOSTIC_CODES } from '../server/src/lsp/diagnosticCodes';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('every contributed setting is documented in the README settings table', () => {
  const settings = Object.keys(pkg.contributes.configuration.properties ?? {});
  assert.ok(settings.length > 0);
  const missing = settings.filter((key) => !readme.includes(`| \`${key}\` |`));
  assert.deepEqual(missing, [], 'settings missing from the README table');
});

test('every diagnostic code is documented in the README', () => {
  const missing = ALL_DIAGNOSTIC_CODES.map((c) => c.code).filter((code) => !readme.includes(`| \`${code}\` |`));
  assert.deepEqual(missing, [], 'codes missing from the README table');
});

test('the README has exactly the two set-up commands, and .ci/run runs the test one', () => {
  assert.match(readme, /^npm ci && npm start\b/m);
  assert.match(readme, /^npm ci && npm test\b/m);
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
  assert.match(ci, /^npm ci\s*$/m);
  assert.match(ci, /^npm test\s*$/m);
});
