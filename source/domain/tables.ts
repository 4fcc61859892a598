// The record tables of a datastore, named once: every list that goes over them (the roster file and its
// index, the check of a change, the journal's diff and its names, the college scope) derives from here.
// A table added to the schema and not here fails to compile (the `satisfies` below), so none can be
// left out of the journal's diff, the change check or the scope unnoticed.
import type { Datastore } from './schema.js';

/** The keys of a datastore shape holding a list of records with ids. */
export type TablesOf<D> = { [K in keyof D]: D[K] extends readonly { id: string }[] ? K : never }[keyof D];

export type Table = TablesOf<Datastore>;

/** What each table's records are called in messages (the journal and undo use these too), in the schema's order. */
export const TABLE_LABELS = {
  colleges: '学院',
  cadres: '干部',
  classes: '班级',
  dorms: '寝室',
  students: '困难生',
  assignments: '联系分配',
  contacts: '联系记录',
  users: '用户',
} as const satisfies Record<Table, string>;

export const TABLES = Object.keys(TABLE_LABELS) as [Table, ...Table[]];

/** The tables of the roster file: all but the contacts, which live in month files. */
export type RosterTable = Exclude<Table, 'contacts'>;

export const ROSTER_TABLES = TABLES.filter((t): t is RosterTable => t !== 'contacts');

export const isRosterTable = (key: string): key is RosterTable => (ROSTER_TABLES as readonly string[]).includes(key);
