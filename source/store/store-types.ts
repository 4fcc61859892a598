// What callers pass to and get back from the store (datastore-file.ts re-exports these).
import type { Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import type { JournalEntry } from '../domain/journal-entry.js';
import type { RangeArg } from './snapshot.js';

/** A change to the data, given the store's lookups into it (through the roster's index when it can: lazy-roster.ts). */
export type Change<T> = (data: Datastore, indexes: Indexes) => T | Promise<T>;

/** What a change is, for the journal: the command or screen that made it (e.g. `log`, `界面:记录联系`). */
export interface ChangeMeta {
  action: string;
  /** Who made it, for the journal (姓名（login）); default the OS account. */
  user?: string;
  /** Contacts the change needs to see; more are read automatically if it adds earlier ones. */
  contacts?: RangeArg;
  /** 'contacts': only contacts are added or edited (`log`); the rest is frozen, so a stray write throws. */
  changes?: 'contacts';
  /** Set by undo: the revision it reverts. */
  undoOf?: number;
}

/** The datastore as a change found it, for the guard to compare with. */
export interface ChangeStart {
  /** Never changed by the change: a copy, or the frozen records themselves when `frozen`. */
  before: Datastore;
  /** Every record the change sees is frozen: one it did not replace is the very object in `before`. */
  frozen: boolean;
  undoing?: JournalEntry;
}

/** Runs around every change (update, preview, undo) under the lock on the fresh read: operations/scoped-store.ts's scope check. */
export type ChangeGuard = <T>(
  change: (data: Datastore) => T | Promise<T>,
  data: Datastore,
  start: ChangeStart,
) => Promise<T>;

export interface StoreOptions {
  /** Which contacts load() and update() read unless told otherwise. */
  contacts: RangeArg;
  /** 'full': validate every record even of files whose seal matches (`check`). Default 'sealed'. */
  verify?: 'sealed' | 'full';
  guard?: ChangeGuard;
}

export interface Saved<T> {
  result: T;
  data: Datastore;
  revision: number;
  /** The steps after the commit left undone, in one line (after-commit.ts). */
  notice?: string;
}
