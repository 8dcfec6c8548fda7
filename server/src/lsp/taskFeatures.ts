// Task-code features over the configs' discovery results: the Python outline the lenses read,
// Find References from a Task class, workspace symbols, and the `runner` string's link, definition
// and hover in tilebox.workflow.toml. Deciding logic is in artifact/discovery/navigation.
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Location, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeActionKind, SymbolKind } from 'vscode-languageserver-types';
import { matchingTasks, runnerByPath, runnerSummary, taskAt, taskReferences } from '../artifact/discovery/navigation';
import type { Discovery } from '../artifact/discovery/index';
import type { TaskFix } from '../artifact/discovery/addToRunner';
import type { PythonOutline } from '../shared/protocol';
import type { CheckResult } from './checkConfig';
import type { ConfigStore } from './configStore';
import { isInside, pathToUri, relativePosix } from './paths';
import type { ValidationScheduler } from './validationScheduler';

interface Selecting {
  configPath: string;
  result: CheckResult;
  discovery: Discovery;
  rel: string;
}

export class TaskFeatures {
  /** `configsFound` settles once the workspace's configs are known (right after initialization). */
  constructor(
    private readonly scheduler: ValidationScheduler,
    private readonly store: ConfigStore,
    private readonly configsFound: Promise<void>,
  ) {}

  /** The configs whose artifact selects this Python file, with their current results. */
  async selecting(fsPath: string): Promise<Selecting[]> {
    await this.configsFound;
    const out: Selecting[] = [];
    for (const state of this.scheduler.configs()) {
      if (!isInside(path.dirname(state.path), fsPath)) continue;
      const result = await this.scheduler.fresh(state.path);
      if (!result?.preview || !result.discovery) continue;
      const rel = relativePosix(result.root, fsPath);
      if (result.preview.files.some((f) => f.path === rel)) out.push({ configPath: state.path, result, discovery: result.discovery, rel });
    }
    return out;
  }

  async outline(fsPath: string): Promise<PythonOutline | null> {
    const [first] = await this.selecting(fsPath);
    if (!first) return null;
    const preview = first.result.preview!;
    return {
      configUri: this.store.uriFor(first.configPath),
      tasks: preview.tasks.filter((t) => t.file === first.rel),
      runners: (preview.runners ?? []).filter((r) => r.file === first.rel),
    };
  }

  async references(fsPath: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const out = new Map<string, Location>();
    for (const s of await this.selecting(fsPath)) {
      const task = taskAt(s.discovery, s.rel, position.line, position.character);
      if (!task) continue;
      for (const ref of taskReferences(s.discovery, task, includeDeclaration)) {
        const location = { uri: pathToUri(path.join(s.result.root, ref.file)), range: toRange(ref.span) };
        out.set(JSON.stringify(location), location);
      }
    }
    return [...out.values()];
  }

  async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    await this.configsFound;
    for (const state of this.scheduler.configs()) await this.scheduler.fresh(state.path);
    return this.results().flatMap(({ result, discovery }) =>
      matchingTasks(discovery, query).map(
        (t): SymbolInformation => ({
          name: t.className,
          containerName: t.unresolved ? `${t.file} (identifier computed at run time)` : `${t.name} ${t.version}`,
          kind: SymbolKind.Class,
          location: { uri: pathToUri(path.join(result.root, t.file)), range: toRange(t.nameSpan) },
        }),
      ),
    );
  }

  /** The `runner` string of a config and the Runner object it names (when found statically). */
  runnerTarget(configPath: string): { range: Range; location?: Location; hover?: string } | undefined {
    const result = this.scheduler.get(configPath)?.result;
    const runner = result?.config?.runner;
    if (!result || !runner || !result.discovery) return undefined;
    const found = runnerByPath(result.discovery, runner.value);
    if (!found) return { range: runner.range };
    return {
      range: runner.range,
      location: { uri: pathToUri(path.join(result.root, found.file)), range: toRange(found.nameSpan) },
      hover: runnerSummary(found, result.discovery.tasks),
    };
  }

  /** "Add X to runner …" from the diagnostics' data: edits are relative to the artifact root of a config selecting the file. */
  async codeActions(fsPath: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const withFixes = diagnostics.filter((d) => (d.data as { fixes?: TaskFix[] } | undefined)?.fixes?.length);
    if (withFixes.length === 0) return [];
    const [first] = await this.selecting(fsPath);
    if (!first) return [];
    return withFixes.flatMap((d) =>
      (d.data as { fixes: TaskFix[] }).fixes.map((fix): CodeAction => {
        const edit: WorkspaceEdit = { changes: {} };
        for (const e of fix.edits) {
          const uri = pathToUri(path.join(first.result.root, e.file));
          (edit.changes![uri] ??= []).push({ range: toRange(e.range), newText: e.newText });
        }
        return {
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit,
          isPreferred: fix === (d.data as { fixes: TaskFix[] }).fixes[0],
        };
      }),
    );
  }

  private results(): { result: CheckResult; discovery: Discovery }[] {
    return this.scheduler.configs().flatMap((s) => (s.result?.discovery ? [{ result: s.result, discovery: s.result.discovery }] : []));
  }
}

function toRange(s: { line: number; character: number; endLine: number; endCharacter: number }): Range {
  return { start: { line: s.line, character: s.character }, end: { line: s.endLine, character: s.endCharacter } };
}

export function inRange(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}
