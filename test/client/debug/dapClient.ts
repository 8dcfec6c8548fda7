// A minimal Debug Adapter Protocol client over a child's stdio, for tests that drive debugpy's adapter the way
// VS Code does (initialize, launch, breakpoints, configurationDone, terminate).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export interface DapMessage {
  type: string;
  command?: string;
  event?: string;
  body?: Record<string, unknown>;
  success?: boolean;
  request_seq?: number;
}

export class DapClient {
  readonly messages: DapMessage[] = [];
  private seq = 1;
  private buffer = Buffer.alloc(0);
  private waiters: { match: (m: DapMessage) => boolean; resolve: (m: DapMessage) => void }[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d: Buffer) => this.read(d));
  }

  send(command: string, args: unknown): number {
    const seq = this.seq++;
    const text = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    return seq;
  }

  /** The first message (already received or coming) that matches, within `ms`. */
  next(match: (m: DapMessage) => boolean, ms = 30_000): Promise<DapMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching DAP message in ${ms} ms; got ${this.messages.map((m) => m.event ?? m.command).join(', ')}`)),
        ms,
      );
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  event(name: string, ms?: number): Promise<DapMessage> {
    return this.next((m) => m.type === 'event' && m.event === name, ms);
  }

  output(): string {
    return this.messages
      .filter((m) => m.event === 'output' && m.body?.category !== 'telemetry')
      .map((m) => String(m.body?.output ?? ''))
      .join('');
  }

  private read(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as DapMessage;
      this.buffer = this.buffer.subarray(head + 4 + length);
      this.messages.push(message);
      for (const w of this.waiters.filter((x) => x.match(message))) {
        w.resolve(message);
        this.waiters.splice(this.waiters.indexOf(w), 1);
      }
    }
  }
}
