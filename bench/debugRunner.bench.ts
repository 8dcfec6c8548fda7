// Debug Task's runner, without the editor: debugpy's own adapter runs the generated launcher with the example Runner
// on the stand-in (as the e2e does), then a job is submitted and the breakpoint in execute() is hit. Prints each
// phase next to the start of a bare `python3 -c pass` measured in the same run (the machine's process-start cost).
// Goal (issue 14): Debug Task -> stopped at the breakpoint <= 5 s; the e2e prints that figure with the editor.
//   node --import tsx bench/debugRunner.bench.ts [runs=3]      (needs python3-debugpy: bash test/e2e/setup.sh)
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { PYTHON, debugWorkspace, launchOn, startAdapter, submitFetchScene } from '../test/client/debug/debugRunnerSetup';

const since = (t: number) => Date.now() - t;

async function once() {
  const { dir, env, cli } = debugWorkspace('tbx-bench-debug-');
  cli('cluster', 'list'); // seeds the state outside the timings
  let t = Date.now();
  execFileSync(PYTHON, ['-c', 'pass']);
  const python = since(t);
  const start = Date.now();
  const { adapter, dap } = startAdapter(env);
  try {
    await dap.next((m) => m.command === 'initialize');
    const adapterMs = since(start);
    await launchOn(dap, dir, env, 'scene_qa.runner:runner');
    await dap.next((m) => m.event === 'output' && String(m.body?.output).includes('TILEBOX_DEBUG_RUNNER_READY'));
    const ready = since(start);
    t = Date.now();
    submitFetchScene(cli, 'b');
    const submit = since(t);
    await dap.event('stopped');
    return { python, adapter: adapterMs, ready, submit, stopped: since(t), total: since(start) };
  } finally {
    adapter.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = Number(process.argv[2] ?? 3);
const rows: Awaited<ReturnType<typeof once>>[] = [];
for (let i = 0; i < runs; i++) rows.push(await once());
const median = (k: keyof (typeof rows)[0]) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
const ref = median('python');
console.log(`median of ${runs}; reference: python3 -c pass starts in ${ref} ms`);
for (const [k, what] of [
  ['adapter', 'debugpy adapter answers initialize'],
  ['ready', 'runner polls (adapter + launcher + debuggee + SDK import + connect_to)'],
  ['submit', 'job submit (stand-in CLI)'],
  ['stopped', 'submit start -> stopped at the breakpoint'],
  ['total', 'adapter start -> stopped (the runner-side part of the goal)'],
] as const) {
  console.log(`${what.padEnd(72)} ${String(median(k)).padStart(6)} ms  ${(median(k) / ref).toFixed(1)}x`);
}
console.log(`goal: Debug Task -> stopped <= 5000 ms (the editor adds its own start-up; see the e2e figure)`);
