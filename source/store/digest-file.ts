// The overdue digest on disk (README: derived files). Kept free of zod: reading it is `overdue`'s fast path.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { digestAnswers, digestWithContacts, type DigestContact, type OverdueDigest } from '../domain/overdue-digest.js';
import { derivedText, parseBody, readDerived } from './derived-file.js';
import type { HeadFile, PartFile, PartRef } from './file-schemas.js';
import { sha256, stampOf } from '../files/file-identity.js';
import { writePrivateFile } from '../files/private-files.js';
import { monthOf, type DatastoreLayout, type MonthKey } from './layout.js';
import { MONTH_FILE_ENDING } from './month-file-text.js';
import { readSeal } from './seals.js';
import type { Snapshot } from './snapshot.js';
import type { PartCache } from './snapshot-reader.js';

/** A file as the digest read it; `records`: how many of its bytes come before its closing brackets, and their hash. */
type Source = { file: string; stamp: string } & ReturnType<typeof hashes>;
/** The main file's hash, the roster file (null: inside the main file), the term's month files. */
type DigestRests = { main: string; roster: Source | null; months: Record<MonthKey, Source> };

/** Beyond this many contacts logged since, the digest is built again: each one costs every read. */
const MAX_ADDED = 500;

/** The SHA-256 of `bytes` and of its first `cut` bytes, in one pass. */
function hashes(bytes: Buffer, cut: number) {
  const hash = createHash('sha256').update(bytes.subarray(0, cut));
  const records = { length: cut, sha256: hash.copy().digest('hex') };
  return { sha256: hash.update(bytes.subarray(cut)).digest('hex'), records };
}

/** Is the file `source` names unchanged: the same stamp, or else the same bytes? */
async function unchanged(layout: DatastoreLayout, source: Source): Promise<boolean> {
  const path = join(layout.partsDir, source.file);
  const info = await stat(path).catch(() => null);
  if (info === null || stampOf(info) === source.stamp) return info !== null;
  const bytes = await readFile(path).catch(() => null);
  return bytes !== null && sha256(bytes) === source.sha256;
}

/** The records spliced onto `was`, the file the digest read (all of a month it had none of); else null. */
async function appended(layout: DatastoreLayout, ref: Pick<PartRef, 'file' | 'sha256'>, was: Source | undefined) {
  const bytes = await readFile(join(layout.partsDir, ref.file));
  if (was === undefined)
    return sha256(bytes) === ref.sha256 ? (JSON.parse(bytes.toString()) as PartFile).contacts : null;
  const cut = was.records.length;
  const now = hashes(bytes, cut);
  if (now.sha256 !== ref.sha256 || now.records.sha256 !== was.records.sha256 || bytes[cut] !== 0x2c) return null;
  return JSON.parse(`[${bytes.subarray(cut + 1, -MONTH_FILE_ENDING.length).toString()}]`) as unknown[];
}

/** The digest with the contacts logged since when it is believed (README: derived files) and answers `asOf`. */
export async function readDigest(layout: DatastoreLayout, asOf: IsoDate): Promise<OverdueDigest | null> {
  const [read, main] = await Promise.all([
    readFile(layout.digest)
      .catch(() => null)
      .then((bytes) => readDerived(bytes, 'overdue-digest')),
    readFile(layout.main).catch(() => null),
  ]);
  if (read === null || main === null) return null;
  try {
    const rests = read.rests as DigestRests;
    const built = parseBody<OverdueDigest>(read.body)!;
    const hash = sha256(main);
    const head = hash === rests.main ? null : (JSON.parse(main.toString()) as HeadFile);
    if (head && (hash !== (await readSeal(layout.seal)) || head.roster.file !== rests.roster?.file)) return null;
    const [first, last] = [monthOf(built.term.start), monthOf(built.term.end)];
    const later = head ? Object.keys(head.contactParts).filter((m) => first <= m && m <= last) : [];
    const lists = await Promise.all(
      [...new Set([...Object.keys(rests.months), ...later])].map(async (month) => {
        const was = rests.months[month];
        const ref = head ? head.contactParts[month] : was;
        if (ref === undefined) return null;
        if (ref.file === was?.file) return (await unchanged(layout, was)) ? [] : null;
        return appended(layout, ref, was);
      }),
    );
    const added = lists.flat() as DigestContact[];
    if (lists.includes(null) || added.length > MAX_ADDED) return null;
    if (rests.roster !== null && !(await unchanged(layout, rests.roster))) return null;
    const digest = digestWithContacts(built, added);
    return digestAnswers(digest, asOf) ? digest : null;
  } catch {
    return null;
  }
}

/** Writes `digest`, built from `snapshot`, resting on the files read; nothing when one is no longer the file read. */
export async function writeDigest(layout: DatastoreLayout, snapshot: Snapshot, read: PartCache, digest: OverdueDigest) {
  const [first, last] = [monthOf(digest.term.start), monthOf(digest.term.end)];
  if (snapshot.inline || snapshot.sha256 === '' || (snapshot.fromMonth !== null && snapshot.fromMonth > first)) return;
  const main = await readFile(layout.main).then(sha256);
  if (main !== snapshot.sha256) return;
  /** The file now, when its bytes are still those read (`wasRead`: their hash). */
  const source = async (file: string, wasRead: string | undefined): Promise<Source | null> => {
    const path = join(layout.partsDir, file);
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    const now = { file, stamp: stampOf(info), ...hashes(bytes, bytes.length - MONTH_FILE_ENDING.length) };
    return now.sha256 === wasRead ? now : null;
  };
  const roster = snapshot.roster && (await source(snapshot.roster.file, snapshot.roster.sha256));
  if (snapshot.roster && roster === null) return;
  const months: Record<MonthKey, Source> = {};
  for (const [month, ref] of Object.entries(snapshot.main.contactParts)) {
    if (month < first || month > last) continue;
    const now = await source(ref.file, read.get(ref.file)?.sha256 ?? ref.sha256);
    if (now === null) return;
    months[month] = now;
  }
  const rests: DigestRests = { main, roster, months };
  await writePrivateFile(layout.digest, await derivedText('overdue-digest', rests, digest));
}
