// The roster file's index, a derived file (README: derived files): a `log` parses the few records it looks up.
import { readFile } from 'node:fs/promises';
import { dormKey, type Indexes } from '../domain/indexes.js';
import { normalizeName } from '../domain/names.js';
import { isRosterTable, ROSTER_TABLES, type RosterTable } from '../domain/tables.js';
import { asciiJson } from './ascii-json.js';
import type { MainCollections } from './file-schemas.js';
import { derivedText, parseBody, readDerived } from './derived-file.js';

/** A map of Indexes answered through the index: its table, each record's key ('id': the index's ids), one record per key or many. */
export interface Lookup {
  table: RosterTable;
  key: 'id' | ((record: never) => string | null);
  many: boolean;
}

const by = <T extends RosterTable>(
  table: T,
  key: 'id' | ((record: MainCollections[T][number]) => string | null),
  many = false,
): Lookup => ({ table, key, many });

/** The lookups a `log` makes (a cadre, a target, the cadre's assignments); every other map reads its list. */
export const LOOKUPS = {
  cadreById: by('cadres', 'id'),
  classById: by('classes', 'id'),
  dormById: by('dorms', 'id'),
  studentById: by('students', 'id'),
  cadreByEmployeeNo: by('cadres', (c) => c.employeeNo),
  cadresByName: by('cadres', (c) => normalizeName(c.name), true),
  classByName: by('classes', (c) => c.name),
  dormByKey: by('dorms', dormKey),
  studentByNo: by('students', (s) => s.studentNo),
  assignmentsByCadre: by('assignments', (a) => a.cadreId, true),
} satisfies Partial<Record<keyof Indexes, Lookup>>;

export type LookupName = keyof typeof LOOKUPS;
export const LOOKUP_NAMES = Object.keys(LOOKUPS) as LookupName[];

export function keyOf(lookup: Lookup, record: { id: string }): string | null {
  return lookup.key === 'id' ? record.id : (lookup.key as (r: object) => string | null)(record);
}

export interface RosterIndex {
  /** Each top-level value's [start, end) in the roster's text, in the text's order. */
  sections: Record<string, [number, number]>;
  /** Where each record starts, by table; a record ends one character before the next (a comma), the last before its list's `]`. */
  starts: Record<RosterTable, number[]>;
  ids: Record<RosterTable, string[]>;
  /** Each record's key, by lookup (those by id use `ids`). */
  keys: Partial<Record<LookupName, (string | null)[]>>;
}

export function keysOf(index: RosterIndex, name: LookupName): readonly (string | null)[] | undefined {
  return LOOKUPS[name].key === 'id' ? index.ids[LOOKUPS[name].table] : index.keys[name];
}

/** The roster file's text (asciiJson, the same bytes), written piece by piece to learn where each record starts. */
export function indexedRosterText(collections: MainCollections): { text: string; index: RosterIndex } {
  let text = '{';
  const sections: RosterIndex['sections'] = {};
  const starts = Object.fromEntries(ROSTER_TABLES.map((t) => [t, [] as number[]])) as RosterIndex['starts'];
  // JSON.stringify's order and omissions: own keys in order, undefined values left out.
  const entries = Object.entries(collections).filter(([, value]) => value !== undefined);
  entries.forEach(([key, value], k) => {
    text += `${k === 0 ? '' : ','}${JSON.stringify(key)}:`;
    const start = text.length;
    if (isRosterTable(key) && Array.isArray(value)) {
      text += '[';
      value.forEach((record, i) => {
        if (i > 0) text += ',';
        starts[key].push(text.length);
        text += asciiJson(record);
      });
      text += ']';
    } else text += asciiJson(value);
    sections[key] = [start, text.length];
  });
  text += '}';
  const ids = Object.fromEntries(ROSTER_TABLES.map((t) => [t, collections[t].map((r) => r.id)]));
  const keys = Object.fromEntries(
    Object.entries(LOOKUPS)
      .filter(([, l]) => l.key !== 'id')
      .map(([name, l]) => [name, collections[l.table].map((r) => keyOf(l, r))]),
  );
  return { text, index: { sections, starts, ids: ids as RosterIndex['ids'], keys } };
}

export function indexFileName(rosterFile: string): string {
  return rosterFile.replace(/\.json$/, '.index.json');
}

/** null: missing, damaged, stale or made by other code. */
export async function readRosterIndex(file: string, rosterSha256: string): Promise<RosterIndex | null> {
  const read = await readDerived(await readFile(file).catch(() => null), 'roster-index');
  if (read === null || (read.rests as { roster?: unknown } | null)?.roster !== rosterSha256) return null;
  return parseBody<RosterIndex>(read.body);
}

export async function writeRosterIndex(file: string, rosterSha256: string, index: RosterIndex): Promise<void> {
  const { writePrivateFile } = await import('../files/private-files.js');
  await writePrivateFile(file, await derivedText('roster-index', { roster: rosterSha256 }, index));
}
