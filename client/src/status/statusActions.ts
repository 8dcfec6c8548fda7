// The quick pick behind a click on the status bar's project item: the release loop's commands for that project.
import type { Project } from '../services';

export interface StatusAction {
  label: string;
  description?: string;
  /** The command to run; absent for "Switch Project…", which the status bar handles itself. */
  command?: string;
}

/** The quick pick behind a click on the project item ("Switch Project…" only when there is a choice). */
export function statusActions(
  ids: { publish: string; deploy: string; submit: string; runner: string; output: string },
  project: Project | undefined,
  projectCount = 1,
): StatusAction[] {
  const target = project?.targets[0]?.name;
  return [
    ...(projectCount > 1 ? [{ label: '$(folder-library) Switch Project…', description: project?.label }] : []),
    { label: '$(cloud-upload) Publish Release', description: project?.slug, command: ids.publish },
    { label: '$(rocket) Deploy Release…', description: target ? `target ${target}` : undefined, command: ids.deploy },
    { label: '$(play) Submit Job…', command: ids.submit },
    { label: '$(server-process) Start Runner…', command: ids.runner },
    { label: '$(output) Show Output', command: ids.output },
  ];
}
