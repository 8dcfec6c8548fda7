// A CLI-backed view whose data is one list call (workflows, clusters): the call and the fields a remembered list
// must have are all that differ between them.
import type { ViewName } from '../services';
import type { CliCall, CliResult } from '../cliAdapter/types';
import { CliViewProvider, type ViewEnv } from './CliViewProvider';

export abstract class CliListProvider<T> extends CliViewProvider<T[]> {
  constructor(
    env: ViewEnv,
    name: ViewName,
    what: string,
    private readonly call: () => CliCall<T[]>,
    /** String fields every item must have for a list remembered from the last session to be shown. */
    private readonly required: readonly string[],
  ) {
    super(env, name, what);
  }

  protected fetch(): Promise<CliResult<T[]>> {
    return this.env.cli.run(this.call());
  }

  protected override recall(saved: unknown): T[] | undefined {
    const complete = (item: unknown) => this.required.every((f) => typeof (item as Record<string, unknown>)?.[f] === 'string');
    return Array.isArray(saved) && saved.every(complete) ? saved : undefined;
  }
}
