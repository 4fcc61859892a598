// What callers pass to and get back from the store (datastore-file.ts re-exports these).
import type { Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import type { JournalEntry } from './journal.js';
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
  /**
   * 'contacts': the change only adds or edits contacts (`log`). Everything else is frozen while it
   * runs, so a stray write throws instead of being saved unjournalled, and the copy and diff the store
   * keeps for undo cover the contacts alone.
   */
  changes?: 'contacts';
  /** Set by undo and restore. */
  undoOf?: number;
  undoable?: boolean;
}

/** The datastore as a change found it, for a guard (the operations layer's scope check) to compare with. */
export interface ChangeStart {
  /** Never changed by the change: a copy, or the frozen records themselves when `frozen`. */
  before: Datastore;
  /**
   * Every record the change sees is frozen (a `changes: 'contacts'` change; contact records always
   * are): one it did not replace is the very object in `before`, and a view of the data need no copy.
   */
  frozen: boolean;
  /** An undo's: the entry it reverts. */
  undoing?: JournalEntry;
}

export interface StoreOptions {
  /** Which contacts load() and update() read unless told otherwise. */
  contacts: RangeArg;
  /** 'full': validate every record even of files whose seal matches (`check`). Default 'sealed'. */
  verify?: 'sealed' | 'full';
}

export interface Saved<T> {
  result: T;
  data: Datastore;
  revision: number;
  /** A step after the commit left undone, in one line for the user (after-commit.ts); absent when all were done. */
  notice?: string;
}
