// Turns a byte stream into a sequence of independent zstd frames written to a file, so memory
// stays bounded however big the archive is (`compress` works on whole buffers). Concatenated
// frames are one valid .zst: `zstd -d` and `tar --zstd` read them as one stream. One frame is
// compressed while the next is being filled; at most two are in memory at once.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { compress } from '@mongodb-js/zstd';

export class FrameWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** One promise per frame not yet on disk, oldest first; each waits for the one before. */
  private queue: Promise<void>[] = [];
  private failure: unknown;
  private readonly hash = createHash('sha256');
  bytes = 0;
  frames = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly frameBytes: number,
    private readonly level: number,
  ) {}

  /** Adds bytes; resolves when the caller may send more (backpressure). */
  async add(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.frameBytes) await this.flush();
  }

  /** Compresses and writes what is left; returns the sha256 of everything written. */
  async finish(): Promise<string> {
    if (this.pendingBytes > 0 || this.frames === 0) await this.flush();
    await Promise.all(this.queue);
    if (this.failure) throw this.failure;
    return this.hash.digest('hex');
  }

  private async flush(): Promise<void> {
    const input = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.frames++;
    // Compress now (on libuv's pool) while the caller fills the next frame, but keep order on disk.
    const compressed = compress(input, this.level);
    compressed.catch(() => undefined);
    const previous = this.queue[this.queue.length - 1] ?? Promise.resolve();
    const done = previous.then(async () => {
      try {
        const frame = await compressed;
        if (!this.failure) await this.writeAll(frame);
      } catch (error) {
        this.failure ??= error;
      }
    });
    this.queue.push(done);
    done.then(() => this.queue.splice(this.queue.indexOf(done), 1));
    // Let one frame compress while the next fills; beyond that, wait for the oldest.
    while (this.queue.length >= 2 && !this.failure) await this.queue[0];
    if (this.failure) throw this.failure;
  }

  private async writeAll(frame: Buffer): Promise<void> {
    let offset = 0;
    while (offset < frame.length) {
      const { bytesWritten } = await this.file.write(frame, offset, frame.length - offset);
      offset += bytesWritten;
    }
    this.hash.update(frame);
    this.bytes += frame.length;
  }
}
