// Where a datastore's files live (README: the files of a datastore).
import { basename, dirname, join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';

export type DatastoreLayout = ReturnType<typeof layoutOf>;

export function layoutOf(mainFile: string) {
  const dir = dirname(mainFile);
  const stem = basename(mainFile).replace(/\.json$/i, '');
  return {
    main: mainFile,
    partsDir: join(dir, `${stem}.contacts`),
    backupsDir: join(dir, `${stem}.backups`),
    journal: join(dir, `${stem}.journal.jsonl`),
    seal: join(dir, `${stem}.seal.json`),
    digest: join(dir, `${stem}.overdue.json`),
  };
}

/** `2026-11` of `2026-11-25`: contacts are stored one file per calendar month. */
export type MonthKey = string;

export function monthOf(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}

export const PART_FILE_PATTERN = /^(\d{4}-\d{2})\.r(\d+)\.json$/;
export const ROSTER_FILE_PATTERN = /^roster\.r(\d+)\.json$/;

/** A month's contacts as of one revision; a new revision writes a new file, never rewrites one. */
export const partFileName = (month: MonthKey, revision: number) => `${month}.r${revision}.json`;
/** The roster as of the revision that last changed it. */
export const rosterFileName = (revision: number) => `roster.r${revision}.json`;

/** A month file, a roster file or a roster's index (roster.r7.index.json): the files of the contacts folder. */
export const isStoreFileName = (name: string): boolean =>
  /^(\d{4}-\d{2}\.r\d+|roster\.r\d+(\.index)?)\.json$/.test(name);
