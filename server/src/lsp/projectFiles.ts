// The few paths the "build an include" quick fix looks at: the top level of the workflow root,
// Python files one folder down, and `src/<pkg>/` (a src layout). A bounded glob, read on demand.
import fg from 'fast-glob';

const PATTERNS = ['pyproject.toml', 'uv.lock', '*.py', '*/*.py', 'src/*/*.py'];
const IGNORE = ['.*/**', 'venv/**', 'node_modules/**', '__pycache__/**'];

export async function projectFiles(root: string): Promise<string[]> {
  try {
    return (await fg(PATTERNS, { cwd: root, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true })).sort();
  } catch {
    return [];
  }
}
