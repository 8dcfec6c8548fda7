// VS Code activates the extension for a palette command and runs that command as soon as activate() resolves,
// but the real handlers arrive a moment later with the lazily loaded bundle. Until then each contributed command
// is held: a call waits for its feature to finish loading, then runs the real handler.
import * as vscode from 'vscode';

export class CommandHolds implements vscode.Disposable {
  private readonly held = new Map<string, vscode.Disposable>();

  constructor(
    ids: readonly string[],
    private readonly loaded: Promise<unknown>,
  ) {
    for (const id of ids) {
      this.held.set(
        id,
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          await this.loaded.catch(() => undefined);
          // Still held means the feature never registered it: calling it again would only call this hold.
          if (this.held.has(id)) {
            void vscode.window.showErrorMessage(`Tilebox: "${id}" is not available; see the Tilebox output for why.`);
            return undefined;
          }
          return vscode.commands.executeCommand(id, ...args);
        }),
      );
    }
  }

  /** Frees the ids for their real handlers; call it right before registering them. */
  release(ids: readonly string[]): void {
    for (const id of ids) {
      this.held.get(id)?.dispose();
      this.held.delete(id);
    }
  }

  dispose(): void {
    this.release([...this.held.keys()]);
  }
}

/**
 * In an untrusted workspace the CLI commands are not loaded, yet the palette (before activation sets
 * `tilebox.untrusted`) and the walkthrough's buttons still call them: each says why and offers to manage trust
 * instead of ending in "command not found". Disposed when trust is granted, before the real handlers register.
 */
export function registerTrustRequired(ids: readonly string[]): vscode.Disposable {
  const manage = 'Manage Workspace Trust';
  return vscode.Disposable.from(
    ...ids.map((id) =>
      vscode.commands.registerCommand(id, async () => {
        const picked = await vscode.window.showWarningMessage(
          'Tilebox: this command runs the tilebox CLI, which stays off until you trust this workspace. Validation and the artifact preview work meanwhile.',
          manage,
        );
        if (picked === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      }),
    ),
  );
}
