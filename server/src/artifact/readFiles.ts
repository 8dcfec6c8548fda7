// Copies each selected file's bytes into the archive's frames, reading straight into the frame
// buffer. Reads are synchronous: every asynchronous file call is a round trip through libuv's
// thread pool, and four of them per file (open, stat, read, close) cost more than compressing
// thousands of small sources; the caller still yields whenever a frame is handed off.
// Every file must keep the size the selection saw while it is read, or the build fails naming it.
import * as fs from 'node:fs';
import type { FrameWriter } from './frameWriter';
import { describe } from './paths';
import type { SelectedFile } from './select';

/** A selected file that could not be archived as selected; the message names it. */
export class ArchiveInputError extends Error {
  override name = 'ArchiveInputError';
}

// Non-blocking, so a file swapped for a named pipe since the selection cannot hang the build
// in `open` (regular files ignore the flag); `fstat` then refuses it.
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;
const probe = Buffer.alloc(1);

/** Appends exactly `file.size` bytes of the file to `frames`. */
export async function copyFileInto(frames: FrameWriter, file: SelectedFile, signal?: AbortSignal): Promise<void> {
  const fd = attempt(file, () => fs.openSync(file.absPath, OPEN_FLAGS));
  try {
    // No fstat: reading one byte past the selected size tells growth, a short read shrinkage,
    // and reading a folder fails with EISDIR; a syscall per file saved.
    let position = 0;
    let sawEnd = false;
    while (position < file.size) {
      signal?.throwIfAborted(); // a big file is many frames: stop between them
      const space = frames.space();
      const want = Math.min(space.length, file.size - position);
      // On the last read, ask for one byte more when there is room: a file that grew fills it.
      const last = position + want === file.size && space.length > want;
      const n = attempt(file, () => fs.readSync(fd, space, 0, last ? want + 1 : want, position));
      if (n === 0) throw changed(file, 'shrank');
      if (position + n > file.size) throw changed(file, 'grew');
      position += n;
      sawEnd = last && n === want;
      await frames.commit(n);
    }
    if (!sawEnd && attempt(file, () => fs.readSync(fd, probe, 0, 1, position)) > 0) throw changed(file, 'grew');
  } finally {
    fs.closeSync(fd);
  }
}

function attempt<T>(file: SelectedFile, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof ArchiveInputError) throw error;
    const why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is no longer a regular file' : describe(error);
    throw new ArchiveInputError(`cannot read ${file.path}: ${why}`);
  }
}

function changed(file: SelectedFile, how: 'grew' | 'shrank'): ArchiveInputError {
  return new ArchiveInputError(`${file.path} ${how} while the artifact was being built (selected with ${file.size} bytes); build again`);
}
