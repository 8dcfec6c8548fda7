// What the sidebar needs from a `tilebox.workflow.toml`: its slug and targets. Pure and tolerant: a file the
// user is halfway through editing gives what can be read plus a short reason (the language server has details).
import * as path from 'node:path';
import { parse } from 'smol-toml';
import type { Project } from '../services';

export type ProjectInfo = Pick<Project, 'slug' | 'targets' | 'error'>;

const isTable = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function readProjectInfo(text: string): ProjectInfo {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    const first = String((e as Error).message ?? e).split('\n')[0];
    return { targets: [], error: `Not valid TOML: ${first}` };
  }
  const workflow = isTable(doc.workflow) ? doc.workflow : undefined;
  const slug = typeof workflow?.slug === 'string' && workflow.slug.trim() ? workflow.slug.trim() : undefined;
  const targets: Project['targets'] = [];
  if (isTable(doc.targets)) {
    for (const [name, t] of Object.entries(doc.targets)) {
      const clusters = isTable(t) && Array.isArray(t.clusters) ? t.clusters.filter((c): c is string => typeof c === 'string') : [];
      targets.push({ name, clusters });
    }
  }
  return { slug, targets, error: slug ? undefined : 'No [workflow].slug' };
}

/** Label: the folder relative to its workspace folder; prefixed with the folder name in multi-root workspaces. */
export function projectLabel(dir: string, folders: readonly { name: string; path: string }[]): string {
  const folder = folders
    .filter((f) => dir === f.path || dir.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!folder) return path.basename(dir);
  const rel = path.relative(folder.path, dir).split(path.sep).join('/');
  if (folders.length > 1) return rel ? `${folder.name}/${rel}` : folder.name;
  return rel || folder.name;
}

/** The project a file belongs to: the innermost project folder containing it. */
export function projectForFile(projects: readonly Project[], file: string): Project | undefined {
  return projects
    .filter((p) => file === p.dir || file.startsWith(p.dir.endsWith(path.sep) ? p.dir : p.dir + path.sep))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** Projects in picker order: the last picked first, then by label. */
export function pickOrder(projects: readonly Project[], lastDir: string | undefined): Project[] {
  const sorted = [...projects].sort((a, b) => a.label.localeCompare(b.label));
  const last = sorted.findIndex((p) => p.dir === lastDir);
  if (last > 0) sorted.unshift(...sorted.splice(last, 1));
  return sorted;
}

/**
 * The active project: the active editor's, else the last picked (if it still exists), else the only one. A
 * project picked since the editor last changed (`preferPicked`) wins over the editor's: the user just chose it.
 */
export function activeProject(
  projects: readonly Project[],
  editorFile: string | undefined,
  lastDir: string | undefined,
  preferPicked = false,
): Project | undefined {
  const picked = projects.find((p) => p.dir === lastDir);
  if (preferPicked && picked) return picked;
  return (editorFile ? projectForFile(projects, editorFile) : undefined) ?? picked ?? (projects.length === 1 ? projects[0] : undefined);
}
