// The one place the latest read of each job lives. The job panels, the Jobs view and the status bar listen, so a
// read anywhere (a retry or cancel, a panel following the job, the watcher) shows everywhere at once. Pure.
import type { CliResult, Job } from '../cliAdapter/types';

type Listener = (job: Job) => void;

export class JobCache {
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<Listener>();

  /** `read` is `job get` (through the CLI runner); reread() uses it. */
  constructor(private readonly read: (id: string) => Promise<CliResult<Job>>) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  put(job: Job): void {
    this.jobs.set(job.id, job);
    for (const l of [...this.listeners]) l(job);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Reads the job again now (after a retry or cancel) and tells every listener; a failed read changes nothing. */
  async reread(id: string): Promise<void> {
    const r = await this.read(id).catch(() => undefined);
    if (r?.kind === 'ok') this.put(r.value);
  }
}
