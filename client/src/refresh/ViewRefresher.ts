// One RefreshScheduler per view, behind the `RefreshManager` interface commands use. The extension wires each
// TreeView's visibility to `setVisible`; the providers register their loaders.
import type { RefreshManager, ViewName } from '../services';
import { type Clock, type Loader, RefreshScheduler, systemClock } from './RefreshScheduler';

export class ViewRefresher implements RefreshManager {
  private readonly schedulers = new Map<ViewName, RefreshScheduler>();

  constructor(
    private readonly idleMs: () => number,
    private readonly clock: Clock = systemClock,
  ) {}

  register(view: ViewName, load: Loader): RefreshScheduler {
    this.schedulers.get(view)?.dispose();
    const scheduler = new RefreshScheduler(load, this.clock, this.idleMs);
    this.schedulers.set(view, scheduler);
    return scheduler;
  }

  setVisible(view: ViewName, visible: boolean): void {
    this.schedulers.get(view)?.setVisible(visible);
  }

  /** One view: reload it now (a hidden one once). All views: shown ones now, hidden ones when next shown. */
  refresh(view?: ViewName): void {
    if (view) void this.schedulers.get(view)?.refresh();
    else for (const s of this.schedulers.values()) s.invalidate();
  }

  /** `tilebox.jobs.pollIntervalSeconds` changed: shown views poll at the new interval from now on. */
  intervalChanged(): void {
    for (const s of this.schedulers.values()) s.intervalChanged();
  }

  /** Resolves when the first reload of the burst is done (callers may then reveal what changed). */
  pollAfterAction(view: ViewName): Promise<void> {
    return this.schedulers.get(view)?.pollAfterAction() ?? Promise.resolve();
  }

  dispose(): void {
    for (const s of this.schedulers.values()) s.dispose();
    this.schedulers.clear();
  }
}
