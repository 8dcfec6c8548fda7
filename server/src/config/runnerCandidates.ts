// Runner candidates for completion: every top-level `name = Runner(...)` in the project's
// Python files, as the `<module>:<name>` import path `runner = "..."` expects.

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=\s*(?:[A-Za-z_][A-Za-z0-9_]*\.)*Runner\s*\(/gm;
const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export function findRunners(files: { path: string; text: string }[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    const modules = modulesFor(file.path);
    if (!modules.length || !file.text.includes('Runner')) continue;
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(file.text); m; m = ASSIGNMENT.exec(file.text)) {
      for (const mod of modules) out.add(`${mod}:${m[1]}`);
    }
  }
  return [...out].sort((a, b) => a.split('.').length - b.split('.').length || a.localeCompare(b));
}

/** `pkg/runner.py` -> pkg.runner; `pkg/__init__.py` -> pkg; `src/pkg/x.py` -> pkg.x (src layout) and src.pkg.x. */
function modulesFor(path: string): string[] {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!p.endsWith('.py')) return [];
  const parts = p.slice(0, -3).split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  if (!parts.length || !parts.every((s) => IDENT.test(s))) return [];
  const modules = [parts.join('.')];
  if (parts[0] === 'src' && parts.length > 1) modules.unshift(parts.slice(1).join('.'));
  return modules;
}
