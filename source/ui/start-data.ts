// What the terminal UI opens with, read before its first frame. With the overdue digest of the term
// (when one rests on exactly the files read; none for a user who sees only her colleges), 首页 needs
// of the contacts only the latest few: this month's are read first, the rest of the term once the
// first frame is out. Without it, the term's contacts before the first frame, as every screen needs.
// Free of React and ink: the command reads this before loading them.
import type { IsoDate } from '../domain/dates.js';
import { reportingTerm } from '../domain/terms.js';
import type { RangeArg, ScopedStore } from '../operations/scoped-store.js';
import type { AppProps } from './app.js';
import type { DataRead } from './hooks/use-shown-data.js';

/** How many of the latest contacts 首页 shows. */
export const LATEST_CONTACTS = 5;

export type StartData = Required<Pick<AppProps, 'initialData' | 'contactsComplete'>> &
  Pick<AppProps, 'digest' | 'rest'>;

/**
 * The data of `range` (default: the store's view) and the digest for `today`, believed only when the
 * main file is still the one just read (read after the data, so it cannot be older than what it answers for).
 */
async function readWithDigest(store: ScopedStore, today: IsoDate, range?: RangeArg): Promise<DataRead> {
  const data = await store.load(range);
  const kept = await store.keptOverdueDigest(today);
  return { data, digest: kept !== null && !(await store.changedOnDisk()) ? kept : null };
}

/** Fails (before ink takes the terminal) when the file is missing or invalid. */
export async function readStartData(store: ScopedStore, today: IsoDate): Promise<StartData> {
  // The months from today's on: the latest contacts, unless fewer than 首页 shows.
  const recent = await readWithDigest(store, today, today);
  const from = reportingTerm(recent.data.settings.terms, today)?.start.slice(0, 7);
  // Found out after the first frame: only the lists' 从未 / 本学期无 depend on it.
  const contactsComplete = async () => {
    const first = await store.firstContactMonth();
    return first === null || (from !== undefined && first >= from);
  };
  if (recent.digest && recent.data.contacts.length >= LATEST_CONTACTS) {
    return {
      initialData: recent.data,
      digest: recent.digest,
      contactsComplete,
      rest: () => readWithDigest(store, today),
    };
  }
  const whole = recent.digest ? await readWithDigest(store, today) : { data: await store.load(), digest: null };
  return { initialData: whole.data, contactsComplete, ...(whole.digest ? { digest: whole.digest } : {}) };
}

/**
 * After the session: the term's digest built again when a save (this session's or another writer's) left
 * it stale, so that the next start reads its figures from it, and the next `overdue` too. Quietly
 * nothing when it cannot be (the terminal is already given back).
 */
export async function refreshDigest(store: ScopedStore, today: IsoDate): Promise<void> {
  await store.overdueDigest(today).catch(() => null);
}
