// Loading, empty and error rows. An error row says what failed and, when there is one, runs the fix on click
// (install/set path, set key, show output), so a view never goes blank or silent.
import { describeFailure } from '../../cliAdapter/describe';
import type { CliFailure } from '../../cliAdapter/types';
import { type ItemModel, messageItem, type MessageKind } from '../model/item';
import { TreeNode } from './TreeNode';

export class MessageNode extends TreeNode {
  readonly model: ItemModel;

  constructor(kind: MessageKind, text: string, parentId: string, detail?: string, command?: ItemModel['command']) {
    super();
    this.model = { ...messageItem(kind, text, parentId, detail), command };
  }

  static failure(result: CliFailure, what: string, parentId: string): MessageNode {
    const d = describeFailure(result, what);
    const message = d?.message ?? `${what} failed.`;
    const short = message.length > 80 ? `${message.slice(0, 77)}…` : message;
    const command = d?.action ? { command: d.action.command, title: d.action.title } : undefined;
    const detail = d?.action ? `${message}\n\nClick: ${d.action.title}` : message;
    return new MessageNode('error', short, parentId, detail, command);
  }
}
