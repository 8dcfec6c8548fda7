// Archive build speed: 20,000 generated source files into a .tar.zst, against GNU tar piped
// into zstd (one thread, level 3) on the same file list. Goal: build <= 1.3x the reference.
// Both get the list of files; the selection walk is timed separately (bench:select). Then end to
// end: `node dist/cli.js build` (config, walk, archive) against `git ls-files -co --exclude-standard
// | tar --sort=name ... -T - | zstd -3 -T1`. Goal for both: <= 1.3x. Beside it, the floor of any build in one Node
// process (bench/archiveFloor.mjs), against the same reference, and ours against that floor.
// Run: npm run bench:archive   (builds dist/ first)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildArchive } from '../server/src/artifact/archive';
import { selectArtifactFiles } from '../server/src/artifact/select';
import { benchTree, loadNote, ratioLine, runBench, timeChild, timeHere, type Timing } from './artifactBenchUtil';

const FILES = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const tree = benchTree('bench-archive-');
const { dir } = tree;
const project = join(dir, 'project');

/** Deterministic pseudo-random numbers, so every run archives the same bytes. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Python-looking text of roughly `bytes` bytes: compresses like real sources do. */
function source(next: () => number, bytes: number): string {
  const words = [
    'def',
    'return',
    'self',
    'scene',
    'tile',
    'granule',
    'if',
    'for',
    'in',
    'None',
    'import',
    'np',
    'xr',
    'task',
    'context',
    'submit_subtask',
    'value',
    'result',
    'data',
    'band',
  ];
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const indent = '    '.repeat(Math.floor(next() * 3));
    const n = 2 + Math.floor(next() * 8);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(next() < 0.1 ? String(Math.floor(next() * 1e6)) : words[Math.floor(next() * words.length)]);
    const line = `${indent}${parts.join(' ')}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function generate(): void {
  const next = random(42);
  for (let i = 0; i < FILES; i++) {
    const folder = join(project, `pkg${Math.floor(i / 400)}`, `mod${Math.floor(i / 20) % 20}`);
    if (i % 20 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${i % 20}.py`), source(next, 300 + Math.floor(next() * 8000)));
  }
  writeFileSync(
    join(project, 'tilebox.workflow.toml'),
    '[workflow]\nslug = "bench"\nrunner = "pkg0.mod0.f0:runner"\n\n[build]\ninclude = ["**"]\nuse_gitignore = true\n',
  );
  execFileSync('git', ['init', '-q'], { cwd: project });
}

/** The whole headless build, process start to archive written, against git | tar | zstd doing the same. */
function endToEnd(): void {
  const out = join(dir, 'e2e.tar.zst');
  const ours = [process.execPath, resolve('dist/cli.js'), 'build', project, '--out', out];
  const reference = [
    'sh',
    '-c',
    'git ls-files -co --exclude-standard | tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -T - | zstd -q -3 -T1 -o "$1"',
    'sh',
    join(dir, 'e2e-reference.tar.zst'),
  ];
  const a: Timing[] = [];
  const b: Timing[] = [];
  // The parts of ours the reference does not pay, measured alongside: Node's own start, and a stat per file
  // (`find -printf '%s'`, which git's untracked scan of this tree skips; tar then stats each file itself).
  const start: Timing[] = [];
  const stats: Timing[] = [];
  // And the floor of any build in one Node process (bench/archiveFloor.mjs): walk, read and compress, nothing else.
  const floor: Timing[] = [];
  const floorArgs = [process.execPath, resolve('bench/archiveFloor.mjs'), project, join(dir, 'floor.tar.zst')];
  for (let run = 0; run < RUNS; run++) {
    rmSync(join(dir, 'e2e-reference.tar.zst'), { force: true });
    b.push(timeChild(reference, project));
    a.push(timeChild(ours, project));
    floor.push(timeChild(floorArgs, project));
    start.push(timeChild([process.execPath, '-e', '0'], project));
    stats.push(timeChild(['sh', '-c', 'find . -type f -printf "%s %p\\n" > /dev/null'], project));
  }
  console.log(`end to end: node dist/cli.js build vs git ls-files -co --exclude-standard | tar | zstd -3 -T1, median of ${RUNS}:`);
  console.log(
    ratioLine(
      'wall time',
      a.map((t) => t.wallMs),
      b.map((t) => t.wallMs),
      1.3,
    ),
  );
  console.log(
    ratioLine(
      'CPU time',
      a.map((t) => t.cpuMs),
      b.map((t) => t.cpuMs),
    ),
  );
  console.log(
    ratioLine(
      'Node floor',
      floor.map((t) => t.wallMs),
      b.map((t) => t.wallMs),
      undefined,
      'floor',
    ),
  );
  console.log(
    ratioLine(
      'vs floor',
      a.map((t) => t.wallMs),
      floor.map((t) => t.wallMs),
    ),
  );
  const medianOf = (list: Timing[]) => [...list].map((t) => t.wallMs).sort((x, y) => x - y)[Math.floor(list.length / 2)];
  console.log(
    `           same run: node -e 0 ${medianOf(start).toFixed(0)} ms, find -printf over the tree ${medianOf(stats).toFixed(0)} ms (wall, medians)`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(project)) generate();
  const selection = await selectArtifactFiles(project, { slug: 'bench', root: '.', include: ['**'], exclude: [], useGitignore: true });
  const list = join(dir, 'list');
  writeFileSync(list, `${selection.files.map((f) => f.path).join('\n')}\n`);
  const mb = (selection.totalBytes / 1024 / 1024).toFixed(0);
  console.log(`generated ${selection.files.length} source files, ${mb} MB, at ${project}`);
  const reference = [
    'sh',
    '-c',
    `tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -T "$1" | zstd -q -3 -T1 -o "$2"`,
    'sh',
    list,
    join(dir, 'reference.tar.zst'),
  ];
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    rmSync(join(dir, 'reference.tar.zst'), { force: true });
    theirs.push(timeChild(reference, project));
    const t = await timeHere(() => buildArchive(selection, join(dir, 'ours.tar.zst')));
    ours.push(t);
    bytes = t.value.bytes;
  }
  const refBytes = statSync(join(dir, 'reference.tar.zst')).size;
  console.log(`archive size: ours ${(bytes / 1024 / 1024).toFixed(1)} MB, reference ${(refBytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(`archive build (in process) vs tar | zstd -3 -T1 (processes), median of ${RUNS}:`);
  console.log(
    ratioLine(
      'wall time',
      ours.map((t) => t.wallMs),
      theirs.map((t) => t.wallMs),
      1.3,
    ),
  );
  console.log(
    ratioLine(
      'CPU time',
      ours.map((t) => t.cpuMs),
      theirs.map((t) => t.cpuMs),
    ),
  );
  endToEnd();
  console.log(loadNote());
}

runBench(main, tree);
