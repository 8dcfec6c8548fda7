// The one test command (README, .ci/run): lint and format check, type-check, build, then every test file in one
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

// Biome (biome.json): lint errors and unformatted files fail the run; `npm run format` fixes the formatting.
run('npx', ['biome', 'ci', '.']);
run('npx', ['tsc', '-p', '.', '--noEmit']);
run('node', ['esbuild.config.mjs']);
const isE2e = (f) => f.startsWith(join('test', 'e2e'));
// The real-VS-Code scenarios run in two groups (test/e2e/half-1/2.e2e.mjs), each one scenario after another, started
// first and side by side with at most two workbenches at once; the unit test files share a third slot until then.
// The scenarios mostly wait on the UI, so this keeps 2 cores busy instead of queueing everything behind them.
const unit = findTests('test')
  .filter((f) => !isE2e(f))
  .sort();
const e2e = [join('test', 'e2e', 'half-1.e2e.mjs'), join('test', 'e2e', 'half-2.e2e.mjs')];
const files = unitOnly ? unit : [...e2e, ...unit];
if (!unitOnly) run('bash', ['test/e2e/setup.sh']);

const result = spawnSync(
  'node',
  ['--import', 'tsx', '--test', `--test-concurrency=${unitOnly ? 2 : 3}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, TILEBOX_E2E_SESSIONS: '2' } },
);
process.exit(result.status ?? 1);
