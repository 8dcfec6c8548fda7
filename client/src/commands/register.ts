// The one wrapper every command goes through: logs the start, turns errors into one message
// (errors.ts), shows the outcome with its next steps, and aborts running flows on deactivate.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { classifyError } from './errors';
import type { Outcome, Ui } from './ui';

export type CommandHandler = (signal: AbortSignal, ...args: unknown[]) => Promise<Outcome | undefined | void>;

export class CommandRegistrar implements vscode.Disposable {
  private readonly running = new Set<AbortController>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly ui: Ui,
    /** Runs after a command ended without an error (the walkthrough ticks its step). */
    private readonly onSuccess: (id: string) => void = () => {},
  ) {}

  register(id: string, handler: CommandHandler): void {
    this.disposables.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const controller = new AbortController();
        this.running.add(controller);
        this.services.log.debug(`command ${id}`);
        try {
          const result = await handler(controller.signal, ...args);
          if (result) this.show(result);
          this.onSuccess(id);
        } catch (e) {
          this.report(id, e);
        } finally {
          this.running.delete(controller);
        }
      }),
    );
  }

  /** Shows an outcome without waiting for the user: the command is done, the buttons stay. */
  show(outcome: Outcome): void {
    void this.ui
      .notify(
        outcome.level,
        outcome.message,
        outcome.next.map((s) => s.title),
      )
      .then((choice) => {
        const step = outcome.next.find((s) => s.title === choice);
        if (step) void vscode.commands.executeCommand(step.command, ...(step.args ?? []));
      });
  }

  private report(id: string, e: unknown): void {
    const report = classifyError(e, id);
    switch (report.kind) {
      case 'silent':
        return;
      case 'failure':
        this.services.showFailure(report.failure.result, report.failure.what);
        return;
      case 'message':
        this.services.log.warn(`${id}: ${report.text}`);
        void vscode.window.showErrorMessage(report.text);
        return;
      case 'bug':
        this.services.log.error(`${report.text}\n${report.stack ?? ''}`);
        void vscode.window.showErrorMessage(report.text, 'Show Output').then((c) => c && this.services.log.show());
    }
  }

  dispose(): void {
    for (const c of this.running) c.abort();
    this.running.clear();
    for (const d of this.disposables) d.dispose();
  }
}
