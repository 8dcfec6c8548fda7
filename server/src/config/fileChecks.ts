// Stage 4 (files): only when the caller can look at the project's files (FileFacts). These
// are mostly warnings: the file may still publish, but probably not as the user intends.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, ERROR, WARNING } from './codes';
import { RUNNER_PATTERN } from './runnerRule';
import type { ConfigModel } from './model';
import { globToRegExp } from './globToRegExp';
import { joinRel, normalizeRel } from './paths';
import { wholeFolder } from './repairs';
import { rootFileRefusal, rootTextRefusal } from './rootRule';
import type { FileFacts } from './types';

/** Each include pattern is a file-system search; past this many (a generated or pasted list),
 *  the rest are not searched, so a huge config still answers within a second. */
export const MAX_SEARCHED_PATTERNS = 100;

export function checkFiles(model: ConfigModel, facts: FileFacts, diagnostics: Diagnostic[]): void {
  const { config } = model;
  const root = normalizeRel(config.root?.value ?? '.');
  // A text refusal was reported by the cross-field stage (and may have been silenced by a setting):
  // either way, no file of such a root is looked at.
  if (config.root && rootTextRefusal(config.root.value)) return;
  const refusal = config.root && rootFileRefusal(config.root.value, facts);
  if (refusal) {
    diagnostics.push(diagnostic(refusal.code, ERROR, config.root!.range, refusal.message));
    return;
  }

  const under = root === '.' ? 'the project folder' : `"${root}"`;
  // Patterns are matched as written, spaces included, because the selection and the CLI do so.
  for (const item of config.include.slice(0, MAX_SEARCHED_PATTERNS)) {
    const pattern = item.value;
    if (pattern.trim() === '' || pattern.startsWith('!')) continue;
    if (facts.includeMatches(root, pattern)) continue;
    const trimmed = pattern.trim();
    const spaced = trimmed !== pattern && facts.includeMatches(root, trimmed);
    diagnostics.push(
      diagnostic(
        'include-matches-nothing',
        WARNING,
        item.range,
        spaced
          ? `"${pattern}" matches no file under ${under}; it has ${spaceNote(pattern)} — did you mean "${trimmed}"?`
          : trimmed.endsWith('/')
            ? `"${pattern}" matches no file: it ends with "/", which names a folder, and only files are selected. Write "${wholeFolder(trimmed)}" to take the folder and everything in it.`
            : `"${pattern}" matches no file under ${under}. Check the spelling and the folder names, or remove the pattern.`,
      ),
    );
  }

  // Used to .gitignore, one writes "secrets/" to keep a folder out; here it matches no file, so the folder ships.
  for (const item of config.exclude ?? []) {
    const trimmed = item.value.trim();
    if (!trimmed.endsWith('/')) continue;
    diagnostics.push(
      diagnostic(
        'exclude-names-folder',
        WARNING,
        item.range,
        `"${item.value}" excludes nothing: it ends with "/", which names a folder, and patterns match files only, so the folder's files still go into the release. Write "${wholeFolder(trimmed)}" to keep the folder out.`,
      ),
    );
  }

  const runner = config.runner;
  if (runner && RUNNER_PATTERN.test(runner.value)) {
    const modulePath = runner.value.split(':')[0].split('.').join('/');
    const candidates = [`${modulePath}.py`, `${modulePath}/__init__.py`];
    const found = ['', 'src/'].some((prefix) => candidates.some((c) => facts.isFile(joinRel(root, prefix + c))));
    if (!found) {
      diagnostics.push(
        diagnostic(
          'runner-module-not-found',
          WARNING,
          runner.range,
          `No ${candidates[0]} or ${candidates[1]} under ${under} for module "${runner.value.split(':')[0]}". Fix the module path, or ignore this if the module comes from an installed package.`,
        ),
      );
    }
  }

  const includeInfo = model.values.get('build.include');
  if (!includeInfo) return;
  // Only patterns that can reach a file at the top of the root are compiled: a generated list
  // of 20,000 "pkg/x/**" patterns would otherwise compile 20,000 regular expressions per keystroke.
  const matchers = config.include
    .map((i) => i.value)
    .filter(canMatchTopLevel)
    .map(globToRegExp);
  for (const [file, code, why] of [
    ['pyproject.toml', 'pyproject-not-included', "the runner installs the project's dependencies from it"],
    ['uv.lock', 'uv-lock-not-included', 'it pins the exact dependency versions the runner installs'],
  ] as const) {
    if (!facts.isFile(joinRel(root, file))) continue;
    if (matchers.some((m) => m.test(file))) continue;
    diagnostics.push(
      diagnostic(
        code,
        WARNING,
        includeInfo.keyRange,
        `${file} exists but include does not select it, although ${why}. Add "${file}" to include.`,
        { addToInclude: file },
      ),
    );
  }
}

function spaceNote(pattern: string): string {
  const leading = pattern !== pattern.trimStart();
  const trailing = pattern !== pattern.trimEnd();
  return leading && trailing ? 'leading and trailing spaces' : leading ? 'a leading space' : 'a trailing space';
}

/** False when the pattern needs a folder (`src/*.toml`), so it cannot select `pyproject.toml`. */
function canMatchTopLevel(pattern: string): boolean {
  if (/[{}]/.test(pattern)) return true; // a brace may hold a "/": keep it, to be safe
  const segments = pattern.replace(/^(\.\/)+/, '').split('/');
  return segments.slice(0, -1).every((s) => s === '**');
}
