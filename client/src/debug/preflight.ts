// Before a debug runner starts: does the interpreter exist, and does it have debugpy and tilebox-workflows? One
// message per problem with the exact install command (uv projects: `uv add`; Debian's own Python: apt; else pip).
// Pure: the caller runs PREFLIGHT_SCRIPT with the interpreter and passes what came back.

/** Prints one JSON line; find_spec imports no SDK code, so this stays fast. */
export const PREFLIGHT_SCRIPT = [
  'import importlib.util as u, json, sys',
  'def has(m):',
  '    try:',
  '        return u.find_spec(m) is not None',
  '    except Exception:',
  '        return False',
  'print(json.dumps({"python": sys.version.split()[0], "executable": sys.executable, "debugpy": has("debugpy"), "tilebox": has("tilebox.workflows")}))',
].join('\n');

export type PreflightRun = { kind: 'ran'; code: number | null; stdout: string; stderr: string } | { kind: 'not-found' };

export interface PreflightContext {
  python: string;
  /** Where the interpreter choice came from, for the message. */
  source: string;
  /** The project has a uv.lock (so `uv add` is how its environment changes). */
  usesUv: boolean;
  platform: NodeJS.Platform;
}

export type PreflightResult =
  | { ok: true; version: string }
  | {
      ok: false;
      message: string /** The command the action button copies, when there is one. */;
      command?: string;
      action: 'copy' | 'settings';
    };

const quote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);

function installCommand(pkg: 'debugpy' | 'tilebox-workflows', c: PreflightContext, executable: string): string {
  if (c.usesUv) return pkg === 'debugpy' ? 'uv add --dev debugpy' : 'uv add tilebox-workflows';
  // Debian's own interpreter refuses pip (PEP 668); its debugpy comes from apt.
  if (c.platform === 'linux' && /^\/usr\/bin\/python3(\.\d+)?$/.test(executable) && pkg === 'debugpy')
    return 'sudo apt-get install python3-debugpy';
  return `${quote(executable)} -m pip install ${pkg}`;
}

export function preflightResult(run: PreflightRun, c: PreflightContext): PreflightResult {
  const notFound = `No Python interpreter at "${c.python}" (from ${c.source}). Select one with "Python: Select Interpreter", create the project's .venv, or set tilebox.python.path.`;
  if (run.kind === 'not-found') return { ok: false, message: notFound, action: 'settings' };
  let facts: { python?: string; executable?: string; debugpy?: boolean; tilebox?: boolean } | undefined;
  try {
    facts = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
  } catch {
    facts = undefined;
  }
  if (run.code !== 0 || !facts) {
    const why = run.stderr.trim().split('\n').pop() || `exit code ${run.code}`;
    return {
      ok: false,
      message: `"${c.python}" (from ${c.source}) did not run as Python: ${why}. Select another interpreter or set tilebox.python.path.`,
      action: 'settings',
    };
  }
  const exe = facts.executable || c.python;
  const missing = !facts.debugpy ? 'debugpy' : !facts.tilebox ? 'tilebox-workflows' : undefined;
  if (missing) {
    const command = installCommand(missing, c, exe);
    const what = missing === 'debugpy' ? 'debugpy (the Python debugger)' : 'tilebox-workflows (the Tilebox Python SDK)';
    return {
      ok: false,
      message: `${what} is not installed in ${exe} (Python ${facts.python}, from ${c.source}). Install it: ${command}`,
      command,
      action: 'copy',
    };
  }
  return { ok: true, version: facts.python ?? '' };
}
