// The documented schema of tilebox.workflow.toml (contract section 1.2) as one table: the
// validator checks keys and types against it, completion and hover show its documentation.

export type ValueType = 'string' | 'boolean' | 'string-array';

export interface KeyDoc {
  table: 'workflow' | 'build' | 'target';
  key: string;
  type: ValueType;
  required: boolean;
  /** What to insert on completion (snippet syntax). */
  snippet: string;
  doc: string;
}

export const KEY_DOCS: readonly KeyDoc[] = [
  {
    table: 'workflow',
    key: 'slug',
    type: 'string',
    required: true,
    snippet: 'slug = "$1"',
    doc:
      "The workflow's stable slug; releases are published under it. 1-100 characters from `A-Z a-z 0-9 -`. " +
      '`tilebox workflow init` writes the slug the API returned (often with a random suffix such as `-F8yVcPRfw2AkoZ`).\n\n' +
      '```toml\nslug = "my-workflow"\n```',
  },
  {
    table: 'workflow',
    key: 'root',
    type: 'string',
    required: false,
    snippet: 'root = "${1:.}"',
    doc:
      'Project root for build paths, relative to this file. Default `"."`. All `[build]` patterns are relative to it, ' +
      'and build paths must stay inside it.\n\n```toml\nroot = "."\n```',
  },
  {
    table: 'workflow',
    key: 'runner',
    type: 'string',
    required: false,
    snippet: 'runner = "$1"',
    doc:
      'Import path of the `tilebox.workflows.Runner` object, as `<module>:<object>`. The worker runs it with ' +
      '`uv run python -m tilebox.workflows.runner <module>:<object>`. The module must not start the runner at import time. ' +
      'Set exactly one of `runner` or `command`.\n\n```toml\nrunner = "my_workflow.runner:runner"\n```',
  },
  {
    table: 'workflow',
    key: 'command',
    type: 'string-array',
    required: false,
    snippet: 'command = ["$1"]',
    doc:
      'Custom worker process command, as an array of arguments. Use this only when the standard `runner` object path ' +
      'does not fit your runtime. Set exactly one of `runner` or `command`.\n\n' +
      '```toml\ncommand = ["uv", "run", "python", "-m", "my_workflow.worker"]\n```',
  },
  {
    table: 'build',
    key: 'include',
    type: 'string-array',
    required: true,
    snippet: 'include = [$1]',
    doc:
      'Glob patterns, relative to `[workflow].root`, for the files to put in the release artifact. At least one pattern. ' +
      'Usually `pyproject.toml`, `uv.lock` and your package.\n\n```toml\ninclude = ["pyproject.toml", "uv.lock", "my_workflow/**"]\n```',
  },
  {
    table: 'build',
    key: 'exclude',
    type: 'string-array',
    required: false,
    snippet: 'exclude = [$1]',
    doc:
      'Glob patterns to remove from the included files. The generated `<workflow-slug>.tar.zst` is always excluded.\n\n' +
      '```toml\nexclude = [".venv/**", "**/__pycache__/**", "**/*.pyc"]\n```',
  },
  {
    table: 'build',
    key: 'use_gitignore',
    type: 'boolean',
    required: false,
    snippet: 'use_gitignore = ${1|true,false|}',
    doc: 'Whether files ignored by `.gitignore` are left out of the artifact. Default `true`.\n\n```toml\nuse_gitignore = true\n```',
  },
  {
    table: 'target',
    key: 'clusters',
    type: 'string-array',
    required: false,
    snippet: 'clusters = ["$1"]',
    doc:
      'Cluster slugs this target deploys to; the same release is deployed to each. Used by ' +
      '`tilebox workflow deploy --target <name>`.\n\n```toml\nclusters = ["dev-cluster"]\n```',
  },
];

export interface TableDoc {
  name: string;
  header: string;
  doc: string;
}

export const TABLE_DOCS: readonly TableDoc[] = [
  {
    name: 'workflow',
    header: '[workflow]',
    doc: 'Required. Which workflow this project publishes (`slug`) and how its worker starts (`runner` or `command`).',
  },
  { name: 'build', header: '[build]', doc: 'Required. Which files go into the release artifact (`include`, `exclude`, `use_gitignore`).' },
  {
    name: 'targets',
    header: '[targets.<name>]',
    doc: 'Optional. A named group of clusters to deploy to with `tilebox workflow deploy --target <name>`.',
  },
];

export function keysOf(table: KeyDoc['table']): KeyDoc[] {
  return KEY_DOCS.filter((k) => k.table === table);
}

export function keyDoc(table: string, key: string): KeyDoc | undefined {
  const t = table === 'targets' ? 'target' : table;
  return KEY_DOCS.find((k) => k.table === t && k.key === key);
}

export function keyMarkdown(k: KeyDoc): string {
  const where = k.table === 'target' ? '[targets.<name>]' : `[${k.table}]`;
  const type = k.type === 'string-array' ? 'array of strings' : k.type;
  return `**${k.key}** in \`${where}\` · ${type}${k.required ? ' · required' : ''}\n\n${k.doc}`;
}

/** The header in a code span: bare, `<name>` would be read as an HTML tag and vanish from the hover. */
export function tableMarkdown(t: TableDoc): string {
  return `**\`${t.header}\`**\n\n${t.doc}`;
}
