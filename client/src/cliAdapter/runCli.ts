// Runs CLI calls: argument arrays (never a shell), the API key only as TILEBOX_API_KEY in the child's env,
// `--api-url` before the subcommand, a timeout and cancellation that end the whole process tree, shared
// processes for identical concurrent reads, one redacted log line per call, and every failure as a value.
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { formatCommand, redactText } from './redact';
import type { CliCall, CliResult, LocateResult } from './types';
import { isAuthFailure } from './authFailure';
import { killTree } from './killTree';

export interface TileboxCliOptions {
  locate: () => Promise<LocateResult>;
  /** The key stored in the editor; when undefined, TILEBOX_API_KEY from `env` is used. */
  apiKey: () => Promise<string | undefined>;
  apiUrl: () => string | undefined;
  log: (line: string) => void;
  defaultTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Time between SIGTERM and SIGKILL when a call is stopped. */
  killGraceMs?: number;
  /** Most bytes read from stdout or stderr; a CLI printing more is stopped. Default 64 MB. */
  maxOutputBytes?: number;
}

export interface RunOptions {
  cwd?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** What one process produced, before parsing. */
type Outcome =
  | { kind: 'exit'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'not-found'; searched: string[] }
  | { kind: 'timed-out'; timeoutMs: number }
  | { kind: 'too-large'; limitBytes: number }
  | { kind: 'cancelled' };

const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

interface Shared {
  promise: Promise<Outcome>;
  users: number;
  stop: AbortController;
}

export class TileboxCli {
  private readonly inFlight = new Map<string, Shared>();
  private readonly writes = new Set<AbortController>();
  private readonly defaultTimeoutMs: number;

  constructor(private readonly options: TileboxCliOptions) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
  }

  async run<T>(call: CliCall<T>, opts: RunOptions = {}): Promise<CliResult<T>> {
    if (opts.signal?.aborted) return { kind: 'cancelled' };
    const located = await this.options.locate();
    if ('searched' in located) {
      this.options.log(`${formatCommand(call.args)} → CLI not found (searched ${located.searched.join(', ') || 'nothing'})`);
      return { kind: 'not-found', searched: located.searched };
    }
    const env = this.options.env ?? process.env;
    const key = (await this.options.apiKey()) || env.TILEBOX_API_KEY || undefined;
    const url = this.options.apiUrl()?.trim();
    const args = [...(url ? ['--api-url', url] : []), ...call.args];
    const timeoutMs = opts.timeoutMs ?? call.timeoutMs ?? this.defaultTimeoutMs;
    const start = () => this.spawn(located.path, args, key, env, opts.cwd, timeoutMs);

    let outcome: Outcome;
    if (call.kind === 'read') {
      const id = JSON.stringify([located.path, args, opts.cwd ?? '', key ?? '']);
      outcome = await this.shared(id, start, opts.signal);
    } else {
      const stop = new AbortController();
      const onAbort = () => stop.abort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.writes.add(stop);
      try {
        outcome = await start()(stop.signal);
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
        this.writes.delete(stop);
      }
    }
    return this.toResult(call, outcome, key);
  }

  /** Joins an identical read already running; the process is stopped only when every caller has given up. */
  private async shared(id: string, start: () => (signal: AbortSignal) => Promise<Outcome>, signal?: AbortSignal): Promise<Outcome> {
    let entry = this.inFlight.get(id);
    if (!entry) {
      const stop = new AbortController();
      const created: Shared = { promise: start()(stop.signal), users: 0, stop };
      void created.promise.finally(() => {
        if (this.inFlight.get(id) === created) this.inFlight.delete(id);
      });
      this.inFlight.set(id, created);
      entry = created;
    }
    const mine = entry;
    mine.users++;
    if (!signal) return mine.promise;
    return new Promise<Outcome>((resolve) => {
      const onAbort = () => {
        resolve({ kind: 'cancelled' });
        if (--mine.users > 0) return;
        // Forget it now, not when the process has exited: a caller arriving in between would join a stopped read.
        if (this.inFlight.get(id) === mine) this.inFlight.delete(id);
        mine.stop.abort();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      mine.promise.then((o) => {
        signal.removeEventListener('abort', onAbort);
        resolve(o);
      });
    });
  }

  private spawn(file: string, args: string[], key: string | undefined, env: NodeJS.ProcessEnv, cwd: string | undefined, timeoutMs: number) {
    return async (signal: AbortSignal): Promise<Outcome> => {
      const began = Date.now();
      const line = formatCommand(args);
      const log = (what: string) => this.options.log(redactText(`${line} → ${what} in ${Date.now() - began} ms`, [key]));
      if (cwd !== undefined && !existsSync(cwd)) {
        log('not started: working directory missing');
        return { kind: 'exit', exitCode: -1, stdout: '', stderr: `Working directory does not exist: ${cwd}` };
      }
      const maxBuffer = this.options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
      const childEnv: NodeJS.ProcessEnv = { ...env, NO_COLOR: '1' };
      if (key) childEnv.TILEBOX_API_KEY = key;
      const child = execa(file, args, {
        env: childEnv,
        extendEnv: false,
        cwd,
        reject: false,
        stdin: 'ignore',
        windowsHide: true,
        // Own process group on POSIX, so a timeout or cancel can end the CLI and everything it started.
        detached: process.platform !== 'win32',
        cleanup: true,
        encoding: 'utf8',
        maxBuffer,
      });
      let stopped: 'timed-out' | 'cancelled' | undefined;
      const stop = (why: 'timed-out' | 'cancelled') => {
        if (stopped) return;
        stopped = why;
        killTree(child.pid, this.options.killGraceMs ?? 2000);
      };
      const timer = setTimeout(() => stop('timed-out'), timeoutMs);
      const onAbort = () => stop('cancelled');
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      const result = await child;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (stopped === 'timed-out') {
        log(`timed out after ${timeoutMs} ms`);
        return { kind: 'timed-out', timeoutMs };
      }
      if (stopped === 'cancelled') {
        log('cancelled');
        return { kind: 'cancelled' };
      }
      // execa stopped reading and ended the CLI; its exit is then only a side effect ("write EPIPE").
      if (result.isMaxBuffer) {
        log(`stopped: output larger than ${megabytes(maxBuffer)}`);
        return { kind: 'too-large', limitBytes: maxBuffer };
      }
      const code = (result as { code?: string }).code;
      if (code === 'ENOENT' || code === 'EACCES') {
        log(`could not start (${code})`);
        return { kind: 'not-found', searched: [file] };
      }
      const exitCode = result.exitCode ?? (result.signal ? 128 : -1);
      log(result.signal && result.exitCode === undefined ? `killed by ${result.signal}` : `exit ${exitCode}`);
      const stderr = String(result.stderr ?? '');
      if (exitCode !== 0 && stderr.trim())
        this.options.log(redactText(`  stderr: ${stderr.trim().split('\n').slice(-20).join('\n  ')}`, [key]));
      return { kind: 'exit', exitCode, stdout: String(result.stdout ?? ''), stderr };
    };
  }

  private toResult<T>(call: CliCall<T>, outcome: Outcome, key: string | undefined): CliResult<T> {
    if (outcome.kind === 'too-large')
      return { kind: 'unparsable', detail: `the output was larger than ${megabytes(outcome.limitBytes)}`, stdout: '' };
    if (outcome.kind !== 'exit') return outcome;
    const stderr = redactText(outcome.stderr.trim(), [key]);
    if (outcome.exitCode !== 0) {
      return isAuthFailure(stderr) ? { kind: 'not-authenticated', stderr } : { kind: 'exited', exitCode: outcome.exitCode, stderr };
    }
    const parsed = call.parse(outcome.stdout);
    if (!parsed.ok) {
      // The detail quotes stdout, which can echo the key like stderr can.
      const detail = redactText(parsed.detail, [key]);
      this.options.log(`  unparsable output: ${detail}`);
      return { kind: 'unparsable', detail, stdout: redactText(outcome.stdout, [key]) };
    }
    for (const w of parsed.warnings) this.options.log(`  warning: ${w}`);
    return { kind: 'ok', value: parsed.value, warnings: parsed.warnings };
  }

  /** Stops every running call (extension deactivation). */
  dispose(): void {
    for (const entry of this.inFlight.values()) entry.stop.abort();
    for (const stop of this.writes) stop.abort();
  }
}
