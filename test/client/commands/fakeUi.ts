// A scripted Ui for command-flow tests: each call takes the next answer, checks it is the kind of
// question expected, and records what was asked (titles, confirmation texts, notifications).
import type { ConfirmOptions, InputOptions, Level, PickItem, Ui } from '../../../client/src/commands/ui';

export type Answer =
  | { pick: string } // the item whose label or description contains this text
  | { pickMany: string[] }
  | { input: string | null } // null: accept the offered value
  | { confirm: boolean }
  | { folder: string }
  | { file: string }
  | { escape: true };

export interface Asked {
  kind: string;
  title: string;
  items?: string[];
  /** Descriptions of the items, in order (a pick item's second column). */
  descriptions?: (string | undefined)[];
  /** For multi-picks: the items offered already ticked. */
  picked?: string[];
  /** For inputs: what `validate` said about the answer (the real input box would not accept it). */
  validation?: string;
  confirm?: ConfirmOptions;
}

export class FakeUi implements Ui {
  readonly asked: Asked[] = [];
  readonly notified: { level: Level; message: string; actions: string[] }[] = [];
  readonly copied: string[] = [];
  readonly opened: string[] = [];

  constructor(private readonly script: Answer[] = []) {}

  private next(kind: string, title: string): Answer {
    const a = this.script.shift();
    if (!a) throw new Error(`unexpected ${kind}: "${title}" (script is empty)`);
    if ('escape' in a) return a;
    if (!(kind in a)) throw new Error(`asked ${kind} "${title}" but the script answers ${JSON.stringify(a)}`);
    return a;
  }

  get remaining(): number {
    return this.script.length;
  }

  async pick<T>(title: string, items: PickItem<T>[]): Promise<T | undefined> {
    this.asked.push({ kind: 'pick', title, items: items.map((i) => i.label), descriptions: items.map((i) => i.description) });
    const a = this.next('pick', title);
    if ('escape' in a) return undefined;
    const want = (a as { pick: string }).pick;
    const found = items.find((i) => i.label.includes(want) || i.description?.includes(want));
    if (!found) throw new Error(`no item "${want}" in "${title}": ${items.map((i) => i.label).join(' | ')}`);
    return found.value;
  }

  async pickMany<T>(title: string, items: PickItem<T>[]): Promise<T[] | undefined> {
    this.asked.push({
      kind: 'pickMany',
      title,
      items: items.map((i) => i.label),
      picked: items.filter((i) => i.picked).map((i) => i.label),
    });
    const a = this.next('pickMany', title);
    if ('escape' in a) return undefined;
    const wants = (a as { pickMany: string[] }).pickMany;
    return items.filter((i) => wants.some((w) => i.label.includes(w) || i.description?.includes(w))).map((i) => i.value);
  }

  async input(o: InputOptions): Promise<string | undefined> {
    const a = this.next('input', o.title);
    const asked: Asked = { kind: 'input', title: o.title };
    this.asked.push(asked);
    if ('escape' in a) return undefined;
    const value = (a as { input: string | null }).input ?? o.value ?? '';
    asked.validation = o.validate?.(value);
    return value;
  }

  async confirm(o: ConfirmOptions): Promise<boolean> {
    this.asked.push({ kind: 'confirm', title: o.message, confirm: o });
    const a = this.next('confirm', o.message);
    return 'confirm' in a ? a.confirm : false;
  }

  async notify(level: Level, message: string, actions: string[] = []): Promise<string | undefined> {
    this.notified.push({ level, message, actions });
    return undefined;
  }

  /** Titles of the progress notifications shown. */
  readonly progressed: string[] = [];
  /** Set to press the progress notification's Cancel this long after the work started. */
  cancelProgressAfterMs?: number;

  progress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.progressed.push(title);
    const controller = new AbortController();
    if (this.cancelProgressAfterMs !== undefined) setTimeout(() => controller.abort(), this.cancelProgressAfterMs);
    return work(controller.signal);
  }

  async pickFolder(title: string): Promise<string | undefined> {
    this.asked.push({ kind: 'folder', title });
    const a = this.next('folder', title);
    return 'folder' in a ? a.folder : undefined;
  }

  async pickFile(title: string): Promise<string | undefined> {
    this.asked.push({ kind: 'file', title });
    const a = this.next('file', title);
    return 'file' in a ? a.file : undefined;
  }

  async copy(text: string): Promise<void> {
    this.copied.push(text);
  }

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}
