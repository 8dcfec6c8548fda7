// A filter over a re-selection, paid for by what changed: a file event leaves 99,999 of 100,000 file objects as they
// were (the selection reuses each unchanged file's object), so one merge by identity finds the few that changed and
// only those are tested. An include change makes a list unlike the last one but often like one a few edits back (an
// undo, a pattern toggled): `RecentFilter` tries those, each up to a few changes, before it filters the whole list.
// The preview's Python file list and the warnings' suspects are kept so.
import { byteOrder, mergeByKey } from '../shared/byteOrder';
import { firstAt } from './paths';

const pathOf = (item: { path: string }) => item.path;

/** Lists already filtered, tried as the starting point of the next. */
const RECENT = 3;
/** Up to this many changes, the kept list is copied once and each change moved in; past it, one merge pass. */
const SPLICE_AT_MOST = 32;
/** Items changed before a starting point is given up: past this, filtering the whole list costs less than the merge. */
const CHANGES_AT_MOST = 256;

/** `filter(keep)` over lists that follow each other (the selections of one config), from the closest recent answer. */
export class RecentFilter<T extends { path: string }> {
  private recent: { all: readonly T[]; kept: T[] }[] = [];

  constructor(private readonly keep: (item: T) => boolean) {}

  of(all: readonly T[]): T[] {
    let kept: T[] | undefined;
    for (const r of this.recent) if ((kept = refilter(r.all, r.kept, all, this.keep, CHANGES_AT_MOST))) break;
    kept ??= all.filter(this.keep);
    this.recent = [{ all, kept }, ...this.recent.filter((r) => r.kept !== kept)].slice(0, RECENT);
    return kept;
  }
}

/**
 * `next.filter(keep)`, given `kept`, which is `prior.filter(keep)`. All lists in byte order of path. Returns `kept`
 * itself when no item kept changed, so identity checks downstream stay cheap; undefined past `changesAtMost` changes.
 */
export function refilter<T extends { path: string }>(
  prior: readonly T[],
  kept: readonly T[],
  next: readonly T[],
  keep: (item: T) => boolean,
  changesAtMost = Number.POSITIVE_INFINITY,
): T[] | undefined {
  // Both in path order, as `kept` is: one pass over `kept` drops the one and places the other.
  const gone: T[] = [];
  const added: T[] = [];
  let changes = 0;
  const within = mergeByKey(prior, next, pathOf, (was, now) => {
    if (was && keep(was)) gone.push(was);
    if (now && keep(now)) added.push(now);
    return ++changes <= changesAtMost;
  });
  if (!within) return undefined;
  if (gone.length === 0 && added.length === 0) return kept as T[];
  // A few changes: a copy (one block move) and a move per change beat pushing 50,000 items one by one.
  if (gone.length + added.length <= SPLICE_AT_MOST) {
    const out = kept.slice();
    for (const item of gone)
      out.splice(
        firstAt(out, 0, (p) => byteOrder(p, item.path) >= 0),
        1,
      );
    for (const item of added)
      out.splice(
        firstAt(out, 0, (p) => byteOrder(p, item.path) >= 0),
        0,
        item,
      );
    return out;
  }
  const out: T[] = [];
  let g = 0;
  let a = 0;
  for (const item of kept) {
    if (item === gone[g]) {
      g++;
      continue;
    }
    while (a < added.length && byteOrder(added[a].path, item.path) < 0) out.push(added[a++]);
    out.push(item);
  }
  while (a < added.length) out.push(added[a++]);
  return out;
}
