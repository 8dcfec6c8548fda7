// What a selection is: the files going into the artifact, the candidates left out and why, and what
// stops a build. Produced by select.ts, read by the archive, the preview and the headless commands.

export interface SelectedFile {
  /** POSIX, relative to the root. */
  path: string;
  size: number;
  executable: boolean;
  absPath: string;
  /** Modification time (ms): with path and size, the key of the per-file analysis cache. */
  mtimeMs: number;
  /** For a symbolic link: the file it leads to, relative to the root (POSIX). */
  linkTarget?: string;
}
export interface ExcludedCandidate {
  /** POSIX, relative to the root; a pruned folder ends with `/`. */
  path: string;
  reason: string;
}
export interface SelectionProblem {
  path: string;
  message: string;
}
export interface Selection {
  root: string;
  files: SelectedFile[];
  excluded: ExcludedCandidate[];
  totalBytes: number;
  problems: SelectionProblem[];
}
