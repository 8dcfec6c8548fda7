// The one test command (README, .ci/run): type-check, build, then every test file in one
// `node --test` run so CI reads a single summary. `--unit` skips the real-VS-Code e2e suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const unitOnly = process.argv.includes('--unit');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : findTests(path);
    return /\.test\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

run('npx', ['tsc', '-p', '.', '--noEmit']);
run('node', ['esbuild.config.mjs']);
const isE2e = (f) => f.startsWith(join('test', 'e2e'));
const all = findTests('test').sort();
// Unit tests first, the real-VS-Code scenarios last (they take the lock in test/e2e/harness.mjs, so only one
// workbench runs at a time while the runner keeps two files going).
const files = [...all.filter((f) => !isE2e(f)), ...(unitOnly ? [] : all.filter(isE2e))];
if (files.some(isE2e)) run('bash', ['test/e2e/setup.sh']);

const result = spawnSync(
  'node',
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
