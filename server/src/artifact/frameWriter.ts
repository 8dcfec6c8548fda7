// Turns a byte stream into a sequence of independent zstd frames written to a file, so memory
// stays bounded however big the archive is (`compress` works on whole buffers). Concatenated
// frames are one valid .zst: `zstd -d` and `tar --zstd` read them as one stream. Every frame but
// the last holds exactly `frameBytes` input bytes, so the output never depends on how the input
// arrived. Callers read file bytes straight into the frame (`space`/`commit`), saving a copy.
// Up to `parallel` frames compress at once on libuv's thread pool while the next one fills;
// they reach the file in order.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { compress } from '@mongodb-js/zstd';

export class FrameWriter {
  private frame: Buffer;
  private used = 0;
  /** One promise per frame not yet on disk, oldest first; each waits for the one before. */
  private queue: Promise<void>[] = [];
  private failure: unknown;
  /** Frame buffers whose compression is done, for reuse (allocating 8 MiB per frame made the GC busy). */
  private readonly spare: Buffer[] = [];
  private readonly hash = createHash('sha256');
  bytes = 0;
  frames = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly frameBytes: number,
    private readonly level: number,
    private readonly parallel = 2,
    private readonly onFrameWritten?: () => void,
  ) {
    this.frame = Buffer.allocUnsafe(frameBytes);
  }

  /** The unfilled rest of the current frame (never empty): read bytes into it, then `commit`. */
  space(): Buffer {
    return this.frame.subarray(this.used);
  }

  /** Marks `n` bytes at the start of `space()` as filled; resolves when more may be added. */
  async commit(n: number): Promise<void> {
    this.used += n;
    if (this.used === this.frame.length) await this.flush();
  }

  /** Copies bytes in. */
  async write(data: Buffer): Promise<void> {
    for (let offset = 0; offset < data.length; ) {
      const n = data.copy(this.frame, this.used, offset);
      offset += n;
      await this.commit(n);
    }
  }

  /** Compresses and writes what is left; returns the sha256 of everything written. */
  async finish(): Promise<string> {
    if (this.failure) throw this.failure;
    if (this.used > 0 || this.frames === 0) await this.flush();
    await Promise.all(this.queue);
    if (this.failure) throw this.failure;
    return this.hash.digest('hex');
  }

  /** After a failure elsewhere: lets frames in flight settle, writing nothing more. */
  async abandon(): Promise<void> {
    this.failure ??= new Error('archive abandoned');
    await Promise.allSettled(this.queue);
  }

  private async flush(): Promise<void> {
    const full = this.frame;
    const input = full.subarray(0, this.used);
    this.frame = this.spare.pop() ?? Buffer.allocUnsafe(this.frameBytes);
    this.used = 0;
    this.frames++;
    const compressed = compress(input, this.level);
    compressed.then(
      () => this.spare.push(full),
      () => undefined,
    );
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
    // Let `parallel` frames compress while the next fills; beyond that, wait for the oldest.
    while (this.queue.length > this.parallel && !this.failure) await this.queue[0];
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
    this.onFrameWritten?.();
  }
}
