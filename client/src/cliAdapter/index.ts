// The CLI adapter's public surface (pure: no `vscode` import).
export * from './types';
export * as calls from './calls';
export { locateCli, type LocateInput } from './locate';
export { TileboxCli, type TileboxCliOptions, type RunOptions } from './runCli';
export { describeFailure, type FailureDescription } from './describe';
export { collectPages, type CallRunner } from './pages';
export { isCompatible, explainQueuedJob, jobCluster, releasesOn, type Diagnosis } from './jobDiagnosis';
export { checkRetry } from './checkRetry';
export { isSlug, isUuid, shortId, isTaskVersion, parseTaskVersion, runnerStartArgs, parallelArgs, InvalidArgumentError } from './validate';
export { redactArgs, redactText, formatCommand } from './redact';
