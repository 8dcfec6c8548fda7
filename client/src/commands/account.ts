// tilebox.account.setApiKey / clearApiKey / tilebox.cli.setPath. A new key is stored, verified with
// `account get`, and put back the way it was when the CLI rejects it.
import type { ApiKeyStore } from '../services';
import { accountGet, version } from '../cliAdapter/calls';
import type { Account } from '../cliAdapter/types';
import { answered, CliFailure, Problem, withProgress, type FlowDeps } from './flow';
import { askValid, trimmedIf } from './askValid';
import { outcome, type Outcome } from './ui';

export interface AccountDeps extends FlowDeps {
  secrets: ApiKeyStore;
}

export function describeAccount(a: Account): string {
  const who = a.userName && a.email ? `${a.userName} <${a.email}>` : (a.userName ?? a.email);
  const parts = [who, a.organizationName && `organization ${a.organizationName}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'an account the CLI did not describe';
}

export async function setApiKeyFlow(d: AccountDeps): Promise<Outcome> {
  const key = await askValid(
    d.ui,
    {
      title: 'Tilebox API key',
      prompt: "Kept in the editor's secret storage; passed to the CLI only as TILEBOX_API_KEY in its environment.",
      placeHolder: 'tbx-api-...',
      password: true,
    },
    trimmedIf((v) => (v.trim() === '' ? 'Paste the key.' : /\s/.test(v.trim()) ? 'An API key has no spaces or line breaks.' : undefined)),
  );
  const previous = (await d.secrets.source()) === 'stored' ? await d.secrets.get() : undefined;
  await d.secrets.set(key);
  try {
    const account = await withProgress(d, 'Checking the API key', (signal) => d.cli.run(accountGet(), { signal }));
    return outcome(`API key saved. It belongs to ${describeAccount(account)}.`, [
      { title: 'Create Workflow Project…', command: 'tilebox.project.create' },
    ]);
  } catch (e) {
    // Only a rejected key is undone; a CLI that is missing or offline says nothing about the key.
    if (e instanceof CliFailure && e.result.kind === 'not-authenticated') {
      if (previous) await d.secrets.set(previous);
      else await d.secrets.clear();
    }
    throw e;
  }
}

export async function clearApiKeyFlow(d: AccountDeps): Promise<Outcome> {
  await d.secrets.clear();
  const still = await d.secrets.source();
  return outcome(
    still === 'environment'
      ? "Stored API key removed. TILEBOX_API_KEY from the editor's environment is still used."
      : 'Stored API key removed.',
    [{ title: 'Set API Key…', command: 'tilebox.account.setApiKey' }],
  );
}

export interface CliPathDeps extends FlowDeps {
  /** Writes the user (global) setting `tilebox.cli.path`. */
  setCliPath(path: string): Promise<void>;
  /** The setting's current value, put back when the picked file is not the tilebox CLI. */
  cliPath(): string | undefined;
}

/**
 * The setting overrides PATH, so a wrong pick would hide a working CLI: the pick is kept only when `--version` runs
 * and names tilebox (a node or python binary also prints a version number).
 */
export async function setCliPathFlow(d: CliPathDeps): Promise<Outcome> {
  const file = answered(await d.ui.pickFile('Select the tilebox CLI binary'));
  const previous = d.cliPath() ?? '';
  await d.setCliPath(file);
  const v = await d.cli.run(version(), { signal: d.signal });
  if (v.kind === 'ok' && /tilebox/i.test(v.value.raw)) return outcome(`Using the tilebox CLI at ${file} (version ${v.value.version}).`);
  await d.setCliPath(previous);
  if (v.kind === 'ok') {
    throw new Problem(
      `${file} is not the tilebox CLI: its --version printed "${v.value.raw.split('\n')[0].slice(0, 80)}". Pick the tilebox binary (often ~/.local/bin/tilebox).`,
    );
  }
  throw new CliFailure(v, `Running ${file} --version`);
}
