// The editor-independent description of one tree item. Node classes turn it into a vscode.TreeItem;
// the mapping from CLI data to ItemModel is pure and unit-tested.

export interface IconModel {
  /** A codicon id (`pass`, `error`, `sync~spin`…). */
  id: string;
  /** A theme color id (`testing.iconFailed`…). */
  color?: string;
}

export interface ItemModel {
  /** Stable across reloads, unique in its view (keeps selection and expansion). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: IconModel;
  /** Space-separated capability tokens matched by `viewItem =~ /\btoken\b/` in menus. */
  contextValue?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Command run on click. */
  command?: { command: string; title: string; arguments?: unknown[] };
}

export type MessageKind = 'loading' | 'empty' | 'error';

/** Loading, empty and error rows: a view never goes blank. */
export function messageItem(kind: MessageKind, text: string, parentId: string, detail?: string): ItemModel {
  const icon: IconModel =
    kind === 'error' ? { id: 'warning', color: 'list.warningForeground' } : kind === 'loading' ? { id: 'loading~spin' } : { id: 'info' };
  return {
    id: `${parentId}/${kind}`,
    label: text,
    tooltip: detail,
    icon,
    contextValue: kind === 'error' ? 'message error' : `message ${kind}`,
    collapsible: 'none',
  };
}
