// `build`: the release archive (.tar.zst) of a project without an editor, for CI and scripts.
import * as path from 'node:path';
import { formatBytes } from '../shared/formatBytes';
import { buildArchive } from '../artifact/archive';
import { exposedGc } from '../exposedGc';
import { fail, load, parseArgs, problemLine } from './artifactCommand';

export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseArgs('build', args, true);
  if (typeof parsed === 'number') return parsed;
  const loaded = await load('build', parsed.dir);
  if (!('selection' in loaded)) return loaded.code;
  const { project, selection } = loaded;
  if (selection.problems.length > 0) return fail('build', problemLine(project, selection));
  const out = parsed.out ? path.resolve(parsed.out) : path.join(selection.root, `${project.selectionConfig.slug}.tar.zst`);
  // Ctrl-C or a kill: stop, remove the temp file, report it in one line.
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const built = await buildArchive(selection, out, { signal: controller.signal, onFrameWritten: collectEvery(8) });
    const summary = { path: built.path, digest: built.digest, bytes: built.bytes, files: built.files };
    if (parsed.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else
      process.stdout.write(
        `built ${built.path}\n  ${built.files} files, ${formatBytes(built.inputBytes)} in, ${formatBytes(built.bytes)} out\n  sha256 ${built.digest}\n`,
      );
    return 0;
  } catch (error) {
    return fail('build', (error as Error).message);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Each compressed frame is a native buffer that V8 frees only at its next collection, and with
 * almost no JavaScript garbage that comes late: on 1 GB of input some 40 MB of written frames
 * waited for it. A full collection every `frames` frames (10-25 ms each, on the main thread) keeps
 * the peak near what is in flight; below FIRST_COLLECTION frames (64 MB of input) the compressed
 * frames waiting cannot add up to much, so a source-sized build pays for none.
 * Needs `gc`, exposed at run time; without it, nothing changes.
 */
const FIRST_COLLECTION = 32;
function collectEvery(frames: number): (() => void) | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  let written = 0;
  return () => {
    if (++written >= FIRST_COLLECTION && written % frames === 0) gc();
  };
}
