// Custom LSP messages between the client and the language server (part of the shared layer, `@shared`).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { TaskIdentifier } from './taskVersion';

export interface ArtifactFile {
  path: string;
  size: number;
}
export interface ExcludedFile {
  path: string;
  reason: string;
}
export interface DiscoveredTask {
  name: string;
  version: string;
  /** POSIX path relative to the artifact root. */
  file: string;
  /** 1-based line of the `class` statement. */
  line: number;
  className?: string;
  /** identifier() returns something only running Python could tell; name/version show its source text. */
  unresolved?: boolean;
  /** The task's input fields as the SDK serialises them (annotated, not ClassVar, not skip_serialization), MRO order. */
  fields?: TaskField[];
  /** The subtasks `execute` submits (`context.submit_subtask(X(...))`, `submit_subtasks([...])`). */
  subtasks?: SubtaskRef[];
  /** `module:object` of each Runner that registers this task. */
  runners?: string[];
}
export interface TaskField {
  name: string;
  type: string;
  default?: string;
}
/** `file`/`line`: where `execute` creates the subtask (`X(...)` in the submit call). */
export interface SubtaskRef {
  class: string;
  file: string;
  line: number;
  /** `depends_on`, `cluster`, `max_retries`, `optional` of the submit call as written, when given. */
  options?: Record<string, string>;
}
/** A module-level `Runner(tasks=[...])` found statically in the selected Python files. */
export interface DiscoveredRunner {
  file: string;
  line: number;
  variable: string;
  taskClassNames: string[];
  /** `module:object`, as `[workflow].runner` would name it. */
  path?: string;
  /** Its tasks list is computed (a call, a comprehension): `taskClassNames` is then only what could be read. */
  unresolved?: boolean;
}

export interface ArtifactPreview {
  /** Absolute path of the artifact root (`[workflow].root` resolved against the config's folder). */
  root: string;
  /** Files that go into the release, POSIX paths relative to root, sorted by byte order. */
  files: ArtifactFile[];
  /** Candidates that stay out, each with the rule that keeps it out. */
  excluded: ExcludedFile[];
  totalBytes: number;
  /** Found statically in the selected Python files (best effort, no Python run). */
  tasks: DiscoveredTask[];
  /** Runner objects found statically (optional: older servers leave it out). */
  runners?: DiscoveredRunner[];
  /** The config's `[workflow].slug`, for labels such as "In the release artifact of <slug>". */
  slug?: string;
  /** Set when no preview could be computed (for example a TOML syntax error); says why. */
  error?: string;
  /**
   * The files are known and the tasks are still being looked for (the first read of many Python files): `tasks` and
   * `runners` are empty for now, and an artifactChanged follows when they are found.
   */
  tasksPending?: boolean;
  /** Names this answer for a later `have` (unique to one server process; absent on previews with an error). */
  version?: string;
}

/**
 * The answer to a request that named the preview the client holds (`have`): everything but the file list is whole,
 * the file list is what changed against that preview (previewPatch.ts). A file event on a 20,000-file project
 * changes one entry; sending and parsing all of them again was most of the event's time.
 */
export interface ArtifactPreviewPatch extends Omit<ArtifactPreview, 'files' | 'tasks' | 'excluded'> {
  /** The `version` of the preview this applies to. */
  base: string;
  /**
   * Absent when the same as in the base: a file event on a project with 500 tasks changes none of them, and sending
   * them again (~120 KB) was most of what such an answer cost.
   */
  tasks?: DiscoveredTask[];
  excluded?: ExcludedFile[];
  version: string;
  /** Paths that left the file list, in byte order. */
  removed: string[];
  /** Entries that joined it or whose size changed, in byte order. */
  upserted: ArtifactFile[];
}

export interface ArtifactPreviewParams {
  uri: string;
  /** Walk the disk again instead of trusting the server's index (the refresh command: for file events that never came). */
  rewalk?: boolean;
  /** The `version`s of the previews the client holds (newest first): the server may answer with a patch against one. */
  have?: string[];
}

/** Ask the server what the artifact of one `tilebox.workflow.toml` holds right now. */
export const artifactPreviewRequest = new RequestType<ArtifactPreviewParams, ArtifactPreview | ArtifactPreviewPatch, void>(
  'tilebox/artifactPreview',
);

/** The server tells the client that a config's artifact changed (config edited or files changed). */
export const artifactChangedNotification = new NotificationType<{ uri: string }>('tilebox/artifactChanged');

/**
 * The Tilebox view of one Python file, for the lenses above Task classes and Runner objects. The server answers
 * `null` when no config's artifact selects the file (then the file gets no lenses at all).
 */
export interface PythonOutline {
  /** The `tilebox.workflow.toml` whose artifact selects this file. */
  configUri: string;
  /** Tasks declared in this file (`file` relative to that artifact's root, `line` 1-based, as in the preview). */
  tasks: DiscoveredTask[];
  /** Runner objects declared in this file. */
  runners: DiscoveredRunner[];
}
export interface PythonOutlineParams {
  uri: string;
}
export const pythonOutlineRequest = new RequestType<PythonOutlineParams, PythonOutline | null, void>('tilebox/pythonOutline');

/** One release deployed on one cluster, as the client's last `cluster list` reported it. */
export interface DeployedRelease {
  workflowSlug: string;
  cluster: string;
  releaseId: string;
  /** The task identifiers the release's Runner registers. */
  tasks: TaskIdentifier[];
}
export interface DeployedReleasesParams {
  releases: DeployedRelease[];
}
/**
 * The client's deployment data, sent whenever its cluster list refreshes (never when it is unknown): the server checks
 * the code's task identifiers against it (`task-retry-incompatible`). Nothing sent: no such check.
 */
export const deployedReleasesNotification = new NotificationType<DeployedReleasesParams>('tilebox/deployedReleases');
