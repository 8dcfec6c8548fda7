// A minimal LSP client over stdio for the benchmarks: spawns `node dist/server.js --stdio`,
// frames JSON-RPC by hand (Content-Length), and timestamps every message the server sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Received {
  at: number;
  method?: string;
  id?: number;
  params?: any;
  result?: any;
}

export class LspClient {
  readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  /** Chunks not yet joined to `buffer`, their bytes with it, and the bytes the message being read needs. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  private needed = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (message: Received) => void>();
  private readonly watchers: { test: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  readonly log: Received[] = [];

  constructor(serverJs: string) {
    // BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": node flags for the server, for profiling it.
    const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.data(chunk));
  }

  request(method: string, params: unknown): Promise<Received> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first message from now on that passes `test`. */
  next(test: (m: Received) => boolean, timeoutMs = 60_000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the server')), timeoutMs);
      this.watchers.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Peak resident memory of the server process so far (Linux). */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  /** CPU time the server process has used so far, every thread (Linux: /proc/<pid>/task/<tid>/schedstat, in ns). */
  cpuMs(): number {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${this.child.pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${this.child.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended meanwhile
      }
    }
    return ns / 1e6;
  }

  async close(): Promise<void> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise((resolve) => this.child.once('exit', resolve));
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  /**
   * Frames messages. A big answer (a 100,000-file preview is ~5 MB) arrives in many chunks: they are joined once,
   * when the whole message is there (joining per chunk copied the buffer so far each time, seconds at that size).
   */
  private data(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.needed > this.buffered) return;
    this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks = [];
    this.buffered = this.buffer.length;
    this.needed = 0;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) {
        this.needed = headerEnd + 4 + length;
        return;
      }
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.buffered = this.buffer.length;
      this.receive({ ...message, at: performance.now() });
    }
  }

  private receive(message: Received): void {
    this.log.push({ at: message.at, method: message.method, id: message.id });
    // A request from the server (configuration, registration): answer it empty.
    if (message.method && message.id !== undefined) {
      this.send({
        jsonrpc: '2.0',
        id: message.id,
        result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null,
      });
      return;
    }
    if (!message.method && message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    for (let i = 0; i < this.watchers.length; i++) {
      if (this.watchers[i].test(message)) {
        this.watchers.splice(i, 1)[0].resolve(message);
        i--;
      }
    }
  }
}
