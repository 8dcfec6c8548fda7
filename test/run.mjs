// The one test command (README, .ci/run): lint and format check, type-check, build, then every test file in one
// `node --test` run so CI reads a single summary. `--unit` skips the real-VS-Code e2e suite.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * On a fresh machine the e2e set-up (apt packages, code-server, native modules) takes minutes, mostly waiting on the
 * network and the disk. It starts first, in the background, while lint, type-check, build and the unit tests use the
 * CPU; the e2e groups wait for the status file it leaves (test/e2e/scenarios.mjs). A second, quick run of setup.sh
 * once the build is done packages the VSIX from the fresh dist/.
 */
function startSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'tilebox-test-'));
  const log = join(dir, 'e2e-setup.log');
  const status = join(dir, 'e2e-setup.status');
  const setup = () =>
    new Promise((resolve) => {
      const fd = openSync(log, 'a');
      spawn('bash', ['test/e2e/setup.sh'], { stdio: ['ignore', fd, fd] }).on('exit', (code) => resolve(code ?? 1));
    });
  const installed = setup();
  const finish = async (built) => {
    const code = (await installed) || (await built.then(setup));
    const text = readFileSync(log, 'utf8');
    if (code) process.stderr.write(`\n[e2e setup] failed (exit ${code}); its log, ${log}:\n${text}\n`);
    else
      process.stdout.write(
        text
          .split('\n')
          .filter((l) => /ready in/.test(l))
          .pop() ?? '',
      );
    writeFileSync(status, code ? `e2e set-up failed (exit ${code}); see ${log}` : 'ok');
    process.stdout.write(`[npm test] e2e set-up done ${(performance.now() / 1000).toFixed(0)} s after the start\n`);
  };
  return { status, finish };
}

const setup = unitOnly ? undefined : startSetup();
let buildDone;
const built = new Promise((r) => {
  buildDone = r;
});
const finished = setup?.finish(built);
// Biome (biome.json): lint errors and unformatted files fail the run; `npm run format` fixes the formatting.
run('npx', ['biome', 'ci', '.']);
run('npx', ['tsc', '-p', '.', '--noEmit']);
run('node', ['esbuild.config.mjs']);
buildDone();
process.stdout.write(`[npm test] lint, type-check and build took ${(performance.now() / 1000).toFixed(0)} s\n`);

// The real-VS-Code scenarios run in two groups (test/e2e/half-1/2.e2e.mjs), each one scenario after another, side
// by side with at most two workbenches at once; two unit test files run next to them. The groups are listed first
// so they start at once, waiting for the set-up while the unit tests take the CPU.
const isE2e = (f) => f.startsWith(join('test', 'e2e'));
const unit = findTests('test')
  .filter((f) => !isE2e(f))
  .sort();
const e2e = [join('test', 'e2e', 'half-1.e2e.mjs'), join('test', 'e2e', 'half-2.e2e.mjs')];
const files = unitOnly ? unit : [...e2e, ...unit];
const env = { ...process.env, TILEBOX_E2E_SESSIONS: '2', ...(setup && { TILEBOX_E2E_SETUP_STATUS: setup.status }) };
const tests = spawn('node', ['--import', 'tsx', '--test', `--test-concurrency=${unitOnly ? 2 : 4}`, '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env,
});
const [status] = await Promise.all([new Promise((r) => tests.on('exit', (code) => r(code ?? 1))), finished]);
process.exit(status);
