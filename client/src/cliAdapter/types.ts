// The contract of the tilebox CLI adapter: domain types read from `--json` output, the
// failure kinds every call can end in, and the shape of a call. Pure: no `vscode` import.

import type { TaskIdentifier } from '@shared';

export type { TaskIdentifier };

export interface Release {
  id: string;
  createdAt?: string;
  digest?: string;
  fingerprint?: string;
  tasks: TaskIdentifier[];
  /** Slugs of the clusters this release is deployed on. */
  clusters: string[];
  runnerObjectPath?: string;
}

export interface Workflow {
  slug: string;
  name: string;
  description?: string;
  /** Newest first. */
  releases: Release[];
}

export interface ClusterDeployment {
  workflowSlug: string;
  workflowName?: string;
  release: Release;
}

export interface Cluster {
  slug: string;
  displayName: string;
  deletable: boolean;
  /** The team's default cluster ([INFER] the API's protected cluster: `deletable: false`). */
  isDefault: boolean;
  deployments: ClusterDeployment[];
}

export type JobState = 'submitted' | 'running' | 'started' | 'completed' | 'failed' | 'canceled' | 'unknown';
export type TaskState = 'queued' | 'running' | 'computed' | 'failed' | 'skipped' | 'failed_optional' | 'unknown';

export interface TaskSummary {
  id: string;
  display: string;
  state: TaskState;
  parentId?: string;
  startedAt?: string;
  stoppedAt?: string;
  /** Identifier when the CLI reports it (not in every version's output). */
  identifier?: TaskIdentifier;
  /** Ids of tasks this one waits for; only when the CLI reports `depends_on` (the contract's summaries lack it). */
  dependsOn?: string[];
}

export interface ProgressIndicator {
  label: string;
  total: number;
  done: number;
}

export interface ExecutionStats {
  firstTaskStartedAt?: string;
  lastTaskStoppedAt?: string;
  computeTime?: string;
  elapsedTime?: string;
  parallelism?: number;
  totalTasks?: number;
  tasksByState: Record<string, number>;
}

export interface Job {
  id: string;
  name: string;
  state: JobState;
  submittedAt?: string;
  clusterSlug?: string;
  taskSummaries: TaskSummary[];
  progress: ProgressIndicator[];
  executionStats?: ExecutionStats;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface LogLine {
  time?: string;
  severity?: string;
  body: string;
}

export interface PublishResult {
  releaseId: string;
  message?: string;
  fingerprint?: string;
  tasks: TaskIdentifier[];
}

export interface Account {
  userName?: string;
  email?: string;
  organizationName?: string;
}

/** Every way a CLI call can end. The UI maps each non-ok kind to one message with one action. */
export type CliResult<T> =
  | { kind: 'ok'; value: T; warnings: string[] }
  | { kind: 'not-found'; searched: string[] }
  | { kind: 'not-authenticated'; stderr: string }
  | { kind: 'exited'; exitCode: number; stderr: string }
  | { kind: 'unparsable'; detail: string; stdout: string }
  | { kind: 'timed-out'; timeoutMs: number }
  | { kind: 'cancelled' };

/** What a parser returns: a value (with notes on missing optional fields) or why the output is unusable. */
export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; detail: string };

/** A CLI call as data: the arguments (without the binary, `--json` included) and how to read stdout. */
export interface CliCall<T> {
  args: string[];
  parse(stdout: string): Parsed<T>;
  /** Reads may be shared between identical concurrent calls; writes never are. */
  kind: 'read' | 'write';
  /** Overrides the runner's default timeout (publish and build take longer). */
  timeoutMs?: number;
}

// ---- Added with the adapter implementation (additive only). ----

/** `workflow init --json`. */
export interface InitResult {
  workflowSlug: string;
}

/** `workflow build-release --json` (keys undocumented; read tolerantly). */
export interface BuildResult {
  fingerprint?: string;
  digest?: string;
  artifactPath?: string;
  tasks: TaskIdentifier[];
  /** File paths in the artifact, flattened from the `files` tree (directories end with `/`). */
  files: string[];
}

/** `deploy-release` / `undeploy-release --json` (undocumented; [INFER] `{release, clusters}`). */
export interface DeployResult {
  releaseId?: string;
  clusters: string[];
}

/** `job submit --json`. */
export interface SubmitResult {
  jobId: string;
}

/** `job retry --json` ([INFER] `num_tasks_rescheduled`). */
export interface RetryResult {
  numTasksRescheduled?: number;
}

/** `tilebox --version` (plain text). */
export interface VersionInfo {
  version: string;
  raw: string;
}

/** Where the CLI binary is, or every place that was looked at. */
export type LocateResult = { path: string } | { searched: string[] };

/** A failed CliResult: every kind except `ok`. */
export type CliFailure = Exclude<CliResult<unknown>, { kind: 'ok' }>;
