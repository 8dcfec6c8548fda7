// Shared by the Artifact view tests: a fake VS Code (registered before the client modules load), a
// fake language server, and the view rendered as indented lines with each row's tooltip and command.
import { register } from 'node:module';
import { join } from 'node:path';
import type { ArtifactPreview } from '../../../server/src/shared/protocol';
import type { ServerStatus } from '../../../client/src/artifact/model/viewStatus';
import type { PreviewSource } from '../../../client/src/artifact/previewSource';

register('../../vscodeHook.mjs', import.meta.url);
export const vscode = await import('../../fakeVscode');
const { ArtifactPreviews } = await import('../../../client/src/artifact/ArtifactPreviews');
const { ArtifactTreeProvider } = await import('../../../client/src/artifact/ArtifactTreeProvider');
const { ReleaseDecorations } = await import('../../../client/src/artifact/ReleaseDecorations');
export const { URI } = await import('vscode-uri');

export const ROOT = join('/', 'ws', 'proj');
export const CONFIG = URI.file(join(ROOT, 'tilebox.workflow.toml')).toString();

/** A language server stand-in: answers from `answers`, fires status and artifact-changed events on demand. */
export function fakeServer(status: ServerStatus = { kind: 'running' }) {
  const statusChanged = new vscode.EventEmitter<ServerStatus>();
  const artifactChanged = new vscode.EventEmitter<string>();
  const answers = new Map<string, ArtifactPreview>();
  const source: PreviewSource = {
    get status() {
      return status;
    },
    onDidChangeStatus: statusChanged.event,
    onDidChangeArtifact: artifactChanged.event,
    request: async (uri) => {
      if (status.kind === 'stopped') throw new Error('Client is not running');
      const answer = answers.get(uri);
      if (!answer) throw new Error(`no answer for ${uri}`);
      return answer;
    },
    dispose() {},
  };
  const setStatus = (next: ServerStatus) => {
    status = next;
    statusChanged.fire(next);
  };
  return { source, answers, setStatus, artifactChanged };
}

export function setup(server = fakeServer()) {
  const memento = {
    get: (k: string) => vscode.fake.memento.get(k),
    update: async (k: string, v: unknown) => void vscode.fake.memento.set(k, v),
    keys: () => [],
  };
  const previews = new ArtifactPreviews(server.source, memento as never);
  const tree = new ArtifactTreeProvider(previews);
  const decorations = new ReleaseDecorations(previews);
  const redrawn: string[][] = [];
  decorations.onDidChangeFileDecorations((uris) => redrawn.push(uris ? (Array.isArray(uris) ? uris : [uris]).map((u) => u.fsPath) : ['*']));
  /** Resolves on the view's next redraw. */
  const nextRedraw = () =>
    new Promise<void>((resolve) => {
      const d = tree.onDidChangeTreeData(() => {
        d.dispose();
        resolve();
      });
    });
  return { previews, tree, decorations, redrawn, nextRedraw, ...server };
}

/** The view as indented `label · description` lines, with each row's tooltip and click command. */
export async function rows(tree: InstanceType<typeof ArtifactTreeProvider>, node?: unknown, depth = 0) {
  const out: { line: string; tooltip: string; command?: string; args?: unknown[]; resource?: string }[] = [];
  for (const child of await tree.getChildren(node as never)) {
    const item = tree.getTreeItem(child) as {
      label: string;
      description?: string;
      tooltip?: { value: string };
      command?: { command: string; arguments?: unknown[] };
      resourceUri?: { toString(): string };
      collapsibleState: number;
    };
    out.push({
      line: `${'  '.repeat(depth)}${item.label}${item.description ? ` · ${item.description}` : ''}`,
      tooltip: item.tooltip?.value ?? '',
      command: item.command?.command,
      args: item.command?.arguments,
      resource: item.resourceUri?.toString(),
    });
    if (item.collapsibleState !== 0) out.push(...(await rows(tree, child, depth + 1)));
  }
  return out;
}

export function preview(files: string[], excluded: { path: string; reason: string }[] = []): ArtifactPreview {
  return {
    root: ROOT,
    slug: 'scene-qa',
    files: files.map((path) => ({ path, size: 10 })),
    excluded,
    totalBytes: 10 * files.length,
    tasks: [],
    runners: [],
  };
}
