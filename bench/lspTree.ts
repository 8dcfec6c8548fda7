// The generated project the language-server benchmark opens: `files` selected files (half of
// them Python, some declaring tasks) under src/, plus `venvFiles` in a `.venv` that .gitignore
// keeps out, in a git repository. Deterministic: every run writes the same tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONFIG = (include: string[], comment = '') => `# ${comment}
[workflow]
slug = "lsp-bench"
root = "."
runner = "app.runner:runner"

[build]
include = [${include.map((i) => JSON.stringify(i)).join(', ')}]
exclude = ["**/__pycache__/**"]
use_gitignore = true
`;

const TASK = (name: string) => `from tilebox.workflows import Task, ExecutionContext


class ${name}(Task):
    scene: str

    def execute(self, context: ExecutionContext) -> None:
        context.submit_subtask(${name}(scene=self.scene))
`;
const MODULE = (i: number) => `import json\n\n\ndef helper_${i}(value):\n    return json.dumps({"value": value, "index": ${i}})\n`;

/** Writes the tree into `root`; returns how many files git would list. */
export function generateTree(root: string, files: number, venvFiles: number): void {
  const perFolder = 100;
  mkdirSync(join(root, 'app'), { recursive: true });
  writeFileSync(join(root, 'app', 'runner.py'), 'from tilebox.workflows import Runner\n\nrunner = Runner(tasks=[])\n');
  writeFileSync(join(root, '.gitignore'), '.venv/\n__pycache__/\n*.log\n');
  writeFileSync(join(root, 'tilebox.workflow.toml'), CONFIG(['app/**', 'src/**']));
  for (let i = 0; i < files; i++) {
    const dir = join(root, 'src', `pkg${Math.floor(i / (perFolder * 20))}`, `mod${Math.floor(i / perFolder) % 20}`);
    if (i % perFolder === 0) mkdirSync(dir, { recursive: true });
    const python = i % 2 === 0;
    writeFileSync(
      join(dir, python ? `f${i}.py` : `f${i}.json`),
      python ? (i % 200 === 0 ? TASK(`Task${i}`) : MODULE(i)) : `{"index": ${i}}\n`,
    );
  }
  for (let i = 0; i < venvFiles; i++) {
    const dir = join(root, '.venv', 'lib', 'site-packages', `dist${Math.floor(i / perFolder)}`);
    if (i % perFolder === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `m${i}.py`), MODULE(i));
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
}
