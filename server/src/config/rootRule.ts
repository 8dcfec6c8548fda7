// The one rule for `[workflow].root`: a folder inside the folder of tilebox.workflow.toml, reached
// without `..`, not absolute, and still inside once symbolic links are followed. The validator turns
// a refusal into the root diagnostic; artifact/rootGate.ts turns it into "no file work at all".
import { climbsOut, hasParentSegment, isAbsolutePath, normalizeRel } from './paths';
import type { FileFacts } from './types';

export type RootCode = 'root-absolute' | 'root-outside-project' | 'root-not-found' | 'root-not-directory';
export interface RootRefusal {
  code: RootCode;
  message: string;
}

/** What the text alone says (the cross-field stage): absolute, climbing out, or any `..` segment. */
export function rootTextRefusal(root: string): RootRefusal | undefined {
  // `C:x` is relative on POSIX, but on Windows it leaves the folder: refused like any drive path.
  if (isAbsolutePath(root) || /^[A-Za-z]:/.test(root)) {
    return {
      code: 'root-absolute',
      message: `root must be relative to the folder of tilebox.workflow.toml, not an absolute path like "${root}". Use "." for that folder or a subfolder such as "src".`,
    };
  }
  if (climbsOut(root)) {
    return {
      code: 'root-outside-project',
      message: `root "${root}" leaves the folder of tilebox.workflow.toml; build paths must stay inside it. Use "." or a subfolder.`,
    };
  }
  if (hasParentSegment(root)) return { code: 'root-outside-project', message: parentSegmentMessage('root', root) };
  return undefined;
}

/** What the files say (the files stage), for a root the text rule accepts: a folder, and not a link out. */
export function rootFileRefusal(root: string, facts: Pick<FileFacts, 'isDirectory' | 'isFile' | 'realPath'>): RootRefusal | undefined {
  const rel = normalizeRel(root);
  if (rel === '.') return undefined;
  if (!facts.isDirectory(rel)) {
    return facts.isFile(rel)
      ? {
          code: 'root-not-directory',
          message: `root "${root}" is a file; it must be the folder that holds your project files (often ".").`,
        }
      : {
          code: 'root-not-found',
          message: `The folder "${root}" does not exist next to tilebox.workflow.toml. Create it or set root = ".".`,
        };
  }
  const leadsTo = facts.realPath(rel);
  if (leadsTo === undefined)
    return {
      code: 'root-not-found',
      message: `The folder "${root}" does not exist next to tilebox.workflow.toml. Create it or set root = ".".`,
    };
  if (isAbsolutePath(leadsTo) || climbsOut(leadsTo)) {
    return {
      code: 'root-outside-project',
      message: `root "${root}" leads outside the project folder through a symbolic link (to ${leadsTo}); build paths must stay inside the folder of tilebox.workflow.toml. Use "." or a subfolder that is not a link to elsewhere.`,
    };
  }
  return undefined;
}

/** Both rules in the validator's order: what blocks every file-aware feature. */
export function rootRefusal(root: string, facts: Pick<FileFacts, 'isDirectory' | 'isFile' | 'realPath'>): RootRefusal | undefined {
  return rootTextRefusal(root) ?? rootFileRefusal(root, facts);
}

/** `src/../lib` stays inside, but the build (and the JSON schema) refuse every ".." segment. */
export function parentSegmentMessage(key: string, p: string): string {
  return `${key} "${p}" goes through "..", which the build refuses even when the path stays inside the root. Write "${normalizeRel(p)}" instead.`;
}
