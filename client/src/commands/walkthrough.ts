// The getting-started walkthrough (package.json `contributes.walkthroughs`): each step completes on an
// `onContext:` key set here once its command has succeeded, not merely started (Escape in a picker
// must not tick a step), or when the state already holds (a key in the environment, a project on disk).
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
