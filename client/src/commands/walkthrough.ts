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

/** Steps already done by the state the editor starts with. */
export function stepsAlreadyDone(state: { apiKey: 'stored' | 'environment' | 'none'; projectsWithSlug: number }): string[] {
  const done: string[] = [];
  if (state.apiKey !== 'none') done.push(WalkthroughKeys.apiKey);
  if (state.projectsWithSlug > 0) done.push(WalkthroughKeys.project);
  return done;
}
