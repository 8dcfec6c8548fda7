// Runner completion on a generated 60,000-file project (3,000 folders of 20 Python files): how long each request
// works, while one search of the project is spread over several keystrokes. Reference, measured in the same run: one
// full listing of the same tree (every folder read, as `find` does). Goal (issue 18): no request over 200 ms of
// server work. Run: npm run bench:completion
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { completeAt } from '../server/src/config/index';
import { RunnerCandidates } from '../server/src/lsp/runnerCandidates';
import { benchTree, loadNote, runBench } from './artifactBenchUtil';

const tree = benchTree('bench-completion-');
const { dir, reuse } = tree;
const SESSIONS = 3;
const TEXT = '[workflow]\nslug = "bench-one"\nrunner = ""\n';
const OFFSET = TEXT.indexOf('""') + 1;

function generate(): void {
  for (let d = 0; d < 3000; d++) {
    const folder = join(dir, `pkg${Math.floor(d / 100)}`, `sub${d % 100}`);
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < 20; f++)
      writeFileSync(join(folder, `m${f}.py`), f === 0 ? 'from tilebox.workflows import Runner\nrunner = Runner()\n' : 'x = 1\n');
  }
}

function listAll(folder: string): number {
  let n = 0;
  for (const e of readdirSync(folder, { withFileTypes: true })) n += e.isDirectory() ? listAll(join(folder, e.name)) : 1;
  return n;
}

async function main(): Promise<void> {
  if (!reuse) generate();
  const walls: number[] = [];
  const cpus: number[] = [];
  const references: number[] = [];
  let requests = 0;
  for (let s = 0; s < SESSIONS; s++) {
    const t0 = performance.now();
    listAll(dir);
    references.push(performance.now() - t0);
    // A new server: keystrokes ask again until the search is done (the list stops being incomplete).
    const candidates = new RunnerCandidates();
    for (let done = false; !done; ) {
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      const listed = await candidates.get(dir, '.');
      completeAt(TEXT, OFFSET, { runnerCandidates: listed.names, runnerNotice: listed.cut });
      walls.push(performance.now() - start);
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
      requests += 1;
      done = !listed.cut?.startsWith('is still running');
    }
  }
  const max = (xs: number[]) => Math.max(...xs);
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
  const reference = [...references].sort((a, b) => a - b)[1];
  console.log(loadNote());
  console.log(`${requests} completion requests in ${SESSIONS} fresh servers on 60,000 files`);
  console.log(
    `per request: wall p95 ${p95(walls).toFixed(0)} ms, max ${max(walls).toFixed(0)} ms; CPU p95 ${p95(cpus).toFixed(0)} ms, max ${max(cpus).toFixed(0)} ms`,
  );
  console.log(
    `reference (one full listing of the tree) ${reference.toFixed(0)} ms; slowest request / reference ${(max(walls) / reference).toFixed(2)}x`,
  );
  console.log(
    `goal: no request over 200 ms of server work (CPU): ${max(cpus) <= 200 ? 'met' : 'NOT met'}; wall: ${max(walls) <= 200 ? 'met' : 'NOT met'}`,
  );
}

runBench(main, tree);
