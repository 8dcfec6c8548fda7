// The messages between the job panel's webview script (media/jobPanel.js) and the extension. Pure types.
import type { PanelAction } from './panelModel';

export type FromPanel =
  | { type: 'action'; action: PanelAction | 'copyId' | 'loadMore' }
  | { type: 'open'; file: string; line: number }
  | { type: 'filter'; task?: string }
  /** The page (re)loaded: a hidden panel's page is rebuilt from its first HTML when shown again. */
  | { type: 'ready' };

export type ToPanel = { type: 'render'; html: string } | { type: 'reveal'; section: 'logs' };

/** A message from the webview, checked: the page is ours, but a message is still only data. */
export function readMessage(m: unknown): FromPanel | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  const actions = ['retry', 'cancel', 'followLogs', 'startRunner', 'copyId', 'loadMore'];
  if (o.type === 'action' && typeof o.action === 'string' && actions.includes(o.action))
    return { type: 'action', action: o.action as never };
  if (o.type === 'open' && typeof o.file === 'string' && Number.isInteger(o.line))
    return { type: 'open', file: o.file, line: o.line as number };
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'filter') return { type: 'filter', task: typeof o.task === 'string' && o.task ? o.task : undefined };
  return undefined;
}
