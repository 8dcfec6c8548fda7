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
// The real-VS-Code scenarios run one after another in one file (test/e2e/all.e2e.mjs), started first: it keeps one
// of the two slots busy for the whole run while the unit test files share the other.
const unit = findTests('test').filter((f) => !isE2e(f)).sort();
const files = unitOnly ? unit : [join('test', 'e2e', 'all.e2e.mjs'), ...unit];
if (!unitOnly) run('bash', ['test/e2e/setup.sh']);

const result = spawnSync(
  'node',
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
