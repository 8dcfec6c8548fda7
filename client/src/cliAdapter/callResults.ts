// What the CLI's write, account and version commands report (`--json`; keys partly undocumented, read tolerantly).
import type { TaskIdentifier } from './workflowTypes';

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
