// One message and at most one action per failure kind; the command helpers turn it into a notification.
// Pure: the action names a VS Code command id, it does not run it.
import type { CliResult } from './types';

export interface FailureDescription {
  message: string;
  action?: { title: string; command: string };
  /** Set for kinds where the caller should offer to run the same call again (timed-out). */
  retryable?: boolean;
}

const FIRST_LINE_MAX = 300;

function firstLines(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The CLI's last `Error:` line is the most useful; fall back to the last line.
  const error = [...lines].reverse().find((l) => /^error\b/i.test(l)) ?? lines[lines.length - 1] ?? '';
  return error.length > FIRST_LINE_MAX ? `${error.slice(0, FIRST_LINE_MAX)}…` : error;
}

/** `what` names the action for the message, e.g. "Publishing release". Undefined for `ok` and `cancelled`. */
export function describeFailure(result: CliResult<unknown>, what = 'The Tilebox CLI call'): FailureDescription | undefined {
  switch (result.kind) {
    case 'ok':
    case 'cancelled':
      return undefined;
    case 'not-found':
      return {
        message: `${what} failed: the tilebox CLI was not found${result.searched.length ? ` (looked in ${result.searched.slice(0, 3).join(', ')}${result.searched.length > 3 ? ', …' : ''})` : ''}. Install it with "curl -fsSL https://install.tilebox.com/cli.sh | sh" or set its path.`,
        action: { title: 'Install or Set CLI Path…', command: 'tilebox.cli.setPath' },
      };
    case 'not-authenticated':
      return {
        message: `${what} failed: the Tilebox API key is missing or was rejected${result.stderr ? ` (${firstLines(result.stderr)})` : ''}.`,
        action: { title: 'Set API Key', command: 'tilebox.account.setApiKey' },
      };
    case 'exited':
      return {
        message: `${what} failed (exit ${result.exitCode})${result.stderr ? `: ${firstLines(result.stderr)}` : '.'}`,
        action: { title: 'Show Output', command: 'tilebox.showOutput' },
      };
    case 'unparsable':
      return {
        message: `${what}: the tilebox CLI printed output this extension cannot read (${result.detail}). Is the CLI version supported?`,
        action: { title: 'Show Output', command: 'tilebox.showOutput' },
      };
    case 'timed-out':
      return {
        message: `${what} timed out after ${Math.round(result.timeoutMs / 1000)} s and was stopped.`,
        action: { title: 'Show Output', command: 'tilebox.showOutput' },
        retryable: true,
      };
  }
}
