// Stage 3 (cross-field): rules that look at values and at each other: runner XOR command, the runner grammar
// (runnerRule.ts), the slug (slugRules.ts), targets (targetRules.ts), patterns (patternRule.ts) and paths that
// leave the project.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic, ERROR, HINT } from './codes';
import type { ConfigModel } from './model';
import { checkPattern } from './patternRule';
import { rootTextRefusal } from './rootRule';
import { RUNNER_FORMAT_MESSAGE, RUNNER_PATTERN, runnerHint } from './runnerRule';
import { checkSlug } from './slugRules';
import { checkTargets } from './targetRules';

export function checkCrossField(model: ConfigModel, diagnostics: Diagnostic[]): void {
  const { config } = model;
  const push = (d: Diagnostic) => diagnostics.push(d);

  if (config.runner && config.command) {
    const second = compare(config.runner.range, config.command.range) > 0 ? config.runner : config.command;
    const secondName = second === config.runner ? 'runner' : 'command';
    const firstName = secondName === 'runner' ? 'command' : 'runner';
    push(
      diagnostic(
        'runner-and-command',
        ERROR,
        second.keyRange ?? second.range,
        `Set either runner or command, not both: remove this ${secondName} (keep ${firstName}, or remove ${firstName} instead).`,
      ),
    );
  }

  if (config.slug) checkSlug(config.slug, push);

  if (config.runner) {
    const runner = config.runner.value;
    if (!RUNNER_PATTERN.test(runner))
      push(diagnostic('runner-invalid', ERROR, config.runner.range, `${RUNNER_FORMAT_MESSAGE} ${runnerHint(runner)}`));
  }

  if (config.command) {
    const value = model.values.get('workflow.command')?.value;
    if (config.command.value.length === 0) {
      push(
        diagnostic(
          'command-empty',
          ERROR,
          config.command.range,
          'command must list the program and its arguments, for example ["uv", "run", "python", "-m", "my_workflow.worker"].',
        ),
      );
    } else if (value?.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'string' && item.value.trim() === '') {
          push(
            diagnostic(
              'command-empty-argument',
              ERROR,
              model.lines.range(item.start, item.end),
              'An empty argument in command: remove it or write the argument.',
            ),
          );
        }
      }
    }
  }

  if (config.root) {
    const refusal = rootTextRefusal(config.root.value);
    if (refusal) push(diagnostic(refusal.code, ERROR, config.root.range, refusal.message));
  }

  if (config.include.length === 0 && model.values.has('build.include')) {
    push(
      diagnostic(
        'include-empty',
        ERROR,
        model.values.get('build.include')!.value.kind === 'array' ? rangeOfValue(model, 'build.include') : config.headers.build!,
        'include is empty: add at least one pattern, for example ["pyproject.toml", "uv.lock", "my_workflow/**"].',
      ),
    );
  }
  for (const [key, items] of [
    ['include', config.include],
    ['exclude', config.exclude],
  ] as const) {
    for (const item of items) checkPattern(key, item, push);
  }
  const venvExcluded = config.exclude.some((e) => /(^|\/)\.venv(\/|$)/.test(e.value.replace(/^\.\//, '')));
  if (!venvExcluded) {
    for (const item of config.include) {
      if (/^(\.\/)?(\*\*|\*)(\/\*\*?)*$/.test(item.value) && item.value !== '*') {
        push(
          diagnostic(
            'include-sweeps-venv',
            HINT,
            item.range,
            `"${item.value}" also selects a local .venv (thousands of files) unless .gitignore leaves it out; add ".venv/**" to exclude.`,
          ),
        );
      }
    }
  }

  checkTargets(model, push);
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function rangeOfValue(model: ConfigModel, key: string): Range {
  return model.values.get(key)!.valueRange;
}
