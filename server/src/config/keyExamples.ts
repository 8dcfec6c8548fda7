// One correct line per key, quoted in the schema stage's messages ("Write slug = "my-workflow"").
export const KEY_EXAMPLES: Record<string, string> = {
  slug: 'slug = "my-workflow"',
  root: 'root = "."',
  runner: 'runner = "my_workflow.runner:runner"',
  command: 'command = ["uv", "run", "python", "-m", "my_workflow.worker"]',
  include: 'include = ["pyproject.toml", "uv.lock", "my_workflow/**"]',
  exclude: 'exclude = [".venv/**", "**/__pycache__/**"]',
  use_gitignore: 'use_gitignore = true',
  clusters: 'clusters = ["dev-cluster"]',
};
