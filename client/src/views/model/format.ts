// Small text formats shared by the view models. Pure.
export { shortId } from '../../cliAdapter/validate';

/** "just now", "5 min ago", "3 h ago", "2 d ago"; undefined for a missing or unreadable time. */
export function age(iso: string | undefined, now: number): string | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  if (s < 60 * 86_400) return `${Math.round(s / 86_400)} d ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** Duration between two ISO times ("1 h 3 min", "42 s"), or undefined when either is missing. */
export function between(start: string | undefined, end: string | undefined): string | undefined {
  const a = start ? Date.parse(start) : NaN;
  const b = end ? Date.parse(end) : NaN;
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return undefined;
  return duration((b - a) / 1000);
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

/** A text progress bar for Markdown tooltips: `████░░░░░░ 40 % (4/10)`. */
export function progressBar(done: number, total: number, width = 10): string {
  if (!(total > 0)) return `${done} done`;
  const ratio = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(ratio * 100)} % (${done}/${total})`;
}

/** Escapes text for a MarkdownString (CLI values may contain `*`, `_`, `[`, `<`…). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
