// Typed mirror of package.json `contributes`: every command id, view id, setting key and context key the
// code uses. package.json stays the source of truth; test/client/contributes.test.ts fails when the two drift.
// Adding a command/view/setting? Add it to package.json AND here.

export const Commands = {
  // views helper
  refreshViews: 'tilebox.views.refresh',
  filterJobs: 'tilebox.jobs.filter',
  clearJobFilter: 'tilebox.jobs.clearFilter',
  loadMoreJobs: 'tilebox.jobs.loadMore',
  showCurrentProjectJobs: 'tilebox.jobs.showCurrentProjectOnly',
  showAllProjectJobs: 'tilebox.jobs.showAllProjects',
  showStatusActions: 'tilebox.status.showActions',
  showOutput: 'tilebox.output.show',
  // commands helper
  setApiKey: 'tilebox.account.setApiKey',
  clearApiKey: 'tilebox.account.clearApiKey',
  setCliPath: 'tilebox.cli.setPath',
  createProject: 'tilebox.project.create',
  buildRelease: 'tilebox.release.build',
  publishRelease: 'tilebox.release.publish',
  deployRelease: 'tilebox.release.deploy',
  undeployRelease: 'tilebox.release.undeploy',
  copyReleaseId: 'tilebox.release.copyId',
  submitJob: 'tilebox.job.submit',
  submitJobAgain: 'tilebox.job.submitAgain',
  /** Show Jobs lens: the Jobs view filtered to one task (hidden from the palette: it needs the task). */
  showTaskJobs: 'tilebox.task.showJobs',
  /** Submits the job-input JSON document being edited (its editor-title button). */
  submitInputDocument: 'tilebox.task.submitInput',
  showJob: 'tilebox.job.show',
  showJobLogs: 'tilebox.job.showLogs',
  loadMoreLogs: 'tilebox.job.loadMoreLogs',
  retryJob: 'tilebox.job.retry',
  cancelJob: 'tilebox.job.cancel',
  copyJobId: 'tilebox.job.copyId',
  startRunner: 'tilebox.runner.start',
  startDirectRunner: 'tilebox.runner.startDirect',
  // debugging helper (issue 14)
  debugTask: 'tilebox.task.debug',
  runTask: 'tilebox.task.run',
  debugFailedTask: 'tilebox.task.debugFailed',
  chooseDebugCluster: 'tilebox.debug.chooseCluster',
  /** The action describeFailure offers ("Show Output"); same as showOutput, hidden from the palette. */
  showOutputAlias: 'tilebox.showOutput',
  // discovery helper (artifact UI)
  showArtifactPreview: 'tilebox.artifact.showPreview',
  refreshArtifact: 'tilebox.artifact.refresh',
  openArchive: 'tilebox.artifact.openArchive',
  closeArchive: 'tilebox.artifact.closeArchive',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'tilebox',
  workflows: 'tilebox.views.workflows',
  clusters: 'tilebox.views.clusters',
  jobs: 'tilebox.views.jobs',
  artifact: 'tilebox.views.artifact',
  archive: 'tilebox.views.archive',
} as const;
export type ViewId = (typeof Views)[keyof typeof Views];

export const Settings = {
  cliPath: 'tilebox.cli.path',
  apiUrl: 'tilebox.apiUrl',
  cliTimeoutSeconds: 'tilebox.cli.timeoutSeconds',
  pollIntervalSeconds: 'tilebox.jobs.pollIntervalSeconds',
  onlyCurrentProject: 'tilebox.jobs.onlyCurrentProject',
  notifyOnCompletion: 'tilebox.jobs.notifyOnCompletion',
  diagnosticsSeverity: 'tilebox.diagnostics.severity',
  traceServer: 'tilebox.trace.server',
  explorerDecorations: 'tilebox.explorer.decorations',
  pythonPath: 'tilebox.python.path',
  pythonLenses: 'tilebox.lenses.python',
} as const;
export type SettingKey = (typeof Settings)[keyof typeof Settings];

/** Context keys set with `setContext` (welcome views and menus are keyed on them). */
export const ContextKeys = {
  untrusted: 'tilebox.untrusted',
  cliMissing: 'tilebox.cliMissing',
  noApiKey: 'tilebox.noApiKey',
  noProject: 'tilebox.noProject',
  multiProject: 'tilebox.multiProject',
  jobsFiltered: 'tilebox.jobs.filtered',
  archiveOpen: 'tilebox.archiveOpen',
  /** A submission from this editor can be repeated ("Submit Job Again"). */
  canSubmitAgain: 'tilebox.canSubmitAgain',
  /** The active editor is a job-input JSON document waiting to be submitted. */
  editingJobInput: 'tilebox.editingJobInput',
} as const;
/** The `type` of the Tilebox debugger (package.json `debuggers`). */
export const DEBUG_TYPE = 'tilebox';

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

/** The part after `tilebox.` of a setting key, for `workspace.getConfiguration('tilebox').get(...)`. */
export function settingName(key: SettingKey): string {
  return key.slice('tilebox.'.length);
}
