// The job input as an editable JSON document (untitled, so nothing is written to disk): checked against the
// task's fields as it is typed (one diagnostic where the problem is), submitted with the editor-title button, the
// palette command or the notification's button; closing it cancels.
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../contributes';
import type { InputProblem } from './taskInput';

interface Pending {
  resolve(text: string | undefined): void;
  check(text: string): InputProblem | undefined;
  title: string;
}

export class InputDocuments implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private diagnostics?: vscode.DiagnosticCollection;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.commands.registerCommand(Commands.submitInputDocument, (uri?: vscode.Uri) =>
        this.submit(uri ?? vscode.window.activeTextEditor?.document.uri),
      ),
    ];
  }

  /** The listeners start with the first document: most sessions never open one. */
  private start(): vscode.DiagnosticCollection {
    if (this.diagnostics) return this.diagnostics;
    this.diagnostics = vscode.languages.createDiagnosticCollection('tilebox-job-input');
    this.subscriptions.push(
      this.diagnostics,
      vscode.workspace.onDidChangeTextDocument((e) => this.validate(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.finish(doc.uri, undefined)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
    return this.diagnostics;
  }

  async edit(title: string, initial: string, check: Pending['check']): Promise<string | undefined> {
    this.start();
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: initial });
    await vscode.window.showTextDocument(doc, { preview: false });
    const done = new Promise<string | undefined>((resolve) => this.pending.set(doc.uri.toString(), { resolve, check, title }));
    this.validate(doc);
    this.updateContext();
    void this.offerSubmit(doc.uri);
    return done;
  }

  private async offerSubmit(uri: vscode.Uri): Promise<void> {
    const p = this.pending.get(uri.toString());
    if (!p) return;
    const choice = await vscode.window.showInformationMessage(
      `${p.title}: edit the JSON, then submit it (or close the document to cancel).`,
      'Submit',
      'Cancel',
    );
    if (choice === 'Submit') await this.submit(uri);
    else if (choice === 'Cancel') await this.close(uri, undefined);
  }

  async submit(uri: vscode.Uri | undefined): Promise<void> {
    const p = uri && this.pending.get(uri.toString());
    const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!p || !doc) {
      void vscode.window.showWarningMessage('This editor is not a job input waiting to be submitted: start with "Tilebox: Submit Job…".');
      return;
    }
    const problem = p.check(doc.getText());
    if (problem) {
      void vscode.window.showErrorMessage(`The input was not submitted: ${problem.message}`);
      void this.offerSubmit(doc.uri);
      return;
    }
    await this.close(doc.uri, doc.getText());
  }

  /** Resolves first, then closes the untitled editor without a save prompt (revert, then close, as the active one). */
  private async close(uri: vscode.Uri, text: string | undefined): Promise<void> {
    this.finish(uri, text);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.isClosed) return;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }

  private finish(uri: vscode.Uri, text: string | undefined): void {
    const p = this.pending.get(uri.toString());
    if (!p) return;
    this.pending.delete(uri.toString());
    this.diagnostics?.delete(uri);
    this.updateContext();
    p.resolve(text);
  }

  private validate(doc: vscode.TextDocument): void {
    const p = this.pending.get(doc.uri.toString());
    if (!p) return;
    const problem = p.check(doc.getText());
    this.diagnostics?.set(
      doc.uri,
      problem ? [new vscode.Diagnostic(rangeOf(doc, problem), problem.message, vscode.DiagnosticSeverity.Error)] : [],
    );
  }

  private updateContext(): void {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    void vscode.commands.executeCommand('setContext', ContextKeys.editingJobInput, !!active && this.pending.has(active));
  }

  dispose(): void {
    for (const p of this.pending.values()) p.resolve(undefined);
    this.pending.clear();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** Where a problem goes: at the field's key, at the JSON error's offset, else the first line. */
function rangeOf(doc: vscode.TextDocument, problem: InputProblem): vscode.Range {
  const text = doc.getText();
  const start = problem.field !== undefined ? text.indexOf(JSON.stringify(problem.field)) : (problem.offset ?? -1);
  if (start >= 0) {
    const end = problem.field !== undefined ? start + JSON.stringify(problem.field).length : start + 1;
    return new vscode.Range(doc.positionAt(start), doc.positionAt(Math.min(end, text.length)));
  }
  return doc.lineAt(0).range;
}
