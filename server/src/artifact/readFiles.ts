// Reads the selected files for the archive, in selection order. Small files are read a few
// ahead in parallel (thousands of tiny sources are the common case, and one open/read/close
// round trip at a time would dominate); big files are streamed in chunks, never read whole.
// Every file must still have the size the selection saw, or the build fails naming it.
import * as fs from 'node:fs';
import { describe } from './paths';
import type { SelectedFile } from './select';

/** A selected file that could not be archived as selected; the message names it. */
export class ArchiveInputError extends Error {
  override name = 'ArchiveInputError';
}

export interface FileReader {
  /** The file's bytes, exactly `file.size` of them; call in selection order. */
  chunks(file: SelectedFile): AsyncIterable<Buffer>;
  cancel(): void;
}

const SMALL = 256 * 1024;
const CHUNK = 1024 * 1024;
const AHEAD = 16;

export function openFileReader(files: SelectedFile[]): FileReader {
  const prefetched = new Map<number, Promise<Buffer>>();
  let next = 0; // index of the next file `chunks` will be asked for
  let started = 0; // files up to here have had their prefetch considered
  let cancelled = false;

  const prefetch = () => {
    for (; started < files.length && started < next + AHEAD && !cancelled; started++) {
      if (files[started].size > SMALL) continue;
      const promise = readWhole(files[started]);
      promise.catch(() => undefined); // a failure surfaces when the file's turn comes
      prefetched.set(started, promise);
    }
  };

  return {
    async *chunks(file) {
      const index = next++;
      if (files[index] !== file) throw new Error('files must be read in selection order');
      prefetch();
      const whole = prefetched.get(index);
      prefetched.delete(index);
      if (whole) {
        const data = await whole;
        if (data.length > 0) yield data;
      } else {
        yield* streamFile(file);
      }
    },
    cancel() {
      cancelled = true;
      prefetched.clear();
    },
  };
}

async function readWhole(file: SelectedFile): Promise<Buffer> {
  const handle = await open(file);
  try {
    const buffer = Buffer.allocUnsafe(file.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled).catch(rethrow(file));
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > file.size) throw changed(file, 'grew');
    }
    if (filled < file.size) throw changed(file, 'shrank');
    return buffer.subarray(0, file.size);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function* streamFile(file: SelectedFile): AsyncGenerator<Buffer> {
  const handle = await open(file);
  try {
    let position = 0;
    while (position < file.size) {
      const want = Math.min(CHUNK, file.size - position);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, position).catch(rethrow(file));
      if (bytesRead === 0) throw changed(file, 'shrank');
      position += bytesRead;
      yield bytesRead === want ? buffer : buffer.subarray(0, bytesRead);
    }
    const probe = await handle.read(Buffer.alloc(1), 0, 1, position).catch(rethrow(file));
    if (probe.bytesRead > 0) throw changed(file, 'grew');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function open(file: SelectedFile): Promise<fs.promises.FileHandle> {
  const handle = await fs.promises.open(file.absPath, 'r').catch(rethrow(file));
  const stat = await handle.stat().catch(async (error) => {
    await handle.close();
    return rethrow(file)(error);
  });
  if (!stat.isFile() || stat.size !== file.size) {
    await handle.close();
    if (!stat.isFile()) throw new ArchiveInputError(`cannot read ${file.path}: it is no longer a regular file`);
    throw changed(file, stat.size > file.size ? 'grew' : 'shrank');
  }
  return handle;
}

function changed(file: SelectedFile, how: 'grew' | 'shrank'): ArchiveInputError {
  return new ArchiveInputError(`${file.path} ${how} while the artifact was being built (selected with ${file.size} bytes); build again`);
}

function rethrow(file: SelectedFile) {
  return (error: unknown): never => {
    throw new ArchiveInputError(`cannot read ${file.path}: ${describe(error)}`);
  };
}
