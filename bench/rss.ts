// Peak memory while archiving 1 GB of input: `node dist/cli.js build` in a child process under
// GNU time (its maximum resident set size), next to the same CLI on a tiny project (what Node
// itself takes) and tar | zstd on the same files. Goal: peak RSS <= 150 MB.
// Run: npm run bench:rss   (builds dist/ first)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadNote, timeChild } from './artifactBenchUtil';

const MB = 1024 * 1024;
const GOAL_MB = 150;
const cli = resolve('dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));

function project(name: string, fill: (root: string) => number): { root: string; bytes: number } {
  const root = join(dir, name);
  mkdirSync(join(root, 'app'), { recursive: true });
  writeFileSync(
    join(root, 'tilebox.workflow.toml'),
    `[workflow]\nslug = "rss-bench"\nrunner = "app.runner:runner"\n\n[build]\ninclude = ["**"]\n`,
  );
  writeFileSync(join(root, 'app', 'runner.py'), 'runner = None\n');
  return { root, bytes: fill(root) };
}

/** 1 GiB: 16 big files of 48 MiB (half random, half text) and 2,048 files of 128 KiB. */
function oneGigabyte(root: string): number {
  let bytes = 0;
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'src'));
  const text = Buffer.from('def process(scene):\n    return scene.tiles[0] * 2  # quality check\n'.repeat(2048));
  for (let i = 0; i < 16; i++) {
    const chunks: Buffer[] = [];
    for (let c = 0; c < 48; c++) chunks.push(i % 2 ? randomBytes(MB) : text.subarray(0, MB));
    writeFileSync(join(root, 'data', `part${i}.bin`), Buffer.concat(chunks));
    bytes += 48 * MB;
  }
  for (let i = 0; i < 2048; i++) {
    writeFileSync(join(root, 'src', `m${i}.py`), i % 4 ? text.subarray(0, 128 * 1024) : randomBytes(128 * 1024));
    bytes += 128 * 1024;
  }
  return bytes;
}

function build(root: string) {
  const out = join(dir, 'out.tar.zst');
  rmSync(out, { force: true });
  const t = timeChild([process.execPath, cli, 'build', root, '--out', out, '--json'], root);
  return { ...t, result: JSON.parse(t.stdout) as { files: number; bytes: number } };
}

function main(): void {
  if (spawnSync(process.execPath, [cli], { encoding: 'utf8' }).status === null) throw new Error('dist/cli.js missing: npm run build');
  const tiny = project('tiny', () => 0);
  const big = project('big', oneGigabyte);
  console.log(`generated ${(big.bytes / MB).toFixed(0)} MiB of input at ${big.root}`);
  const floor = build(tiny.root);
  const ours = build(big.root);
  const list = join(dir, 'list');
  writeFileSync(list, spawnSync('find', ['.', '-type', 'f'], { cwd: big.root, encoding: 'utf8' }).stdout);
  const reference = timeChild(
    [
      'sh',
      '-c',
      'tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -T "$1" | zstd -q -3 -T1 -o "$2"',
      'sh',
      list,
      join(dir, 'ref.tar.zst'),
    ],
    big.root,
  );
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  console.log(
    `build of 1 GiB (${ours.result.files} files -> ${(ours.result.bytes / MB).toFixed(0)} MiB): peak RSS ${mb(ours.maxRssKb)} MB in ${(ours.wallMs / 1000).toFixed(1)} s  (goal <= ${GOAL_MB} MB: ${ours.maxRssKb / 1024 <= GOAL_MB ? 'met' : 'NOT met'})`,
  );
  console.log(`same CLI on a 1-file project (Node's own floor): peak RSS ${mb(floor.maxRssKb)} MB`);
  console.log(
    `tar | zstd -3 -T1 on the same files: peak RSS ${mb(reference.maxRssKb)} MB (the larger of the two processes) in ${(reference.wallMs / 1000).toFixed(1)} s`,
  );
  console.log(`ratio of wall time ours/reference: ${(ours.wallMs / reference.wallMs).toFixed(2)}x`);
  console.log(loadNote());
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
