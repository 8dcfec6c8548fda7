// The small slice of the editor UI that command flows use. Flows take a `Ui` instead of
// importing `vscode`, so they run in plain Node tests with a scripted fake.

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface PickOptions {
  placeHolder?: string;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  /** Returns an error message for a value that must not be accepted. */
  validate?(value: string): string | undefined;
}

export interface ConfirmOptions {
  message: string;
  /** Every warning for this action, in one dialog (one line each). */
  detail?: string;
  /** Label of the button that goes ahead. */
  action: string;
  /**
   * Label of the button that does nothing, in place of the dialog's own "Cancel" (which would sit next to
   * "Cancel Job" and read as the opposite).
   */
  dismiss?: string;
}

export type Level = 'info' | 'warning' | 'error';

export interface Ui {
  pick<T>(title: string, items: PickItem<T>[], options?: PickOptions): Promise<T | undefined>;
  pickMany<T>(title: string, items: PickItem<T>[], options?: PickOptions): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal confirmation; true only when the user pressed `action`. */
  confirm(options: ConfirmOptions): Promise<boolean>;
  notify(level: Level, message: string, actions?: string[]): Promise<string | undefined>;
  /** Runs `work` under a cancellable progress notification. */
  progress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  pickFolder(title: string): Promise<string | undefined>;
  pickFile(title: string): Promise<string | undefined>;
  copy(text: string): Promise<void>;
  /** Opens a web page in the user's browser. */
  openExternal(url: string): Promise<void>;
}

/** A follow-up command a finished action offers ("Deploy…", "Submit Job…"). */
export interface NextStep {
  title: string;
  command: string;
  args?: unknown[];
}

/** What a flow ends with: one message and the obvious next commands. */
export interface Outcome {
  level: Level;
  message: string;
  next: NextStep[];
}

export const outcome = (message: string, next: NextStep[] = [], level: Level = 'info'): Outcome => ({
  level,
  message,
  next,
});
