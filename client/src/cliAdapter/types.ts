// The contract of the tilebox CLI adapter in one import: the domain types read from `--json` output, the failure
// kinds every call can end in, and the shape of a call. Pure: no `vscode` import.
export type * from './callResults';
export type * from './cliCall';
export type * from './jobTypes';
export type * from './workflowTypes';
