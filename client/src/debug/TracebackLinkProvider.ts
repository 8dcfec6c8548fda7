// Traceback frames become links to the workspace file and line: in terminals (release and direct runners print
// paths inside their release cache) through a terminal link provider, and in the Debug Console by giving a frame's
// output event its source and line (the console's own path links would drop the line of `File "…", line N`).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import * as vscode from 'vscode';
import type { ProjectRegistry } from '../services';
import { innermostWorkspaceFrame, tracebackLocations, workspaceFileFor } from './tracebackLinks';

interface FrameLink extends vscode.TerminalLink {
  file: string;
  line: number;
}

/** Each project's workflow root (`[workflow].root`), where release paths are relative to; read once per change. */
export class WorkflowRoots {
  private cached: string[] | undefined;
  constructor(private readonly projects: Pick<ProjectRegistry, 'all' | 'onDidChange'>) {
    projects.onDidChange(() => {
      this.cached = undefined;
    });
  }

  get(): string[] {
    this.cached ??= this.projects.all().map((p) => {
      try {
        const root = (parseToml(readFileSync(p.configPath, 'utf8')) as { workflow?: { root?: unknown } }).workflow?.root;
        return resolve(p.dir, typeof root === 'string' ? root : '.');
      } catch {
        return p.dir;
      }
    });
    return this.cached;
  }
}

export function fileFor(printed: string, roots: WorkflowRoots): string | undefined {
  return workspaceFileFor(printed, roots.get(), existsSync);
}

export function tracebackLinkProvider(roots: WorkflowRoots): vscode.TerminalLinkProvider<FrameLink> {
  return {
    provideTerminalLinks: (context) =>
      tracebackLocations(context.line).flatMap((loc) => {
        const file = fileFor(loc.path, roots);
        return file
          ? [
              {
                startIndex: loc.start,
                length: loc.length,
                tooltip: `Open ${vscode.workspace.asRelativePath(file)}:${loc.line}`,
                file,
                line: loc.line,
              },
            ]
          : [];
      }),
    handleTerminalLink: async (link) => {
      const position = new vscode.Position(Math.max(0, link.line - 1), 0);
      await vscode.window.showTextDocument(vscode.Uri.file(link.file), {
        selection: new vscode.Range(position, position),
      });
    },
  };
}

/** Gives a Debug Console output event holding traceback frames the source and line of its innermost workspace frame. */
export function linkOutputFrame(body: { output?: string; source?: unknown; line?: number }, roots: WorkflowRoots): void {
  if (!body.output || body.source) return;
  const frame = innermostWorkspaceFrame(body.output, roots.get(), existsSync);
  if (frame) Object.assign(body, { source: { path: frame.file }, line: frame.line });
}
