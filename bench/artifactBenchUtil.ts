// Shared by the artifact benchmarks: timing a reference program (wall and CPU time, peak RSS,
// read from GNU time) and timing our own code in process (wall and CPU time of all threads).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}
export interface ChildTiming extends Timing {
  maxRssKb: number;
  stdout: string;
}

/** Runs `argv` under GNU time (`apt-get install time`); throws if it fails. */
export function timeChild(argv: string[], cwd: string): ChildTiming {
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  try {
    const report = join(dir, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
    const [elapsed, user, sys, rss] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wallMs: elapsed * 1000, cpuMs: (user + sys) * 1000, maxRssKb: rss, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of `fn`, and the CPU time the whole process (every thread) spent meanwhile. */
export async function timeHere<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One result line: medians of both, their ratio, and whether the goal is met. */
export function ratioLine(label: string, ours: number[], reference: number[], goal?: number, name = 'ours'): string {
  const a = median(ours);
  const b = median(reference);
  const ratio = a / b;
  const verdict = goal === undefined ? '' : `  (goal <= ${goal}x: ${ratio <= goal ? 'met' : 'NOT met'})`;
  return `${label.padEnd(10)} ${name} ${a.toFixed(0).padStart(6)} ms   reference ${b.toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(2)}x${verdict}`;
}

/** The bench's numbers are only meaningful on a quiet machine; say how busy this one was. */
export function loadNote(): string {
  try {
    const [one] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    return `load average ${one} (other processes compete for the CPU; CPU-time ratios are steadier than wall-time ones)`;
  } catch {
    return '';
  }
}
