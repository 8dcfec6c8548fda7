// Every diagnostic code a user can steer with `tilebox.diagnostics.severity` or
// `# tilebox: ignore`: the validator's, the artifact preview's (reported in the config) and the
// task checks' (reported in Python files). package.json lists the same codes for settings
// completion; test/server/lsp/steering.test.ts fails when the two drift apart.
import { DIAGNOSTIC_CODES } from '../config/index';
import { TASK_DIAGNOSTIC_CODES } from '../artifact/discovery/index';
import { ARTIFACT_DIAGNOSTIC_CODES } from '../artifact/preview/index';

export interface CodeInfo {
  code: string;
  description: string;
}

/** Codes that can appear in tilebox.workflow.toml, so they make sense in an ignore comment. */
export const CONFIG_FILE_CODES: readonly CodeInfo[] = [...DIAGNOSTIC_CODES, ...ARTIFACT_DIAGNOSTIC_CODES];

/** Codes other modules report in the config, for the validator's ignore-comment check. */
export const ARTIFACT_CODES: readonly string[] = ARTIFACT_DIAGNOSTIC_CODES.map((c) => c.code);

/** Every code, for the severity setting. */
export const ALL_DIAGNOSTIC_CODES: readonly CodeInfo[] = [...CONFIG_FILE_CODES, ...TASK_DIAGNOSTIC_CODES];

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** Settings show descriptions as plain text: `code` spans become "code". */
const plain = (markdown: string) => markdown.replace(/`([^`]+)`/g, '"$1"');

/**
 * The key schema of `tilebox.diagnostics.severity` in package.json, generated from the code tables
 * (`npm run generate:settings`; test/server/lsp/steering.test.ts fails on drift). One property per code, so the
 * Settings UI offers every code with its description; `propertyNames` gives settings.json the same completion.
 */
export function severitySettingKeys(): Record<string, unknown> {
  return {
    properties: Object.fromEntries(
      ALL_DIAGNOSTIC_CODES.map((c) => [c.code, { type: 'string', enum: LEVELS, description: plain(c.description) }]),
    ),
    additionalProperties: false,
    propertyNames: {
      type: 'string',
      enum: ALL_DIAGNOSTIC_CODES.map((c) => c.code),
      enumDescriptions: ALL_DIAGNOSTIC_CODES.map((c) => plain(c.description)),
    },
  };
}
