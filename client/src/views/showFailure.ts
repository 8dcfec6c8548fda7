// A failed CLI call the user asked for: one notification with its fix as the action (install/set path, set key,
// show output), plus "Try Again" for a timeout when the caller can repeat the call, and one log line.
// Cancelled calls stay silent.
import * as vscode from 'vscode';
import { describeFailure } from '../cliAdapter/describe';
import type { CliFailure, CliResult } from '../cliAdapter/types';

const TRY_AGAIN = 'Try Again';

export function makeShowFailure(log: vscode.LogOutputChannel, onFailure: (result: CliFailure) => void) {
  return (result: CliResult<unknown>, what: string, retry?: () => void): void => {
    if (result.kind === 'ok') return;
    onFailure(result);
    const d = describeFailure(result, what);
    if (!d) return;
    log.warn(`${what}: ${d.message}${result.kind === 'exited' ? `\n${result.stderr}` : ''}`);
    const actions = [...(d.retryable && retry ? [TRY_AGAIN] : []), ...(d.action ? [d.action.title] : [])];
    void vscode.window.showErrorMessage(d.message, ...actions).then((choice) => {
      if (choice === TRY_AGAIN) retry?.();
      else if (choice && d.action) void vscode.commands.executeCommand(d.action.command);
    });
  };
}
