// TEST DOUBLE plumbing: flag parsing against a per-command flag list (unknown flags are errors, like the real
// CLI), errors as `Error: ...` on stderr with an exit code, and JSON/human output.
export class CliError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

export function fail(message, code = 1) {
  throw new CliError(message, code);
}

/**
 * Parses `args` with `spec` = { flagName: 'value' | 'bool' } (short flags like `n` too). Returns
 * { flags, positional, rest } where `rest` is everything after `--`.
 */
export function parseFlags(args, spec) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return { flags, positional, rest: args.slice(i + 1) };
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(a);
    if (!m || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const [, name, inline] = m;
    const kind = spec[name];
    if (!kind) fail(`unknown flag: ${a.split('=')[0]}`, 2);
    if (kind === 'bool') {
      flags[name] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) fail(`flag needs an argument: --${name}`, 2);
    flags[name] = value;
  }
  return { flags, positional, rest: [] };
}

/** `--json` → compact JSON; otherwise a human line (or indented JSON when there is no human form). */
export function output(ctx, value, human) {
  process.stdout.write(ctx.json ? `${JSON.stringify(value)}\n` : `${human ?? JSON.stringify(value, null, 2)}\n`);
}
