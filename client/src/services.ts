// What the editor-side features share: one object built in `activate` once the workspace is trusted and
// handed to every command and view. Interfaces (and the small API key store) live here so commands and views are written
// against them while the implementations (refresh/, projects/, status/, cliAdapter/) evolve.
import type * as vscode from 'vscode';
import type { CliCall, CliResult, Job } from './cliAdapter/types';
import type { JobCache } from './jobs/jobCache';

/** The part of the CLI adapter (`TileboxCli` in cliAdapter/runCli.ts) that features use. */
export interface CliRunner {
  run<T>(call: CliCall<T>, options?: { cwd?: string; signal?: AbortSignal; timeoutMs?: number }): Promise<CliResult<T>>;
}

/** The tree views whose content comes from the CLI. */
export type ViewName = 'workflows' | 'clusters' | 'jobs';

export interface RefreshManager {
  /** Reloads now (all views when none is named); a request already in flight for the view is reused. */
  refresh(view?: ViewName): void;
  /** A short, bounded burst of reloads after an action changed remote state (submit, retry, deploy…). */
  pollAfterAction(view: ViewName): void;
}

/** A `tilebox.workflow.toml` found in the workspace. Paths are file-system paths. */
export interface Project {
  configPath: string;
  /** The folder holding the toml: the CLI's working directory for this project. */
  dir: string;
  /** Short human name: the folder relative to its workspace folder (or the workspace folder's name). */
  label: string;
  /** `[workflow].slug`, when the file parses and has one. */
  slug?: string;
  /** `[targets.<name>].clusters`, in file order. */
  targets: { name: string; clusters: string[] }[];
  /** Why slug/targets could not be read (the language server reports details). */
  error?: string;
}

export interface ProjectRegistry {
  all(): readonly Project[];
  /** Resolves once the first scan for tilebox.workflow.toml files is done (before it, `all()` is the last session's list). */
  ready?(): Promise<void>;
  /** The project of the active editor's file, else the last one picked, else the only one. */
  active(): Project | undefined;
  /** Asks which project (skipped when there is one; the last choice is offered first and remembered). */
  pick(placeHolder: string): Promise<Project | undefined>;
  readonly onDidChange: vscode.Event<void>;
}

export interface ApiKeyStore {
  /** The key stored in the editor, else `TILEBOX_API_KEY` from the editor's environment. */
  get(): Promise<string | undefined>;
  set(key: string): Promise<void>;
  clear(): Promise<void>;
  /** Where `get()` would find the key now. */
  source(): Promise<'stored' | 'environment' | 'none'>;
  readonly onDidChange: vscode.Event<void>;
}

export interface StatusBar {
  /** Shows the state of the job last submitted or retried from the editor (call again on every update). */
  setLastJob(job: Job): void;
}

export interface ViewsApi {
  /** Refreshes the jobs view and selects the job (used after submit/retry). */
  revealJob(jobId: string): Promise<void>;
}

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  cli: CliRunner;
  refresh: RefreshManager;
  projects: ProjectRegistry;
  secrets: ApiKeyStore;
  statusBar: StatusBar;
  views: ViewsApi;
  /**
   * One notification with the failure's fix as its action, and a log line; `what` = "Publishing release".
   * With `retry`, a timed-out call also offers "Try Again".
   */
  showFailure(result: CliResult<unknown>, what: string, retry?: () => void): void;
  /** Cluster slugs with a runner started from this editor (the queued-job diagnosis reads it). */
  localRunners: Set<string>;
  /** The latest read of each job, shared by the job panels, the Jobs view and the status bar. */
  jobs: JobCache;
}

const API_KEY_SECRET = 'tilebox.apiKey';

/** The part of `vscode.SecretStorage` the key store uses (a fake in tests). */
export interface SecretStorageLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  onDidChange: vscode.Event<{ key: string }>;
}

/** The API key in the editor's secret storage; `TILEBOX_API_KEY` from the environment when none is stored. */
export class SecretApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly secrets: SecretStorageLike,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  readonly onDidChange: vscode.Event<void> = (listener, thisArg, disposables) =>
    this.secrets.onDidChange(
      (e) => {
        if (e.key === API_KEY_SECRET) listener.call(thisArg);
      },
      undefined,
      disposables,
    );

  async get(): Promise<string | undefined> {
    return (await this.stored()) ?? (this.env.TILEBOX_API_KEY?.trim() || undefined);
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(API_KEY_SECRET, key.trim());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(API_KEY_SECRET);
  }

  async source(): Promise<'stored' | 'environment' | 'none'> {
    if (await this.stored()) return 'stored';
    return this.env.TILEBOX_API_KEY?.trim() ? 'environment' : 'none';
  }

  private async stored(): Promise<string | undefined> {
    try {
      return (await this.secrets.get(API_KEY_SECRET))?.trim() || undefined;
    } catch {
      // A keyring that cannot be read (e.g. no keyring daemon) behaves as "no key stored".
      return undefined;
    }
  }
}
