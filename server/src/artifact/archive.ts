// The release archive: a deterministic `.tar.zst` of a Selection. Same selected bytes give the
// same archive bytes whatever the mtimes, owners, umask or machine: entries in selection order
// (byte order), regular-file entries only (no folder entries), mtime 0, uid/gid 0, empty owner
// names, mode 0644 or 0755. Written to a temp file next to the target and renamed at the end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FrameWriter } from './frameWriter';
import { buildTempPath, describe } from './paths';
import { ArchiveInputError, copyFileInto } from './readFiles';
import type { Selection } from './select';
import { END_OF_ARCHIVE, fileHeader, padding } from './tarHeader';

export { ArchiveInputError };

export interface ArchiveOptions {
  /**
   * Uncompressed bytes per zstd frame: the memory bound. Default 2 MiB, the window zstd uses at
   * level 3 anyway, so smaller frames cost no ratio, while every frame in flight holds its input,
   * zstd's working memory and its output (8 MiB frames peaked over 200 MB on 1 GB of input).
   */
  frameBytes?: number;
  /**
   * zstd level (default 3, as `zstd -3`). NB: @mongodb-js/zstd 1.2.2's wrapper does not pass the
   * level on, so the binding's default (3) is what every build gets.
   */
  level?: number;
  /** Frames compressed at once (default 2). */
  parallel?: number;
  /** Stops the build (Ctrl-C in the CLI); the archive is then not written, and no temp file stays. */
  signal?: AbortSignal;
  /** Called after each frame reaches the file (the CLI uses it to bound memory, see cli/artifact.ts). */
  onFrameWritten?: () => void;
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

export async function buildArchive(selection: Selection, outPath: string, opts: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (selection.problems.length > 0) {
    const [first] = selection.problems;
    const more = selection.problems.length > 1 ? ` (and ${selection.problems.length - 1} more)` : '';
    throw new Error(`cannot build the artifact: ${first.message}${more}`);
  }
  const target = path.resolve(outPath);
  const clash = selectedFileAt(selection, target);
  if (clash) throw new Error(`refusing to write ${target}: it is ${clash}, one of the files going into the artifact`);
  const temp = buildTempPath(target, randomBytes(6).toString('hex'));
  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(temp, 'wx');
  } catch (error) {
    throw new Error(`cannot write ${target}: ${describe(error)}`);
  }
  const frames = new FrameWriter(file, opts.frameBytes ?? 2 * 1024 * 1024, opts.level ?? 3, opts.parallel ?? 2, opts.onFrameWritten);
  try {
    const digest = await writeTar(selection, frames, opts.signal);
    await file.close();
    await fs.promises.rename(temp, target);
    return {
      path: target,
      digest,
      bytes: frames.bytes,
      files: selection.files.length,
      inputBytes: selection.files.reduce((sum, f) => sum + f.size, 0),
      frames: frames.frames,
    };
  } catch (error) {
    await frames.abandon();
    await file.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    if (error instanceof ArchiveInputError) throw error;
    if (opts.signal?.aborted) throw new Error(`interrupted; ${target} was not written`);
    throw new Error(`cannot write ${target}: ${describe(error)}`);
  }
}

/** The selected path the output would overwrite (renaming over a source would destroy it), if any. */
function selectedFileAt(selection: Selection, target: string): string | undefined {
  let targetReal: string;
  let rootReal: string;
  try {
    targetReal = fs.realpathSync(target);
    rootReal = fs.realpathSync(selection.root);
  } catch {
    return undefined; // no file there yet, so nothing selected either
  }
  const rel = path.relative(rootReal, targetReal).split(path.sep).join('/');
  // Resolving 20,000 paths cost ~15 ms of a build: only a file of the output's name can be it.
  const name = path.basename(target);
  return selection.files.find((f) => f.path === rel || (f.absPath.endsWith(name) && path.resolve(f.absPath) === target))?.path;
}

async function writeTar(selection: Selection, frames: FrameWriter, signal: AbortSignal | undefined): Promise<string> {
  for (const file of selection.files) {
    signal?.throwIfAborted();
    await frames.write(fileHeader({ path: file.path, size: file.size, mode: file.executable ? 0o755 : 0o644 }));
    await copyFileInto(frames, file, signal);
    const pad = padding(file.size);
    if (pad > 0) await frames.write(END_OF_ARCHIVE.subarray(0, pad));
  }
  await frames.write(END_OF_ARCHIVE);
  return frames.finish();
}
