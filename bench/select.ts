// Selection speed on a generated 100,000-file project (60,000 of them in an ignored .venv)
// against `rg --files` (ripgrep, which also honours .gitignore) on the same tree.
// Goal: selection <= 1.5x ripgrep. Run: npm run bench:select
// Our selection also stats every selected file (sizes and the executable bit), which rg does not.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { selectArtifactFiles } from '../server/src/artifact/select';
import { benchTree, loadNote, ratioLine, runBench, timeChild, timeHere, type Timing } from './artifactBenchUtil';

const RUNS = 7;
const tree = benchTree('bench-select-');
const { dir, reuse } = tree;

function generate(): void {
  const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  write('.gitignore', '.venv/\n__pycache__/\n*.log\n');
  // 60,000 ignored files: 300 packages x 20 folders x 10 modules.
  for (let p = 0; p < 300; p++) {
    for (let d = 0; d < 20; d++) {
      const folder = `.venv/lib/python3.12/site-packages/pkg${p}/sub${d}`;
      mkdirSync(join(dir, folder), { recursive: true });
      for (let m = 0; m < 10; m++) write(`${folder}/mod${m}.py`, 'x = 1\n');
    }
  }
  // 40,000 project files: 200 packages x 10 folders x 20 files (some ignored logs among them).
  for (let p = 0; p < 200; p++) {
    for (let d = 0; d < 10; d++) {
      const folder = `src/pkg${p}/area${d}`;
      mkdirSync(join(dir, folder), { recursive: true });
      for (let m = 0; m < 20; m++) write(`${folder}/${m === 19 ? 'run.log' : `mod${m}.py`}`, `# module ${m}\n`);
    }
  }
}

/**
 * The floor for any Node selection that reports sizes: list every folder it must list and stat
 * every file it keeps, on one thread, with no rules at all (the bench tree's ignores hard-coded).
 */
async function bareListAndStat(root: string): Promise<number> {
  const stack = [root];
  let bytes = 0;
  for (let folder = stack.pop(); folder !== undefined; folder = stack.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === '.venv' || entry.name.endsWith('.log')) continue;
      const abs = `${folder}/${entry.name}`;
      if (entry.isDirectory()) stack.push(abs);
      else bytes += statSync(abs).size;
    }
  }
  return bytes;
}

async function main(): Promise<void> {
  const start = performance.now();
  if (reuse && existsSync(join(reuse, '.gitignore'))) console.log(`reusing ${reuse}`);
  else generate();
  console.log(`generated 100,000 files in ${((performance.now() - start) / 1000).toFixed(1)} s at ${dir}`);
  const config = { slug: 'bench', root: '.', include: ['**'], exclude: [], useGitignore: true };
  const ours: Timing[] = [];
  const rg: Timing[] = [];
  // Like-for-like context: GNU find listing the same files with their sizes (so one stat per
  // file, as the selection needs), pruning the same folders by name.
  const find: Timing[] = [];
  const findArgs = [
    'find',
    '.',
    '-name',
    '.git',
    '-prune',
    '-o',
    '-name',
    '.venv',
    '-prune',
    '-o',
    '-name',
    '*.log',
    '-o',
    '-type',
    'f',
    '-printf',
    '%s %p\n',
  ];
  const bare: Timing[] = [];
  let findCount = 0;
  let selected = 0;
  let rgCount = 0;
  // Interleaved, so a burst of load elsewhere hits both sides alike.
  for (let run = 0; run < RUNS; run++) {
    const t = await timeHere(() => selectArtifactFiles(dir, config));
    ours.push(t);
    selected = t.value.files.length;
    const r = timeChild(['rg', '--files', '--hidden', '--glob', '!.git'], dir);
    rg.push(r);
    rgCount = r.stdout.split('\n').filter(Boolean).length;
    const f = timeChild(findArgs, dir);
    find.push(f);
    findCount = f.stdout.split('\n').filter(Boolean).length;
    bare.push(await timeHere(() => bareListAndStat(dir)));
  }
  console.log(
    `files selected: ours ${selected}, rg ${rgCount}, find ${findCount}${selected === rgCount && rgCount === findCount ? '' : '  (MISMATCH)'}`,
  );
  console.log(`selection (in process, with sizes) vs rg --files (its own process), median of ${RUNS}:`);
  console.log(
    ratioLine(
      'wall time',
      ours.map((t) => t.wallMs),
      rg.map((t) => t.wallMs),
      1.5,
    ),
  );
  console.log(
    ratioLine(
      'CPU time',
      ours.map((t) => t.cpuMs),
      rg.map((t) => t.cpuMs),
    ),
  );
  console.log(`for context, vs find -printf '%s %p' (one thread, a stat per file like ours, no .gitignore parsing):`);
  console.log(
    ratioLine(
      'wall time',
      ours.map((t) => t.wallMs),
      find.map((t) => t.wallMs),
    ),
  );
  console.log(
    ratioLine(
      'CPU time',
      ours.map((t) => t.cpuMs),
      find.map((t) => t.cpuMs),
    ),
  );
  console.log(`the floor in Node: a bare readdir + statSync loop (one thread, no rules), vs rg --files:`);
  console.log(
    ratioLine(
      'wall time',
      bare.map((t) => t.wallMs),
      rg.map((t) => t.wallMs),
      undefined,
      'bare',
    ),
  );
  console.log(
    ratioLine(
      'CPU time',
      bare.map((t) => t.cpuMs),
      rg.map((t) => t.cpuMs),
      undefined,
      'bare',
    ),
  );
  console.log(loadNote());
}

runBench(main, tree);
