// Task identifiers and the one rule of which registered task can run which submitted one. The client asks it
// about queued and retried jobs; the language server asks it whether an identifier change in the code strands
// the failed jobs of a deployed release. One rule in one place, so both always agree.

export interface TaskIdentifier {
  name: string;
  version: string;
}

const TASK_VERSION = /^v(\d+)\.(\d+)$/;

/** `v1.2` → {major: 1, minor: 2}; anything else (`1.2`, `v1`) → undefined. */
export function parseTaskVersion(s: string): { major: number; minor: number } | undefined {
  const m = TASK_VERSION.exec(s);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** A runner registering `registered` can run a task submitted as `submitted`: same name, same major, minor ≥. */
export function isCompatible(submitted: TaskIdentifier, registered: TaskIdentifier): boolean {
  if (submitted.name !== registered.name) return false;
  const s = parseTaskVersion(submitted.version);
  const r = parseTaskVersion(registered.version);
  return !!s && !!r && s.major === r.major && r.minor >= s.minor;
}
