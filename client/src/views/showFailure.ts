// A failed CLI call the user asked for: one notification with at most one action (install/set path, set key,
// show output, or try again for a timeout) and one log line. Cancelled calls stay silent.
import * as vscode from 'vscode';
import { describeFailure } from '../tilebox/describe';
import type { CliFailure, CliResult } from '../tilebox/types';

export function makeShowFailure(log: vscode.LogOutputChannel, onFailure: (result: CliFailure) => void) {
  return (result: CliResult<unknown>, what: string): void => {
    if (result.kind === 'ok') return;
    onFailure(result);
    const d = describeFailure(result, what);
    if (!d) return;
    log.warn(`${what}: ${d.message}${result.kind === 'exited' ? `\n${result.stderr}` : ''}`);
    const action = d.action?.title;
    void vscode.window.showErrorMessage(d.message, ...(action ? [action] : [])).then((choice) => {
      if (choice && d.action) void vscode.commands.executeCommand(d.action.command);
    });
  };
}
