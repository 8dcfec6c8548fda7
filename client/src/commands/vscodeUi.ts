// The Ui of command flows, on the real VS Code API.
import * as vscode from 'vscode';
import type { Ui } from './ui';

export const vscodeUi: Ui = {
  async pick(title, items, options) {
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, item: i })),
      { title, placeHolder: options?.placeHolder, ignoreFocusOut: true, matchOnDescription: true },
    );
    return chosen?.item.value;
  },
  async pickMany(title, items, options) {
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, picked: i.picked, item: i })),
      { title, placeHolder: options?.placeHolder, canPickMany: true, ignoreFocusOut: true, matchOnDescription: true },
    );
    return chosen?.map((c) => c.item.value);
  },
  input(o) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: o.title,
        prompt: o.prompt,
        value: o.value,
        placeHolder: o.placeHolder,
        password: o.password,
        ignoreFocusOut: true,
        validateInput: o.validate,
      }),
    );
  },
  async confirm(o) {
    // A close-affordance item replaces the modal's own "Cancel" button.
    const items: vscode.MessageItem[] = [{ title: o.action }, ...(o.dismiss ? [{ title: o.dismiss, isCloseAffordance: true }] : [])];
    const choice = await vscode.window.showWarningMessage(o.message, { modal: true, detail: o.detail }, ...items);
    return choice?.title === o.action;
  },
  notify(level, message, actions = []) {
    const show =
      level === 'error'
        ? vscode.window.showErrorMessage
        : level === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return Promise.resolve(show(message, ...actions));
  },
  progress(title, work) {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_p, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return work(controller.signal);
      }),
    );
  },
  async pickFolder(title) {
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Select Folder',
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0]?.fsPath;
  },
  async pickFile(title) {
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      openLabel: 'Select',
    });
    return picked?.[0]?.fsPath;
  },
  async copy(text) {
    await vscode.env.clipboard.writeText(text);
  },
  async openExternal(url) {
    await vscode.env.openExternal(vscode.Uri.parse(url));
  },
};
