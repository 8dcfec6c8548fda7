// Schema stage, first step: is this a table and a key the file may have? Unknown ones are errors (the CLI rejects
// them) with a did-you-mean replacement where one is close.
import { closest } from './didYouMean';
import { KEY_DOCS, type KeyDoc, keysOf } from './keyDocs';
import { KEY_EXAMPLES } from './keyExamples';
import type { ModelBuild } from './modelBuild';
import type { KeyPart } from './toml/ast';

const TABLES = ['workflow', 'build', 'targets'];

export function checkTopLevel({ error }: ModelBuild, part: KeyPart): boolean {
  if (TABLES.includes(part.name)) return true;
  const guess = closest(part.name, TABLES);
  const hint = guess ? `Did you mean "${guess}"?` : 'This file has only [workflow], [build] and [targets.<name>].';
  error(
    'unknown-table',
    part,
    `Unknown table "${part.name}": the Tilebox CLI rejects it. ${hint}`,
    guess ? { replacement: guess } : undefined,
  );
  return false;
}

export function checkKey({ error }: ModelBuild, table: KeyDoc['table'], part: KeyPart): boolean {
  const keys = keysOf(table).map((k) => k.key);
  if (keys.includes(part.name)) return true;
  const where = table === 'target' ? '[targets.<name>]' : `[${table}]`;
  const guess = closest(part.name, keys);
  const elsewhere = KEY_DOCS.find((k) => k.key === part.name);
  let hint = guess ? `Did you mean "${guess}"?` : `Keys allowed here: ${keys.join(', ')}.`;
  if (!guess && elsewhere)
    hint = `"${part.name}" belongs in ${elsewhere.table === 'target' ? '[targets.<name>]' : `[${elsewhere.table}]`}.`;
  error(
    'unknown-key',
    part,
    `Unknown key "${part.name}" in ${where}: the Tilebox CLI rejects unknown keys. ${hint}`,
    guess ? { replacement: guess } : undefined,
  );
  return false;
}

/** A key that holds a value is used as a table (`[workflow.slug]`, `slug.x = 1`). */
export function notATable({ error, pathRange }: ModelBuild, parts: KeyPart[]): void {
  const key = parts[parts.length - 1].name;
  error('wrong-type', pathRange(parts), `"${key}" is a value, not a table. Write it as ${KEY_EXAMPLES[key] ?? `${key} = ...`}.`);
}
