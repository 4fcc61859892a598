// What the journal and the backups keep. A save's clock can be wrong (set years ahead, then right again),
// so nothing goes for its time alone: the newest (by revision, which only grows) are kept whatever their
// times, and a time is judged only against the newest save's, never against one dated after it.

/** Journal entries of the last 730 days (two school years and a term): undo and history need only recent ones… */
export const KEEP_JOURNAL_DAYS = 730;
/** …and always the newest 200 entries, whatever their times. */
export const KEEP_JOURNAL_ENTRIES = 200;
/** Backups: the newest 20 by revision… */
export const KEEP_LAST_BACKUPS = 20;
/** …and the newest of each of the last 30 days on which a backup was made. */
export const KEEP_BACKUP_DAYS = 30;

const DAY_MS = 86_400_000;

/** An entry dated `time` is past the retention period, judged by the newest entry's time `newest`. */
export function olderThanKept(time: number, newest: number): boolean {
  return newest - time > KEEP_JOURNAL_DAYS * DAY_MS;
}

/**
 * One past the period with KEEP_JOURNAL_ENTRIES later ones dated past the period after it: a clock set years
 * ahead drops nothing, nor does it set right again. A NaN time never goes, nor counts as a later one.
 */
export function expiredEntries(times: readonly number[], newest: number): boolean[] {
  const expired = times.map(() => false);
  // The latest times among the entries after the one at hand (at most KEEP_JOURNAL_ENTRIES), ascending.
  const latest: number[] = [];
  for (let i = times.length - 1; i >= 0; i--) {
    const time = times[i]!;
    expired[i] =
      olderThanKept(time, newest) && latest.length === KEEP_JOURNAL_ENTRIES && olderThanKept(time, latest[0]!);
    if (Number.isNaN(time) || (latest.length === KEEP_JOURNAL_ENTRIES && time <= latest[0]!)) continue;
    if (latest.length === KEEP_JOURNAL_ENTRIES) latest.shift();
    const at = latest.findIndex((t) => t > time);
    latest.splice(at < 0 ? latest.length : at, 0, time);
  }
  return expired;
}

/** Days ranked by their newest backup's revision: a day of a clock set wrong pushes no other day's backups out. */
export function backupsToDrop<B extends { day: string }>(byRevision: readonly B[]): B[] {
  const keep = new Set(byRevision.slice(-KEEP_LAST_BACKUPS));
  const days = new Set<string>();
  for (let i = byRevision.length - 1; i >= 0 && days.size < KEEP_BACKUP_DAYS; i--) {
    const backup = byRevision[i]!;
    if (days.has(backup.day)) continue;
    days.add(backup.day);
    keep.add(backup);
  }
  return byRevision.filter((b) => !keep.has(b));
}
