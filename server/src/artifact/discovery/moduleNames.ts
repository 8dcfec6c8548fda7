// The names a Python file is imported by, from its path relative to the artifact root.

/** `a/b.py` → `a.b`, `a/__init__.py` → `a`; a `src/` layout is importable without the prefix too (the last name is the canonical one). */
export function moduleNames(file: string): string[] {
  const noExt = file.replace(/\.py$/, '').replace(/\/__init__$/, '');
  const dotted = noExt.split('/').join('.');
  return dotted.startsWith('src.') ? [dotted, dotted.slice(4)] : [dotted];
}
