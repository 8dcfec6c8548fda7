// Splits a typed command line into an argument array the way a POSIX shell would quote it, without
// expanding anything ($, *, ~ stay literal): the result is passed as argv, never to a shell.

export type SplitResult = { ok: true; args: string[] } | { ok: false; message: string };

export function splitArgs(line: string): SplitResult {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) current += line[++i];
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inArg = true;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) return { ok: false, message: 'The command ends with a lone backslash.' };
      current += line[++i];
      inArg = true;
    } else if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (quote) return { ok: false, message: `The command has an unclosed ${quote} quote.` };
  if (inArg) args.push(current);
  if (args.length === 0) return { ok: false, message: 'The command is empty.' };
  return { ok: true, args };
}
