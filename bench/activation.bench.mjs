// Activation cost in a real VS Code (code-server, via the e2e harness): the extension's own "activated in N ms"
// next to the workbench's own start time measured in the same session. Goal: activation <= 30 ms.
//   node bench/activation.bench.mjs [runs=3]      (needs `bash test/e2e/setup.sh` first)
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, waitUntil, activationMs, readyMs, workbenchStartMs, vsix } from '../test/e2e/harness.mjs';
import { unpackVsix } from '../test/e2e/vsix.mjs';

// activate() runs after VS Code has loaded the bundle; that load is part of the activation cost too. Measured by
// requiring the packaged (production) dist/extension.js in a fresh Node with a stub `vscode` module.
const LOAD = `const M = require('module');
// Any property, call or construction gives the stub again; its prototype answers too, so esbuild's ESM interop copy
// (an object inheriting from the module) still finds every name.
const stub = new Proxy(function () {}, { get: (_t, k) => (k === 'prototype' ? {} : stub), construct: () => stub, apply: () => stub, getPrototypeOf: () => proto });
const proto = new Proxy({}, { get: () => stub });
const load = M._load; M._load = function (r, ...a) { return r === 'vscode' ? stub : load.call(this, r, ...a); };
const t = process.hrtime.bigint(); require(process.argv[1]); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;

const runs = Number(process.argv[2] ?? 3);
const rows = [];
for (let i = 0; i < runs; i++) {
  const s = await startSession({ name: `bench-activation-${i}`, trust: 'yes' });
  try {
    if (s.startError) throw s.startError;
    const activation = await waitUntil('the activation log line', async () => activationMs(s), 60_000);
    rows.push({ activation, ready: readyMs(s), workbench: await workbenchStartMs(s.page) });
  } finally {
    await s.close();
  }
}
const unpacked = await unpackVsix(vsix);
const loads = [];
const lazyLoads = []; // the views, commands and language client, loaded right after activate() (off its path)
const timeLoad = (file) => Number(execFileSync('node', ['-e', LOAD, join(unpacked, 'extension/dist', file)], { encoding: 'utf8' }));
try {
  for (let i = 0; i < 5; i++) {
    loads.push(timeLoad('extension.js'));
    lazyLoads.push(timeLoad('lazyFeatures.js'));
  }
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const a = median(rows.map((r) => r.activation));
const w = median(rows.map((r) => r.workbench));
const r = median(rows.map((x) => x.ready));
console.log(
  `runs: ${rows.map((x) => `${x.activation} ms / ${x.ready} ms / ${Math.round(x.workbench)} ms`).join(', ')}  (extension activation / views+commands ready / workbench start)`,
);
console.log(`median extension activation: ${a} ms  (goal <= 30 ms: ${a <= 30 ? 'met' : 'NOT met'})`);
const l = median(loads);
console.log(
  `median load of the packaged dist/extension.js (require, before activate()): ${l.toFixed(1)} ms  → load + activate ${(l + a).toFixed(1)} ms`,
);
console.log(`median load of dist/lazyFeatures.js (after activate() resolved, off the activation path): ${median(lazyLoads).toFixed(1)} ms`);
console.log(`median until the lazily loaded views and commands are ready: ${r} ms (off the activation path)`);
console.log(
  `median workbench start (code/didStartWorkbench): ${Math.round(w)} ms  → load + activate is ${(((l + a) / w) * 100).toFixed(1)}% of it`,
);
