// The overdue digest on disk (domain/overdue-digest.ts): a derived file (derived-file.ts), never a source
// of truth. It rests on every file it was built from — the main file, the roster and the reporting term's
// month files — by the SHA-256 of the bytes read (and the others by their stamp: inode, size, mtime), and
// was made by the code whose hash it names. It is believed only while each of those files is the one it was built from: the main file by
// the hash of its bytes now (a few KB; a stamp cannot tell a file rewritten in place, and the main file
// names every other file by its hash), the roster and month files by the same stamp (as git trusts its
// index), or else the same hash. Any save replaces the main file (its revision changes), so
// a digest is never older than the data; a damaged, hand-edited or foreign digest or data file means
// building it again. Kept free of zod and the writers' modules: reading it is `overdue`'s fast path.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { digestAnswers, digestWithContacts, type DigestContact, type OverdueDigest } from '../domain/overdue-digest.js';
import { derivedText, parseBody, readDerived } from './derived-file.js';
import { sha256, stampOf } from '../files/file-identity.js';
import { monthOf, type DatastoreLayout } from './layout.js';
import type { Snapshot } from './snapshot.js';
import type { PartCache } from './snapshot-reader.js';

interface Source {
  sha256: string;
  stamp: string;
}

/** What the digest rests on (derived-file.ts). */
interface DigestRests {
  /** SHA-256 of the main file read. */
  main: string;
  /** The roster file and each month file of the term, by file name. */
  parts: Record<string, Source>;
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isSource = (v: unknown): v is Source =>
  v !== null && typeof v === 'object' && isHash((v as Source).sha256) && typeof (v as Source).stamp === 'string';
const isParts = (v: unknown): v is Record<string, Source> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isSource);

/** The digest file's rests, body and body hash (the body unchecked: the caller that reads it checks its hash), or null. */
async function readDigestFile(
  layout: DatastoreLayout,
  body: 'checked' | 'unchecked',
): Promise<{ rests: DigestRests; body: Buffer; bodyHash: string } | null> {
  const read = await readDerived(await readFile(layout.digest).catch(() => null), 'overdue-digest', body);
  const rests = read?.rests as Partial<DigestRests> | null | undefined;
  if (!read || rests === null || typeof rests !== 'object' || !isHash(rests.main) || !isParts(rests.parts)) return null;
  return { ...read, rests: rests as DigestRests };
}

/** Is `file` the one `source` names: the same stamp, or else the same bytes? */
async function unchanged(file: string, source: Source): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (info === null) return false;
  if (stampOf(info) === source.stamp) return true;
  return readFile(file).then(
    (bytes) => sha256(bytes) === source.sha256,
    () => false,
  );
}

/** The file's hash and stamp, from one open handle. */
async function sourceOf(file: string): Promise<Source> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    return { sha256: sha256(await handle.readFile()), stamp: stampOf(info) };
  } finally {
    await handle.close();
  }
}

/**
 * The contacts `log` saved since the digest was built (sanlianxi.overdue-added.json), so that the next
 * `overdue` need not build it again (~0.6 s at school scale): each such save, under the lock, records its
 * contact here instead of rewriting the 0.7 MB digest. Believed only as the continuation of the digest
 * whose body and main file it names, up to the main file and month files those saves left; any other
 * save breaks the chain (the main file is no longer the one named) and the digest is built again.
 */
interface AddedRests {
  /** The digest's body hash and the main file it rests on. */
  digestBody: string;
  from: string;
  /** SHA-256 of the main file after the last of these saves. */
  main: string;
  /** The month files these saves wrote (the last of each month), and those they replaced. */
  parts: Record<string, Source>;
  replaced: string[];
}

interface Added extends AddedRests {
  contacts: DigestContact[];
}

/** Beyond this many contacts the chain is dropped and the digest built again: adding 1,000 cost `overdue --count` ~20 ms at school scale. */
const MAX_ADDED = 500;

const isDigestContact = (c: unknown): c is DigestContact =>
  c !== null &&
  typeof c === 'object' &&
  ['cadreId', 'duty', 'targetId', 'date'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string');

/** The contacts added to the digest `digest` (its rests and body hash), or null (none, damaged, of another digest). */
async function readAdded(
  layout: DatastoreLayout,
  digest: { rests: DigestRests; bodyHash: string },
): Promise<Added | null> {
  const read = await readDerived(await readFile(layout.digestAdded).catch(() => null), 'overdue-added');
  const a = read?.rests as Partial<AddedRests> | null | undefined;
  if (
    !read ||
    a === null ||
    typeof a !== 'object' ||
    a.digestBody !== digest.bodyHash ||
    a.from !== digest.rests.main ||
    !isHash(a.main) ||
    !isParts(a.parts)
  )
    return null;
  if (!Array.isArray(a.replaced) || !a.replaced.every((r) => typeof r === 'string')) return null;
  const contacts = parseBody<unknown>(read.body);
  if (!Array.isArray(contacts) || !contacts.every(isDigestContact)) return null;
  return { ...(a as AddedRests), contacts };
}

/**
 * The digest on disk when every file it rests on is unchanged — or, with the contacts logged since
 * (Added), every file those saves left — and its term is the one `asOf` reports on; null otherwise
 * (missing, stale, damaged, of another version).
 */
export async function readDigest(layout: DatastoreLayout, asOf: IsoDate): Promise<OverdueDigest | null> {
  const file = await readDigestFile(layout, 'checked');
  if (file === null) return null;
  const { rests, body } = file;
  const main = await readFile(layout.main).then(sha256, () => null);
  if (main === null) return null;
  let parts = rests.parts;
  let added: Added | null = null;
  if (main !== rests.main) {
    added = await readAdded(layout, file);
    if (added?.main !== main) return null;
    parts = {
      ...Object.fromEntries(Object.entries(rests.parts).filter(([name]) => !added!.replaced.includes(name))),
      ...added.parts,
    };
  }
  const checks = Object.entries(parts).map(([name, source]) => unchanged(join(layout.partsDir, name), source));
  if (!(await Promise.all(checks)).every(Boolean)) return null;
  const built = parseBody<OverdueDigest>(body);
  if (built === null) return null;
  let digest: OverdueDigest;
  try {
    digest = digestWithContacts(built, added?.contacts ?? []);
  } catch {
    return null;
  }
  return digestAnswers(digest, asOf) ? digest : null;
}

/** A month file a save wrote: the one it replaced (null: a new month) and the new one. */
export interface WrittenMonth {
  old: string | null;
  file: string;
  sha256: string;
}

/**
 * After a save that only added `contacts` (a log), under the lock: records them as added to the digest,
 * when the digest (with the contacts recorded before) rests on the main file this save replaced
 * (`before`, its hash as read). Lost, it only means building the digest again.
 */
export async function recordAdded(
  layout: DatastoreLayout,
  before: string,
  after: string,
  months: readonly WrittenMonth[],
  contacts: readonly DigestContact[],
): Promise<void> {
  const digest = await readDigestFile(layout, 'unchecked');
  if (!digest) return;
  // The chain goes on from the digest's main file, or from the last save recorded after it.
  const prior = digest.rests.main === before ? null : await readAdded(layout, digest);
  if ((prior?.main ?? digest.rests.main) !== before) return;
  const all = [
    ...(prior?.contacts ?? []),
    ...contacts.map(({ cadreId, duty, targetId, date }) => ({ cadreId, duty, targetId, date })),
  ];
  if (all.length > MAX_ADDED) return void (await rm(layout.digestAdded, { force: true }));
  const parts = { ...(prior?.parts ?? {}) };
  const replaced = new Set(prior?.replaced ?? []);
  for (const m of months) {
    if (m.old !== null && !(m.old in parts)) replaced.add(m.old);
    if (m.old !== null) delete parts[m.old];
    parts[m.file] = { sha256: m.sha256, stamp: stampOf(await stat(join(layout.partsDir, m.file))) };
  }
  const rests: AddedRests = {
    digestBody: digest.bodyHash,
    from: digest.rests.main,
    main: after,
    parts,
    replaced: [...replaced],
  };
  const { writePrivateFile } = await import('../files/private-files.js');
  await writePrivateFile(layout.digestAdded, await derivedText('overdue-added', rests, all));
}

/**
 * Writes the digest built from `snapshot` (which must hold every month of the digest's term), keyed by
 * the files read; nothing when one of them is no longer the file read. A lost digest only costs
 * building it again.
 */
export async function writeDigest(
  layout: DatastoreLayout,
  snapshot: Snapshot,
  read: PartCache,
  digest: OverdueDigest,
): Promise<void> {
  const first = monthOf(digest.term.start);
  const last = monthOf(digest.term.end);
  if (snapshot.inline || snapshot.sha256 === '' || (snapshot.fromMonth !== null && snapshot.fromMonth > first)) return;
  const main = await readFile(layout.main).then(sha256);
  if (main !== snapshot.sha256) return;
  // The roster file and the term's month files, each as the hash of the bytes read.
  const files = [
    ...(snapshot.roster ? [snapshot.roster] : []),
    ...Object.entries(snapshot.main.contactParts)
      .filter(([month]) => first <= month && month <= last)
      .map(([, ref]) => ({ file: ref.file, sha256: read.get(ref.file)?.sha256 ?? ref.sha256 })),
  ];
  const parts: Record<string, Source> = {};
  for (const { file, sha256: wasRead } of files) {
    const source = await sourceOf(join(layout.partsDir, file));
    if (source.sha256 !== wasRead) return;
    parts[file] = source;
  }
  const rests: DigestRests = { main, parts };
  const { writePrivateFile } = await import('../files/private-files.js');
  await writePrivateFile(layout.digest, await derivedText('overdue-digest', rests, digest));
}
