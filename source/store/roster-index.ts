// The roster file's index: where each record of the roster's text starts, and the keys lookups go by
// (id, 工号, normalised name, 班级名称, 楼-号, 学号, an assignment's cadre), so that a change which
// looks up a few records (`log`) parses those few, not the whole roster (~2 MB, ~60 ms with its
// indexes at school scale). A derived file beside the roster file (roster.r7.index.json), never a
// source of truth (derived-file.ts): it rests on the roster text it indexes, by its SHA-256. A missing,
// damaged, stale or foreign index means the roster is parsed whole (and the index written).
import { readFile } from 'node:fs/promises';
import { dormKey } from '../domain/indexes.js';
import { normalizeName } from '../domain/names.js';
import { isRosterTable, ROSTER_TABLES, type RosterTable } from '../domain/tables.js';
import { asciiJson } from './ascii-json.js';
import type { MainCollections } from './file-schemas.js';
import { derivedText, parseBody, readDerived } from './derived-file.js';

export interface RosterIndex {
  /** Each top-level value's [start, end) in the roster's text, in the text's order. */
  sections: Record<string, [number, number]>;
  /** Where each record starts, by table; a record ends one character before the next (a comma), the last before its list's `]`. */
  starts: Record<RosterTable, number[]>;
  /** Each record's id, in the same order. */
  ids: Record<RosterTable, string[]>;
  /** Lookup keys, in the order of their table's records. */
  keys: {
    employeeNo: (string | null)[];
    cadreName: string[];
    className: string[];
    dormKey: string[];
    studentNo: string[];
    assignmentCadre: string[];
  };
}

/** What an index rests on (derived-file.ts): the SHA-256 of the roster text indexed, as the main file names it. */
interface Rests {
  roster: string;
}

/**
 * The roster's text as the roster file holds it (asciiJson, the same bytes), written piece by piece
 * to learn where each record starts; with the index of that text.
 */
export function indexedRosterText(collections: MainCollections): { text: string; index: RosterIndex } {
  const parts: string[] = [];
  let length = 0;
  const put = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  const sections: RosterIndex['sections'] = {};
  const starts = Object.fromEntries(ROSTER_TABLES.map((t) => [t, [] as number[]])) as RosterIndex['starts'];
  // JSON.stringify's order and omissions: own keys in order, undefined values left out.
  const entries = Object.entries(collections).filter(([, value]) => value !== undefined);
  put('{');
  entries.forEach(([key, value], k) => {
    put(`${k === 0 ? '' : ','}${JSON.stringify(key)}:`);
    const start = length;
    if (isRosterTable(key) && Array.isArray(value)) {
      put('[');
      value.forEach((record, i) => {
        if (i > 0) put(',');
        starts[key].push(length);
        put(asciiJson(record));
      });
      put(']');
    } else put(asciiJson(value));
    sections[key] = [start, length];
  });
  put('}');
  const ids = Object.fromEntries(
    ROSTER_TABLES.map((t) => [t, (collections[t] ?? []).map((r) => r.id)]),
  ) as RosterIndex['ids'];
  const keys: RosterIndex['keys'] = {
    employeeNo: collections.cadres.map((c) => c.employeeNo),
    cadreName: collections.cadres.map((c) => normalizeName(c.name)),
    className: collections.classes.map((c) => c.name),
    dormKey: collections.dorms.map(dormKey),
    studentNo: collections.students.map((s) => s.studentNo),
    assignmentCadre: collections.assignments.map((a) => a.cadreId),
  };
  return { text: parts.join(''), index: { sections, starts, ids, keys } };
}

/** roster.r7.json → roster.r7.index.json */
export function indexFileName(rosterFile: string): string {
  return rosterFile.replace(/\.json$/, '.index.json');
}

/** The index of the roster text whose SHA-256 is `rosterSha256`, or null (missing, damaged, stale, made by other code). */
export async function readRosterIndex(file: string, rosterSha256: string): Promise<RosterIndex | null> {
  const read = await readDerived(await readFile(file).catch(() => null), 'roster-index');
  if (read === null || (read.rests as Rests | null)?.roster !== rosterSha256) return null;
  return parseBody<RosterIndex>(read.body);
}

/** Writes the index of the roster text whose SHA-256 is `rosterSha256` (private-files.ts: whole, or not at all). */
export async function writeRosterIndex(file: string, rosterSha256: string, index: RosterIndex): Promise<void> {
  const rests: Rests = { roster: rosterSha256 };
  const { writePrivateFile } = await import('../files/private-files.js');
  await writePrivateFile(file, await derivedText('roster-index', rests, index));
}
