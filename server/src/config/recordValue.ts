// Schema stage, last step: a key that passed the checks goes into the located WorkflowConfig the later stages read.
import type { Range } from 'vscode-languageserver-types';
import type { KeyDoc } from './keyDocs';
import type { ModelBuild } from './modelBuild';
import type { KeyPart, ValueNode } from './toml/ast';
import type { Located } from './types';

export function recordValue({ model, range }: ModelBuild, doc: KeyDoc, parts: KeyPart[], value: ValueNode, keyRange: Range): void {
  const { config } = model;
  const str = (v: ValueNode): Located<string> => ({ value: v.kind === 'string' ? v.value : '', range: range(v) });
  const items = (v: ValueNode) => (v.kind === 'array' ? v.items.map(str) : []);
  switch (doc.key) {
    case 'slug':
    case 'root':
    case 'runner':
      config[doc.key] = { ...str(value), keyRange };
      break;
    case 'command':
      config.command = { value: items(value).map((i) => i.value), range: range(value), keyRange };
      break;
    case 'include':
    case 'exclude':
      config[doc.key] = items(value);
      break;
    case 'use_gitignore':
      config.useGitignore = value.kind === 'boolean' ? value.value : true;
      break;
    case 'clusters': {
      const t = model.targets.get(parts[1].name)!;
      t.clusters = items(value);
      t.clustersValue = value;
      break;
    }
  }
}

/** `[targets.<name>]` is defined at `at` (its header or first key); the first definition counts. */
export function addTarget({ model, range }: ModelBuild, namePart: KeyPart, at: Range): void {
  if (model.targets.has(namePart.name)) return;
  const t = { name: { value: namePart.name, range: range(namePart) }, clusters: [], definedAt: at };
  model.targets.set(namePart.name, t);
  model.config.targets.push(t);
}
