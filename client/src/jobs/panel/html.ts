// Escaping for the job panel's HTML: every CLI value (names, log lines, errors) goes through `esc`. Pure.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A tag's attributes from a record; undefined and false leave the attribute out, true writes it bare. */
export function attrs(a: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(String(v))}"`))
    .join('');
}
