// The include list the quick fix proposes for a project without one, built from the files present.
const NOT_A_PACKAGE = new Set([
  'tests',
  'test',
  'docs',
  'examples',
  'scripts',
  'venv',
  'build',
  'dist',
  'node_modules',
  'site-packages',
  '__pycache__',
]);
const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
/** More top-level modules than this become one `*.py` instead of one pattern each. */
const MODULES_LISTED = 3;

/**
 * An include list for the files present (POSIX paths relative to the workflow root; the top
 * level, one folder down and `src/<pkg>/`): pyproject.toml and uv.lock, each Python package
 * folder (`pkg/**`, `src/**` for a src layout), and the top-level modules. Tests, docs and
 * environments stay out. Undefined when no Python code is present.
 */
export function includeFromFiles(files: readonly string[]): string[] | undefined {
  const packages = new Set<string>();
  const modules: string[] = [];
  let srcLayout = false;
  for (const file of files) {
    const parts = file.split('/');
    if (!file.endsWith('.py')) continue;
    if (parts.length === 1) modules.push(file);
    else if (parts[0] === 'src' && parts.length === 3 && IDENT.test(parts[1])) srcLayout = true;
    else if (parts.length === 2 && IDENT.test(parts[0]) && !NOT_A_PACKAGE.has(parts[0]) && parts[0] !== 'src')
      packages.add(`${parts[0]}/**`);
  }
  const code = [
    ...[...packages].sort(),
    ...(srcLayout ? ['src/**'] : []),
    ...(modules.length > MODULES_LISTED ? ['*.py'] : modules.sort()),
  ];
  if (!code.length) return undefined;
  return [...['pyproject.toml', 'uv.lock'].filter((f) => files.includes(f)), ...code];
}

/** TOML array text for a list of patterns: `["a", "b"]`. */
export function tomlArray(items: readonly string[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
}
