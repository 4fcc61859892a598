// The overdue digest on disk (domain/overdue-digest.ts): a derived file, never a source of truth. Its
// first line names every file it was built from — the main file, the roster and the reporting term's month files —
// by the SHA-256 of the bytes read (and the others by their stamp: inode, size, mtime), and the SHA-256
// of its own body. It is believed only while each of those files is the one it was built from: the main file by
// the hash of its bytes now (a few KB; a stamp cannot tell a file rewritten in place, and the main file
// names every other file by its hash), the roster and month files by the same stamp (as git trusts its
// index), or else the same hash. Any save replaces the main file (its revision changes), so
// a digest is never older than the data; a damaged, hand-edited or foreign digest or data file means
// building it again. Kept free of zod and the writers' modules: reading it is `overdue`'s fast path.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { digestAnswers, digestWithContacts, type DigestContact, type OverdueDigest } from '../domain/overdue-digest.js';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import { asciiJson } from './ascii-json.js';
import { sha256, stampOf } from './file-identity.js';
import { monthOf, type DatastoreLayout } from './layout.js';
import type { Snapshot } from './snapshot.js';
import type { PartCache } from './snapshot-reader.js';

/** Bump when the digest's shape or the overdue rules change: a digest of another version is built again. */
const DIGEST_VERSION = 4;

interface Source {
  sha256: string;
  stamp: string;
}

interface DigestHeader {
  digestVersion: number;
  schemaVersion: number;
  /** SHA-256 of the main file read. */
  main: string;
  /** The roster file and each month file of the term, by file name. */
  parts: Record<string, Source>;
  /** SHA-256 of the body (the second line). */
  body: string;
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isSource = (v: unknown): v is Source => v !== null && typeof v === 'object' && isHash((v as Source).sha256) && typeof (v as Source).stamp === 'string';

function headerOf(text: string): DigestHeader | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const h = raw as Partial<DigestHeader> | null;
  if (h === null || typeof h !== 'object' || h.digestVersion !== DIGEST_VERSION || h.schemaVersion !== SCHEMA_VERSION) return null;
  if (!isHash(h.main) || !isHash(h.body) || h.parts === null || typeof h.parts !== 'object' || Array.isArray(h.parts)) return null;
  if (!Object.values(h.parts).every(isSource)) return null;
  return h as DigestHeader;
}

/** The digest file's header and body (unchecked: the caller that needs the body checks its hash), or null. */
async function readDigestFile(layout: DatastoreLayout): Promise<{ header: DigestHeader; body: Buffer } | null> {
  const bytes = await readFile(layout.digest).catch(() => null);
  const newline = bytes?.indexOf(10) ?? -1;
  const header = bytes === null || newline < 0 ? null : headerOf(bytes.subarray(0, newline).toString('utf8'));
  return header && bytes ? { header, body: bytes.subarray(newline + 1) } : null;
}

/** Is `file` the one `source` names: the same stamp, or else the same bytes? */
async function unchanged(file: string, source: Source): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (info === null) return false;
  if (stampOf(info) === source.stamp) return true;
  return readFile(file).then((bytes) => sha256(bytes) === source.sha256, () => false);
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
interface Added {
  digestVersion: number;
  /** The digest's body hash and the main file it rests on. */
  digestBody: string;
  from: string;
  /** SHA-256 of the main file after the last of these saves. */
  main: string;
  /** The month files these saves wrote (the last of each month), and those they replaced. */
  parts: Record<string, Source>;
  replaced: string[];
  contacts: DigestContact[];
}

/** Beyond this many contacts the chain is dropped and the digest built again: adding 1,000 cost `overdue --count` ~20 ms at school scale. */
const MAX_ADDED = 500;

const isDigestContact = (c: unknown): c is DigestContact =>
  c !== null && typeof c === 'object' && ['cadreId', 'duty', 'targetId', 'date'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string');

/** The contacts added to the digest `header` names, or null (none, damaged, of another digest). */
async function readAdded(layout: DatastoreLayout, header: DigestHeader): Promise<Added | null> {
  const bytes = await readFile(layout.digestAdded).catch(() => null);
  const newline = bytes?.indexOf(10) ?? -1;
  if (bytes === null || newline < 0) return null;
  try {
    const seal = JSON.parse(bytes.subarray(0, newline).toString('latin1')) as { sha256?: unknown };
    const body = bytes.subarray(newline + 1);
    if (seal?.sha256 !== sha256(body)) return null;
    const a = JSON.parse(body.toString('latin1')) as Partial<Added> | null;
    if (a === null || typeof a !== 'object' || a.digestVersion !== DIGEST_VERSION || a.digestBody !== header.body || a.from !== header.main) return null;
    if (!isHash(a.main) || a.parts === null || typeof a.parts !== 'object' || !Object.values(a.parts).every(isSource)) return null;
    if (!Array.isArray(a.replaced) || !a.replaced.every((r) => typeof r === 'string') || !Array.isArray(a.contacts) || !a.contacts.every(isDigestContact)) return null;
    return a as Added;
  } catch {
    return null;
  }
}

/**
 * The digest on disk when every file it rests on is unchanged — or, with the contacts logged since
 * (Added), every file those saves left — and its term is the one `asOf` reports on; null otherwise
 * (missing, stale, damaged, of another version).
 */
export async function readDigest(layout: DatastoreLayout, asOf: IsoDate): Promise<OverdueDigest | null> {
  const file = await readDigestFile(layout);
  if (file === null) return null;
  const { header, body } = file;
  if (sha256(body) !== header.body) return null;
  const main = await readFile(layout.main).then(sha256, () => null);
  if (main === null) return null;
  let parts = header.parts;
  let added: Added | null = null;
  if (main !== header.main) {
    added = await readAdded(layout, header);
    if (added?.main !== main) return null;
    parts = { ...Object.fromEntries(Object.entries(header.parts).filter(([name]) => !added!.replaced.includes(name))), ...added.parts };
  }
  const checks = Object.entries(parts).map(([name, source]) => unchanged(join(layout.partsDir, name), source));
  if (!(await Promise.all(checks)).every(Boolean)) return null;
  let digest: OverdueDigest;
  try {
    // Written as ASCII (asciiJson): latin1 decodes it byte for byte, faster than utf8.
    digest = digestWithContacts(JSON.parse(body.toString('latin1')) as OverdueDigest, added?.contacts ?? []);
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
export async function recordAdded(layout: DatastoreLayout, before: string, after: string, months: readonly WrittenMonth[], contacts: readonly DigestContact[]): Promise<void> {
  const header = (await readDigestFile(layout))?.header;
  if (!header) return;
  // The chain goes on from the digest's main file, or from the last save recorded after it.
  const prior = header.main === before ? null : await readAdded(layout, header);
  if ((prior?.main ?? header.main) !== before) return;
  const all = [...(prior?.contacts ?? []), ...contacts.map(({ cadreId, duty, targetId, date }) => ({ cadreId, duty, targetId, date }))];
  if (all.length > MAX_ADDED) return void (await rm(layout.digestAdded, { force: true }));
  const parts = { ...(prior?.parts ?? {}) };
  const replaced = new Set(prior?.replaced ?? []);
  for (const m of months) {
    if (m.old !== null && !(m.old in parts)) replaced.add(m.old);
    if (m.old !== null) delete parts[m.old];
    parts[m.file] = { sha256: m.sha256, stamp: stampOf(await stat(join(layout.partsDir, m.file))) };
  }
  const record: Added = { digestVersion: DIGEST_VERSION, digestBody: header.body, from: header.main, main: after, parts, replaced: [...replaced], contacts: all };
  const text = `${asciiJson(record)}\n`;
  const { writePrivateFile } = await import('./private-files.js');
  await writePrivateFile(layout.digestAdded, `${JSON.stringify({ sha256: sha256(text) })}\n${text}`);
}

/**
 * Writes the digest built from `snapshot` (which must hold every month of the digest's term), keyed by
 * the files read; nothing when one of them is no longer the file read. A lost digest only costs
 * building it again.
 */
export async function writeDigest(layout: DatastoreLayout, snapshot: Snapshot, read: PartCache, digest: OverdueDigest): Promise<void> {
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
  const body = `${asciiJson(digest)}\n`;
  const header: DigestHeader = { digestVersion: DIGEST_VERSION, schemaVersion: SCHEMA_VERSION, main, parts, body: sha256(body) };
  const { writePrivateFile } = await import('./private-files.js');
  await writePrivateFile(layout.digest, `${JSON.stringify(header)}\n${body}`);
}
