// The last `cluster list` the Clusters view loaded, shared with the Python lenses (deployed state) so that they
// never run the CLI themselves. The lenses start before the CLI may run (untrusted workspace, activation order),
// so this holder exists once per extension host and the trusted half fills it in.
import * as vscode from 'vscode';
import type { Cluster } from '../cliAdapter/types';

export class ClusterData implements vscode.Disposable {
  private value: readonly Cluster[] | undefined;
  private loader: (() => void) | undefined;
  private asked = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The clusters, or undefined while unknown; the first ask starts one load (shared with the Clusters view's). */
  get clusters(): readonly Cluster[] | undefined {
    if (!this.value && !this.asked && this.loader) {
      this.asked = true;
      this.loader();
    }
    return this.value;
  }

  /** The clusters as last loaded, without asking for a load (undefined while none came). */
  get loaded(): readonly Cluster[] | undefined {
    return this.value;
  }

  /** The trusted half: how to load the clusters (the Clusters view's scheduler). */
  attach(load: () => void): void {
    this.loader = load;
    this.changed.fire();
  }

  set(clusters: readonly Cluster[] | undefined): void {
    if (!clusters || clusters === this.value) return;
    this.value = clusters;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const sharedClusterData = new ClusterData();
