// Stage 2 (schema), second half: the tables and keys every config must have.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic, ERROR } from './codes';
import type { ConfigModel } from './model';
import type { LineIndex } from './toml/lineIndex';

export function checkRequired(model: ConfigModel, lines: LineIndex, diagnostics: Diagnostic[]): void {
  const { present, tables } = model;
  const firstLine: Range = lines.range(0, lines.lineEnd(0));
  if (!tables.workflow) {
    diagnostics.push(diagnostic('missing-workflow-table', ERROR, firstLine,
      'The [workflow] table is missing. Add it at the top with the workflow\'s slug and runner: '
      + '[workflow] slug = "my-workflow" runner = "my_workflow.runner:runner" (each on its own line).'));
  } else {
    if (!present.has('workflow.slug')) {
      diagnostics.push(diagnostic('missing-slug', ERROR, tables.workflow,
        '[workflow] needs a slug: add slug = "<your-workflow-slug>" (`tilebox workflow init` creates the workflow and writes it).'));
    }
    if (!present.has('workflow.runner') && !present.has('workflow.command')) {
      diagnostics.push(diagnostic('missing-runner', ERROR, tables.workflow,
        '[workflow] needs either runner = "<module>:<object>" (for example "my_workflow.runner:runner") or a command = [...] array.'));
    }
  }
  if (!tables.build) {
    diagnostics.push(diagnostic('missing-build-table', ERROR, tables.workflow ?? firstLine,
      'The [build] table is missing. Add [build] with include = ["pyproject.toml", "uv.lock", "<your package>/**"] to say which files go into the release.'));
  } else if (!present.has('build.include')) {
    diagnostics.push(diagnostic('missing-include', ERROR, tables.build,
      '[build] needs include = [...] with at least one pattern, for example include = ["pyproject.toml", "uv.lock", "my_workflow/**"].'));
  }
}
