// The getting-started walkthrough (package.json `contributes.walkthroughs`): each step completes on an
// `onContext:` key set here once its command has succeeded, not merely started (Escape in a picker
// must not tick a step), or when the state already holds (a key in the environment, a project on disk). It opens
// by itself once, on the first start in a Tilebox workspace, unless the user turned that off for all walkthroughs.
import { Commands } from '../contributes';

export const WalkthroughKeys = {
  apiKey: 'tilebox.walkthrough.apiKeySet',
  project: 'tilebox.walkthrough.projectCreated',
  publish: 'tilebox.walkthrough.published',
  deploy: 'tilebox.walkthrough.deployed',
  submit: 'tilebox.walkthrough.jobSubmitted',
  runner: 'tilebox.walkthrough.runnerStarted',
} as const;

/** The step a command completes when it succeeds. */
export const stepDoneBy: Readonly<Record<string, string>> = {
  [Commands.setApiKey]: WalkthroughKeys.apiKey,
  [Commands.createProject]: WalkthroughKeys.project,
  [Commands.publishRelease]: WalkthroughKeys.publish,
  [Commands.deployRelease]: WalkthroughKeys.deploy,
  [Commands.submitJob]: WalkthroughKeys.submit,
  [Commands.startRunner]: WalkthroughKeys.runner,
};

export interface StartState {
  apiKey: 'stored' | 'environment' | 'none';
  projectsWithSlug: number;
  /** Releases of the projects' workflows (`workflow get`); undefined when not known (no key, CLI failed). */
  releases?: readonly { clusters: readonly string[] }[];
}

/** Steps already done by the state the editor starts with: a key, a project, a release, a deployment. */
export function stepsAlreadyDone(state: StartState): string[] {
  const done: string[] = [];
  if (state.apiKey !== 'none') done.push(WalkthroughKeys.apiKey);
  if (state.projectsWithSlug > 0) done.push(WalkthroughKeys.project);
  if (state.releases?.length) done.push(WalkthroughKeys.publish);
  if (state.releases?.some((r) => r.clusters.length > 0)) done.push(WalkthroughKeys.deploy);
  return done;
}

/** The walkthrough's id for `workbench.action.openWalkthrough`: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'tilebox-community.tilebox-workflows#tilebox.gettingStarted';
/** globalState key: the walkthrough opened by itself once on this machine, so it never does again. */
export const WALKTHROUGH_OPENED = 'tilebox.walkthrough.openedOnce';

export interface OpenState {
  /** `workbench.welcomePage.walkthroughs.openOnInstall` as this window applies it (VS Code's default: true). It is
   *  machine-scoped: in a remote window (Remote-SSH, code-server) only the remote's settings set it. */
  openOnInstall: boolean;
  /** `workbench.startupEditor`: "none" is "start without an editor", and this opening happens at startup. */
  startupEditor: string;
  openedBefore: boolean;
  /** tilebox.workflow.toml files found by the first scan of the workspace. */
  projects: number;
}

/** Open the walkthrough by itself: once per machine, in a workspace with a Tilebox project, unless the user turned
 *  off walkthroughs opening on install or chose to start VS Code without an editor. */
export function shouldOpenWalkthrough(s: OpenState): boolean {
  return s.openOnInstall && s.startupEditor !== 'none' && !s.openedBefore && s.projects > 0;
}
