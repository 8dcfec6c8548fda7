// `preview`: what a release of a project would contain, without an editor, as text or as JSON.
import { formatBytes } from '../shared/formatBytes';
import { fail, load, parseArgs, problemLine } from './artifactCommand';
import { findTasks, type PreviewJson } from './previewJson';
import { jsonPieces, writeStreamed } from './streamedOutput';

export async function runPreview(args: string[]): Promise<number> {
  const parsed = parseArgs('preview', args, false);
  if (typeof parsed === 'number') return parsed;
  const loaded = await load('preview', parsed.dir);
  if (!('selection' in loaded)) return loaded.code;
  const { selection } = loaded;
  // A selection that cannot be built (a link leaving the root, a FIFO...) is a failure: one line
  // on stderr and nothing on stdout, so a script never mistakes it for a usable preview.
  if (selection.problems.length > 0) return fail('preview', problemLine(loaded.project, selection));
  const { tasks, runners } = await findTasks(selection);
  // Exactly the documented shape, nothing more.
  const result: PreviewJson = {
    root: selection.root,
    files: selection.files.map(({ path: p, size }) => ({ path: p, size })),
    excluded: selection.excluded.map(({ path: p, reason }) => ({ path: p, reason })),
    totalBytes: selection.totalBytes,
    tasks,
    runners,
  };
  await writeStreamed(parsed.json ? jsonPieces(result) : previewText(result));
  return 0;
}

function* previewText(p: PreviewJson): Generator<string> {
  yield `artifact root ${p.root}: ${p.files.length} files, ${formatBytes(p.totalBytes)}\n`;
  for (const f of p.files) yield `  ${formatBytes(f.size).padStart(9)}  ${f.path}\n`;
  if (p.excluded.length) yield `\nexcluded (${p.excluded.length}):\n`;
  for (const e of p.excluded) yield `  ${e.path}  (${e.reason})\n`;
  yield `\ntasks (found statically, best effort): ${p.tasks.length}\n`;
  for (const t of p.tasks)
    yield `  ${t.computed ? `${t.class} (identifier computed at run time)` : `${t.name} ${t.version}`}  ${t.file}:${t.line}\n`;
  yield `\nrunners (found statically): ${p.runners.length}\n`;
  for (const r of p.runners)
    yield `  ${r.path}  ${r.computed ? 'tasks computed at run time' : `${r.tasks.length} tasks`}  ${r.file}:${r.line}\n`;
}
