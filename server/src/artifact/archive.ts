// The release archive: a deterministic `.tar.zst` of a Selection. Same selected bytes give the
// same archive bytes whatever the mtimes, owners, umask or machine: entries in selection order
// (byte order), regular-file entries only (no folder entries), mtime 0, uid/gid 0, empty owner
// names, mode 0644 or 0755. Written to a temp file next to the target and renamed at the end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import tar from 'tar-stream';
import { FrameWriter } from './frameWriter';
import { describe } from './paths';
import { ArchiveInputError, openFileReader, type FileReader } from './readFiles';
import type { Selection } from './select';

export { ArchiveInputError };

export interface ArchiveOptions {
  /** Uncompressed bytes per zstd frame (default 8 MiB): the memory bound. */
  frameBytes?: number;
  /** zstd level (default 3, as `zstd -3`). */
  level?: number;
}

export interface ArchiveResult {
  path: string;
  /** sha256 of the archive bytes, 64 lowercase hex (the API's digest format). */
  digest: string;
  bytes: number;
  files: number;
  inputBytes: number;
  frames: number;
}

export const ARCHIVE_MTIME = new Date(0);

export async function buildArchive(selection: Selection, outPath: string, opts: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (selection.problems.length > 0) {
    const [first] = selection.problems;
    const more = selection.problems.length > 1 ? ` (and ${selection.problems.length - 1} more)` : '';
    throw new Error(`cannot build the artifact: ${first.message}${more}`);
  }
  const target = path.resolve(outPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(temp, 'wx');
  } catch (error) {
    throw new Error(`cannot write ${target}: ${describe(error)}`);
  }
  const frames = new FrameWriter(file, opts.frameBytes ?? 8 * 1024 * 1024, opts.level ?? 3);
  const reader = openFileReader(selection.files);
  try {
    const digest = await writeTar(selection, frames, reader);
    await file.close();
    await fs.promises.rename(temp, target);
    return {
      path: target, digest, bytes: frames.bytes, files: selection.files.length,
      inputBytes: selection.files.reduce((sum, f) => sum + f.size, 0), frames: frames.frames,
    };
  } catch (error) {
    reader.cancel();
    await file.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    if (error instanceof ArchiveInputError) throw error;
    throw new Error(`cannot write ${target}: ${describe(error)}`);
  }
}

async function writeTar(selection: Selection, frames: FrameWriter, reader: FileReader): Promise<string> {
  const pack = tar.pack();
  // Failures travel through the promises below; the streams' own 'error' events would be uncaught.
  pack.on('error', () => undefined);
  const consumed = (async () => {
    try {
      for await (const chunk of pack) await frames.add(chunk as Buffer);
    } catch (error) {
      pack.destroy(error as Error); // unblocks the producer
      throw error;
    }
  })();
  const produced = (async () => {
    for (const file of selection.files) {
      const header: tar.Header = {
        name: file.path, size: file.size, mode: file.executable ? 0o755 : 0o644, type: 'file',
        mtime: ARCHIVE_MTIME, uid: 0, gid: 0, uname: '', gname: '', linkname: '', devmajor: 0, devminor: 0,
      };
      let settle!: (error?: Error | null) => void;
      const written = new Promise<void>((ok, fail) => { settle = (error) => (error ? fail(error) : ok()); });
      written.catch(() => undefined);
      const entry = pack.entry(header, (error) => settle(error));
      entry.on('error', () => undefined);
      try {
        for await (const chunk of reader.chunks(file)) {
          if (!entry.write(chunk)) await drained(entry);
        }
      } catch (error) {
        pack.destroy(error as Error);
        throw error;
      }
      entry.end(undefined);
      await written;
    }
    pack.finalize();
  })();
  await Promise.all([produced, consumed]);
  return frames.finish();
}

/** Waits for room in the entry, or for the pack to be torn down by a failure elsewhere. */
function drained(entry: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      entry.off('drain', done);
      entry.off('close', closed);
      resolve();
    };
    const closed = () => {
      entry.off('drain', done);
      reject(new Error('archive stream closed'));
    };
    entry.once('drain', done);
    entry.once('close', closed);
  });
}
