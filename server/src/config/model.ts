// Stage 2 (schema): walks the TOML tree section by section; assignKey.ts places each table and key, keyChecks.ts
// reports tables/keys the file may not have, checkType.ts values of the wrong type, and recordValue.ts builds the
// located WorkflowConfig. Dotted keys, [headers] and inline tables all reduce to the same full key paths, so
// `workflow.slug = ...` at the top level is the same as `slug = ...` under [workflow].
import type { Diagnostic } from 'vscode-languageserver-types';
import { assign, defineTable } from './assignKey';
import { type ConfigModel, startModelBuild } from './modelBuild';
import type { TomlDocument } from './toml/ast';
import type { LineIndex } from './toml/lineIndex';

export type { ConfigModel } from './modelBuild';

export function buildModel(doc: TomlDocument, lines: LineIndex, diagnostics: Diagnostic[]): ConfigModel {
  const build = startModelBuild(lines, diagnostics);
  const { model, range } = build;
  for (const section of doc.sections) {
    const header = section.header;
    if (header && header.key.length) {
      if (header.arrayOfTables) {
        const name = header.key.map((k) => k.name).join('.');
        build.error(
          'table-array-not-allowed',
          header,
          `[[${name}]] defines a list of tables, which this file does not use. Write [${name}] with single brackets.`,
        );
        continue;
      }
      defineTable(build, header.key, range(header));
      if (header.key.length === 1 && (header.key[0].name === 'workflow' || header.key[0].name === 'build')) {
        model.config.headers[header.key[0].name as 'workflow' | 'build'] ??= range(header);
      }
    }
    const prefix = header?.key ?? [];
    for (const entry of section.entries) {
      if (entry.value && entry.key.length) assign(build, [...prefix, ...entry.key], entry.value, entry);
    }
  }
  return model;
}
