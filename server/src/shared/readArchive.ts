// Reads a release `.tar.zst` into memory for browsing, never onto disk: zstd frame by frame
// (refusing before inflating past a cap), then tar. Entries with absolute or `..` paths make
// the whole archive refused, naming the entry. Pure Node (no `vscode`).
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { formatBytes } from './formatBytes';
import { splitFrames, ZstdFormatError, type ZstdFrame } from './zstdFrames';

export const DEFAULT_MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

export type ArchiveEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface ArchiveEntry {
  /** POSIX path inside the archive, without a leading `./` or trailing `/`. */
  path: string;
  type: ArchiveEntryType;
  size: number;
  mode: number;
  /** Milliseconds since the epoch (0 for a deterministic release archive). */
  mtime: number;
  linkname?: string;
  /** File contents (files only). */
  data?: Uint8Array;
}

export interface ArchiveContents {
  entries: ArchiveEntry[];
  compressedBytes: number;
  /** Decompressed tar size. */
  tarBytes: number;
}

/** The archive cannot be read: the message says why and, for a bad entry, which one. */
export class ArchiveReadError extends Error {
  override name = 'ArchiveReadError';
}

export async function readArchiveFile(file: string, options: { maxBytes?: number } = {}): Promise<ArchiveContents> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    throw new ArchiveReadError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return readArchive(bytes, options);
}

/** The native zstd binding, loaded on first use: if it cannot load, only opening archives fails, not the UI around it. */
async function zstdDecompress(): Promise<(data: Buffer) => Promise<Buffer>> {
  try {
    // `require` in the CommonJS bundle (exactly as a static import would load it); `import()` under the ESM test runner.
    const zstd: typeof import('@mongodb-js/zstd') =
      typeof require === 'function' ? require('@mongodb-js/zstd') : await import('@mongodb-js/zstd');
    return zstd.decompress;
  } catch (error) {
    throw new ArchiveReadError(`The zstd library could not be loaded, so archives cannot be opened here: ${(error as Error).message}`);
  }
}

export async function readArchive(bytes: Uint8Array, options: { maxBytes?: number } = {}): Promise<ArchiveContents> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARCHIVE_BYTES;
  const decompress = await zstdDecompress();
  let frames: ZstdFrame[];
  try {
    frames = splitFrames(bytes);
  } catch (error) {
    if (error instanceof ZstdFormatError) throw new ArchiveReadError(`Not a readable .tar.zst: ${error.message}.`);
    throw error;
  }
  let tarBytes = 0;
  async function* inflate(): AsyncGenerator<Buffer> {
    for (const frame of frames) {
      if (frame.skippable) continue;
      if (tarBytes + frame.maxSize > maxBytes) {
        throw new ArchiveReadError(
          `The archive is larger than ${formatBytes(maxBytes)} when decompressed; it is too big to browse in the editor (extract it with \`tar --zstd -xf\` instead).`,
        );
      }
      let chunk: Buffer;
      try {
        chunk = await decompress(Buffer.from(bytes.buffer, bytes.byteOffset + frame.start, frame.end - frame.start));
      } catch (error) {
        throw new ArchiveReadError(
          `The archive is damaged: zstd could not decompress the frame at byte ${frame.start} (${(error as Error).message}).`,
        );
      }
      tarBytes += chunk.length;
      yield chunk;
    }
  }

  const entries: ArchiveEntry[] = [];
  const extract = tar.extract();
  const feeding = pipeline(Readable.from(inflate()), extract);
  try {
    for await (const entry of extract) {
      const header = entry.header;
      const path = checkedPath(header.name);
      const type: ArchiveEntryType =
        header.type === 'file' || header.type === 'contiguous-file'
          ? 'file'
          : header.type === 'directory'
            ? 'directory'
            : header.type === 'symlink'
              ? 'symlink'
              : 'other';
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (path === '') continue; // the `./` root entry some tar tools write
      entries.push({
        path,
        type,
        size: header.size ?? 0,
        mode: header.mode ?? 0,
        mtime: header.mtime ? header.mtime.getTime() : 0,
        ...(header.linkname ? { linkname: header.linkname } : {}),
        ...(type === 'file' ? { data: Buffer.concat(chunks) } : {}),
      });
    }
    await feeding;
  } catch (error) {
    feeding.catch(() => undefined);
    if (error instanceof ArchiveReadError) throw error;
    const cause = await feeding.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (cause instanceof ArchiveReadError) throw cause;
    throw new ArchiveReadError(`The archive is damaged: ${(error as Error).message}.`);
  }
  return { entries, compressedBytes: bytes.length, tarBytes };
}

/** The entry's path made relative and POSIX, or an error naming it when it could escape. */
export function checkedPath(name: string): string {
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name) || name.startsWith('\\')) {
    throw new ArchiveReadError(`Refusing to open the archive: entry "${name}" has an absolute path.`);
  }
  const parts = name.split(/[\\/]/);
  if (parts.includes('..')) {
    throw new ArchiveReadError(`Refusing to open the archive: entry "${name}" climbs out of the archive with "..".`);
  }
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}
