// What the Artifact view shows at its top level when it cannot show a preview: no config, the
// language server starting or down, the preview being computed, or the config's errors. Pure,
// so every one of those rows is unit-tested; the tree provider turns it into a message node.
import type { ArtifactPreview } from '@shared';
import type { MessageKind } from '../../views/model/item';

export type PreviewState =
  /** `last`: the preview the last session showed (kept in workspace state), shown marked until the server answers. */
  | { kind: 'loading'; last?: ArtifactPreview }
  | { kind: 'ready'; preview: ArtifactPreview }
  /** `last`: the last good preview of this config, still shown (marked) below the error. */
  | { kind: 'failed'; message: string; last?: ArtifactPreview };

export type ServerStatus = { kind: 'starting' } | { kind: 'running' } | { kind: 'stopped'; message: string };

export interface RootMessage {
  kind: MessageKind;
  text: string;
  detail?: string;
  /** What a click does: show the Tilebox output, or open the followed config. */
  action?: 'showOutput' | 'openConfig';
}

export interface ViewInputs {
  server: ServerStatus;
  /** Key (URI string) of the followed config, if any. */
  configKey?: string;
  configCount: number;
  state?: PreviewState;
}

const MAX_LABEL = 80;

/** The message row that replaces the tree, or undefined when there is a preview to show. */
export function artifactRootMessage({ server, configKey, configCount, state }: ViewInputs): RootMessage | undefined {
  if (server.kind === 'stopped') {
    return {
      kind: 'error',
      text: 'The Tilebox language server is not running',
      detail:
        `${server.message}\n\nThe artifact preview comes from the language server. Click to show the Tilebox output; ` +
        'run "Developer: Reload Window" to start it again. Release archives can still be browsed.',
      action: 'showOutput',
    };
  }
  if (!configKey) {
    return configCount === 0 && server.kind === 'running'
      ? {
          kind: 'empty',
          text: 'No tilebox.workflow.toml in this workspace',
          detail:
            'The Artifact view shows what the release of a `tilebox.workflow.toml` would ship. Open a folder that has one, ' +
            'or create one with "Tilebox: Create Workflow Project".',
        }
      : {
          kind: 'empty',
          text: 'No tilebox.workflow.toml open',
          detail: 'Open a `tilebox.workflow.toml` (or run "Tilebox: Show Artifact Preview") to see what its release artifact would ship.',
        };
  }
  if (state?.kind === 'loading' && state.last) {
    return {
      kind: 'loading',
      text: server.kind === 'starting' ? 'Refreshing (the language server is starting)…' : 'Refreshing…',
      detail: 'Below: the artifact as it was last computed, until the language server has checked the config again.',
    };
  }
  if (server.kind === 'starting' && (!state || state.kind === 'loading')) {
    return { kind: 'loading', text: 'Starting the Tilebox language server…' };
  }
  if (!state || state.kind === 'loading') return { kind: 'loading', text: 'Computing the artifact…' };
  if (state.kind === 'failed') {
    const text = state.message.length > MAX_LABEL ? `${state.message.slice(0, MAX_LABEL - 1)}…` : state.message;
    const below = state.last ? '\n\nBelow: the last good preview, until this is fixed.' : '';
    return { kind: 'error', text, detail: `${state.message}${below}\n\nClick to open the config.`, action: 'openConfig' };
  }
  return undefined;
}
