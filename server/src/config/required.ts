// Stage 2 (schema), second half: the tables and keys every config must have.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic, ERROR } from './codes';
import type { ConfigModel } from './model';
import type { LineIndex } from './toml/lineIndex';

export function checkRequired(model: ConfigModel, lines: LineIndex, diagnostics: Diagnostic[]): void {
  const { tables } = model;
  // A misspelled key (`includes`) already has its own error with a did-you-mean: do not also
  // report the key it was meant to be as missing.
  const present = new Set(model.present);
  for (const d of diagnostics) {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    if (d.code === 'unknown-key' && typeof replacement === 'string') {
      present.add(`workflow.${replacement}`).add(`build.${replacement}`);
    }
  }
  const firstLine: Range = firstStatementLine(lines);
  if (!tables.workflow) {
    diagnostics.push(
      diagnostic(
        'missing-workflow-table',
        ERROR,
        firstLine,
        "The [workflow] table is missing. Add it at the top with the workflow's slug and runner: " +
          '[workflow] slug = "my-workflow" runner = "my_workflow.runner:runner" (each on its own line).',
      ),
    );
  } else {
    if (!present.has('workflow.slug')) {
      diagnostics.push(
        diagnostic(
          'missing-slug',
          ERROR,
          tables.workflow,
          '[workflow] needs a slug: add slug = "<your-workflow-slug>" (`tilebox workflow init` creates the workflow and writes it).',
        ),
      );
    }
    if (!present.has('workflow.runner') && !present.has('workflow.command')) {
      diagnostics.push(
        diagnostic(
          'missing-runner',
          ERROR,
          tables.workflow,
          '[workflow] needs either runner = "<module>:<object>" (for example "my_workflow.runner:runner") or a command = [...] array.',
        ),
      );
    }
  }
  if (!tables.build) {
    diagnostics.push(
      diagnostic(
        'missing-build-table',
        ERROR,
        tables.workflow ?? firstLine,
        'The [build] table is missing. Add [build] with include = ["pyproject.toml", "uv.lock", "<your package>/**"] to say which files go into the release.',
      ),
    );
  } else if (!present.has('build.include')) {
    diagnostics.push(
      diagnostic(
        'missing-include',
        ERROR,
        tables.build,
        '[build] needs include = [...] with at least one pattern, for example include = ["pyproject.toml", "uv.lock", "my_workflow/**"].',
      ),
    );
  }
}

/** The first line that is not blank or a comment (so an ignore comment above it can apply). */
function firstStatementLine(lines: LineIndex): Range {
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !text.startsWith('#')) return lines.range(lines.lineStart(line), lines.lineEnd(line));
  }
  return lines.range(0, lines.lineEnd(0));
}
