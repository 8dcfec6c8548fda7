// Parsers from the CLI's documented snake_case `--json` output (contract §2) to the adapter's types, one import
// for all: the small outputs here, the rest re-exported from a file per kind of output.
// Tolerant: unknown fields are ignored, camelCase aliases accepted, lists may be bare or wrapped.
import { isObj, obj, optNum, optStr, reqStr } from './json';
import { parseOptional, parseWith } from './parseWith';
import type { Account, InitResult, Parsed, RetryResult, SubmitResult, VersionInfo } from './types';

export { parseCluster, parseClusterList } from './parseCluster';
export { parseJob, parseJobPage } from './parseJob';
export { parseLogPage } from './parseLogPage';
export { parseBuild, parseDeploy, parsePublish } from './parseReleaseCommands';
export { parseWorkflow, parseWorkflowCreated, parseWorkflowList } from './parseWorkflow';

/** `tilebox --version`: plain text such as `tilebox version 0.5.0`. */
export function parseVersion(stdout: string): Parsed<VersionInfo> {
  const raw = stdout.trim();
  const m = /(\d+\.\d+\.\d+[\w.+-]*)/.exec(raw);
  return m
    ? { ok: true, value: { version: m[1], raw }, warnings: [] }
    : { ok: false, detail: `no version number in ${JSON.stringify(raw.slice(0, 80))}` };
}

export const parseAccount = (s: string): Parsed<Account> =>
  parseWith(s, (j) => {
    const o = obj(j, '');
    return {
      userName: optStr(o, 'user_name', 'userName'),
      email: optStr(o, 'email'),
      organizationName: optStr(o, 'organization_name', 'organizationName'),
    };
  });

export const parseInit = (s: string): Parsed<InitResult> =>
  parseWith(s, (j) => ({ workflowSlug: reqStr(obj(j, ''), '', 'workflow_slug', 'slug') }));

export const parseSubmit = (s: string): Parsed<SubmitResult> =>
  parseWith(s, (j) => {
    const o = obj(j, '');
    return { jobId: reqStr(isObj(o.job) ? o.job : o, isObj(o.job) ? 'job' : '', 'id') };
  });

export const parseRetry = (s: string): Parsed<RetryResult> =>
  parseOptional(s, (j) => ({ numTasksRescheduled: isObj(j) ? optNum(j, 'num_tasks_rescheduled', 'numTasksRescheduled') : undefined }));

/** Commands whose output does not matter (cancel, delete): any JSON or nothing. */
export const parseIgnored = (s: string): Parsed<void> => parseOptional(s, () => undefined);
