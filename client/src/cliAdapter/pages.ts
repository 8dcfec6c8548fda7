// Pages through `next_cursor` until the CLI says there is no more or `max` items were read.
import type { CliCall, CliResult, Page } from './types';

export interface CallRunner {
  run<T>(call: CliCall<T>, options?: { cwd?: string; signal?: AbortSignal }): Promise<CliResult<T>>;
}

/**
 * `page(cursor)` builds the call for one page (same filters every time). The result's `nextCursor` is set when
 * `max` stopped the paging early, so a "load more" can continue from there. A failing page fails the whole call.
 */
export async function collectPages<T>(
  cli: CallRunner,
  page: (cursor?: string) => CliCall<Page<T>>,
  max: number,
  options: { cwd?: string; signal?: AbortSignal } = {},
): Promise<CliResult<Page<T>>> {
  const items: T[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const result = await cli.run(page(cursor), options);
    if (result.kind !== 'ok') return result;
    items.push(...result.value.items);
    warnings.push(...result.warnings);
    cursor = result.value.nextCursor || undefined;
    // A cursor seen before would loop forever: stop and say so.
    if (cursor !== undefined && seen.has(cursor)) {
      warnings.push(`the CLI returned cursor ${cursor} twice; stopped paging`);
      cursor = undefined;
    }
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined && items.length < max);
  // Whole pages only (may pass `max` by less than one page), so `nextCursor` continues exactly where this stopped.
  return { kind: 'ok', value: { items, nextCursor: cursor }, warnings };
}
