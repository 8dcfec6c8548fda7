// Asking for a value that must read right: the reader's complaint shows while the user types, and the answer is
// read once more after, since a Ui may not honour `validate` and nothing invalid may reach the CLI or a terminal.
import { answered, Problem } from './flow';
import type { InputOptions, Ui } from './ui';

/** What an answer reads as: its value, or what is wrong with it. */
export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

export async function askValid<T>(
  ui: Pick<Ui, 'input'>,
  options: Omit<InputOptions, 'validate'>,
  read: (text: string) => Reading<T>,
): Promise<T> {
  const complaint = (text: string) => {
    const r = read(text);
    return r.ok ? undefined : r.message;
  };
  const r = read(answered(await ui.input({ ...options, validate: complaint })));
  if (!r.ok) throw new Problem(`${options.title}: ${r.message}`);
  return r.value;
}

/** A check that returns a complaint or nothing, as a reader of the trimmed text. */
export const trimmedIf =
  (check: (text: string) => string | undefined) =>
  (text: string): Reading<string> => {
    const message = check(text);
    return message === undefined ? { ok: true, value: text.trim() } : { ok: false, message };
  };

/** A whole number from `min` to 999 (counts of runners and processes, retries). */
export const wholeNumber =
  (min: number) =>
  (text: string): Reading<number> =>
    /^\d{1,3}$/.test(text.trim()) && Number(text) >= min
      ? { ok: true, value: Number(text.trim()) }
      : { ok: false, message: `Write a whole number from ${min} to 999.` };
