// The model behind one open job panel: the job, the logs read so far, and following while the job runs.
// Pure (no `vscode`): the panel renders `view()` and re-renders on `onChange`; every job read goes to the cache.
import type { CliRunner } from '../services';
import { describeFailure } from '../cliAdapter/describe';
import { clusterList, jobGet, jobLogs } from '../cliAdapter/calls';
import type { Job } from '../cliAdapter/types';
import { isTerminal } from './jobStates';
import { LogFollower } from './logFollower';
import type { JobCache } from './jobCache';
import { queuedDiagnoses } from './queuedReason';

export const LOG_PAGE_SIZE = 200;

export class JobSession {
  job?: Job;
  readonly follower: LogFollower;
  following = false;
  problem?: string;
  /** Why the job may stay queued; shown only while it is. */
  waitingReasons: string[] = [];
  private readonly stop = new AbortController();

  constructor(
    readonly jobId: string,
    private readonly cli: CliRunner,
    private readonly onChange: () => void,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
    pageSize = LOG_PAGE_SIZE,
    /** Clusters with a runner started here; when given, a queued job's panel says why it may wait. */
    private readonly localRunners?: () => Iterable<string>,
    private readonly cache?: JobCache,
  ) {
    this.follower = new LogFollower({
      page: (cursor, signal) => cli.run(jobLogs(jobId, { cursor, limit: pageSize, sort: 'asc' }), { signal }),
      state: async (signal) => {
        const r = await cli.run(jobGet(jobId), { signal });
        if (r.kind === 'ok') this.setJob(r.value);
        return r;
      },
    });
  }

  /** The first log page was read (or its read failed): until then "no error logged" cannot be said. */
  logsRead = false;

  /** Still loading or following; once false, the panel shows a snapshot that resume() brings up to date. */
  running = false;

  /** Loads the job and its first log page, then follows the logs while the job runs. Never rejects. */
  start(): Promise<void> {
    return this.guarded(() => this.open());
  }

  /**
   * Shown again after it stopped: a retry may have made the job run again (follow on from the lines shown, keeping
   * them), and a failed first read may work now. Never rejects; does nothing while still reading.
   */
  resume(): Promise<void> {
    if (this.running) return Promise.resolve();
    return this.guarded(async () => {
      if (!this.job) return this.open();
      if (!(await this.readJob())) return;
      // The lines after those shown: a retried run may have ended already, or a failed log read may work now.
      await this.follower.drain(this.stop.signal);
      await this.followWhileRunning();
    });
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    this.running = true;
    try {
      await work();
    } catch (e) {
      // A builder refusing a value from CLI output (e.g. a next_cursor starting with '-'): say so, stop following.
      this.following = false;
      this.problem = `Reading the job stopped: ${(e as Error).message}.`;
      this.onChange();
    } finally {
      this.running = false;
    }
  }

  private async open(): Promise<void> {
    if (!(await this.readJob())) return;
    await this.readWaitingReasons();
    await this.follower.loadMore(this.stop.signal);
    this.logsRead = true;
    await this.followWhileRunning();
  }

  /** Reads the job into `job`; on failure says why in the panel and returns false. */
  private async readJob(): Promise<boolean> {
    let call;
    try {
      call = jobGet(this.jobId);
    } catch (e) {
      // An id from a link or an argument that is not a UUID: say so instead of "Loading…" forever (start() is not awaited).
      this.problem = `Cannot open this job: ${(e as Error).message}.`;
      this.onChange();
      return false;
    }
    const r = await this.cli.run(call, { signal: this.stop.signal });
    if (r.kind !== 'ok') {
      this.problem = describeFailure(r, 'Reading the job')?.message;
      this.onChange();
      return false;
    }
    this.setJob(r.value);
    return true;
  }

  private setJob(job: Job): void {
    this.job = job;
    this.cache?.put(job);
  }

  /**
   * A newer read of the job from elsewhere (a retry, a cancel, the watcher): shown at once; a job that runs again
   * after this session stopped is read and followed again.
   */
  adopt(job: Job): void {
    if (job.id !== this.jobId || job === this.job) return;
    this.job = job;
    this.onChange();
    if (!this.running && !isTerminal(job.state)) void this.resume();
  }

  private async followWhileRunning(): Promise<void> {
    this.noteFailure();
    this.following = !!this.job && !isTerminal(this.job.state) && !this.stop.signal.aborted;
    this.onChange();
    if (!this.following) return;
    await this.follower.follow({ sleep: this.sleep, signal: this.stop.signal, onUpdate: () => this.onChange() });
    this.following = false;
    this.noteFailure();
    this.onChange();
  }

  /** Why a queued job may not run (issue 5.5), read once when the panel opens; a failed read just says nothing. */
  private async readWaitingReasons(): Promise<void> {
    if (!this.localRunners || this.job?.state !== 'submitted') return;
    const clusters = await this.cli.run(clusterList(), { signal: this.stop.signal });
    if (clusters.kind === 'ok') this.waitingReasons = queuedDiagnoses(this.job, clusters.value, this.localRunners()).map((d) => d.message);
  }

  /** The "load more" of a finished job: the next page after what is shown. */
  async loadMore(): Promise<void> {
    await this.follower.loadMore(this.stop.signal);
    this.noteFailure();
    this.onChange();
  }

  /** Stops following (the panel was closed); what was read stays. */
  dispose(): void {
    this.stop.abort();
  }

  /** What the panel shows of the session (panelModel's PanelState, without what the panel adds). */
  view() {
    return {
      jobId: this.jobId,
      job: this.job,
      logs: this.follower.lines,
      logsRead: this.logsRead,
      following: this.following,
      moreLogs: this.follower.hasMore,
      problem: this.problem,
      waitingReasons: this.job?.state === 'submitted' ? this.waitingReasons : [],
    };
  }

  private noteFailure(): void {
    const f = this.follower.lastFailure;
    this.problem =
      f && f.kind !== 'cancelled' ? `Logs could not be read: ${describeFailure(f, 'Reading logs')?.message ?? f.kind}` : undefined;
  }
}
