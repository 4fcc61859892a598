// One revision of the datastore as read: the main file and the months of contacts read with it.
import type { IsoDate } from '../domain/dates.js';
import type { Contact, Datastore } from '../domain/schema.js';
import type { HeadFile, MainCollections, MainFile, RosterRef } from './file-schemas.js';
import { monthOf, type MonthKey } from './layout.js';
import { collectionsOf, joined } from './lazy-roster.js';

/** Which contacts to read: all, none, or those dated in the month of a date and later. */
export type ContactRange = 'all' | 'none' | IsoDate;

/** A range, or one chosen from the settings (e.g. the reporting term's start). */
export type RangeArg = ContactRange | ((main: MainCollections) => ContactRange);

export interface Snapshot {
  /** The roster's collections (frozen records) with the revision and month files of the main file. */
  main: MainFile;
  /** The roster file the main file named; null when the roster was inside it (version 3) or not read from disk: the next save writes one. */
  roster: RosterRef | null;
  /** Months at or after this one were read; null: all of them. */
  fromMonth: MonthKey | null;
  /** Each month's contacts as read (frozen records). */
  months: Map<MonthKey, readonly Contact[]>;
  /** Contacts were inside a version-1 main file (or must all be rewritten): the next save writes every month. */
  inline: boolean;
  /** The main file's stamp when read; '' for a snapshot not read from disk (init, restore). */
  stamp: string;
  /** SHA-256 of the main file's bytes as read or written; '' for a snapshot not read from disk. */
  sha256: string;
}

/** A snapshot of `main` not read from disk: its save writes every month of the data it is given. */
export function freshSnapshot(main: MainFile): Snapshot {
  return { main, roster: null, fromMonth: null, months: new Map(), inline: false, stamp: '', sha256: '' };
}

/** The main file of a revision whose roster is in `roster`. */
export function headOf(main: MainFile, roster: RosterRef): HeadFile {
  return { schemaVersion: main.schemaVersion, revision: main.revision, roster, contactParts: main.contactParts };
}

export function fromMonthOf(range: ContactRange): MonthKey | null {
  return range === 'all' ? null : range === 'none' ? '9999-99' : monthOf(range);
}

export function groupByMonth(contacts: readonly Contact[]): Map<MonthKey, Contact[]> {
  const months = new Map<MonthKey, Contact[]>();
  for (const c of contacts) {
    const m = monthOf(c.date);
    if (!months.get(m)?.push(c)) months.set(m, [c]);
  }
  return months;
}

export function sameRecords(a: readonly Contact[] | undefined, b: readonly Contact[] | undefined): boolean {
  return (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((c, i) => c === b![i]);
}

export function assemble(snapshot: Snapshot): Datastore {
  const months = [...snapshot.months.keys()].sort();
  // concat, not flatMap: many times faster on months of thousands of contacts.
  const contacts = ([] as Contact[]).concat(...months.map((m) => snapshot.months.get(m) ?? []));
  return joined(collectionsOf(snapshot.main), { contacts });
}

/** The earliest date of a contact the snapshot did not read the month of, or null. */
export function earliestUnread(snapshot: Snapshot, contacts: readonly Contact[]): IsoDate | null {
  if (snapshot.fromMonth === null) return null;
  let earliest: IsoDate | null = null;
  for (const c of contacts)
    if (monthOf(c.date) < snapshot.fromMonth && (earliest === null || c.date < earliest)) earliest = c.date;
  return earliest;
}
