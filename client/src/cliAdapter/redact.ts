// Secrets never reach a log line: `--api-key` values (both `--api-key X` and `--api-key=X`) and the key's value
// wherever it appears (e.g. echoed in stderr).
export const REDACTED = '***';

export function redactArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--api-key' && i + 1 < args.length) {
      out.push(a, REDACTED);
      i++;
    } else out.push(a.startsWith('--api-key=') ? `--api-key=${REDACTED}` : a);
  }
  return out;
}

export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  return out.replace(/(--api-key[= ])\S+/g, `$1${REDACTED}`);
}

/** A command line for the log: arguments with spaces or quotes are quoted. */
export function formatCommand(args: readonly string[]): string {
  return ['tilebox', ...redactArgs(args)].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}
