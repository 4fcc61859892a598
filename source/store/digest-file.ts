// The overdue digest on disk (domain/overdue-digest.ts): a derived file, never a source of truth. Its
// first line names every file it was built from — the main file, the roster and the reporting term's month files —
// by the SHA-256 of the bytes read and their stamp (inode, size, mtime), and the SHA-256 of its own
// body. It is believed only while each of those files is the one it was built from: same stamp (as git
// trusts its index), or else the same hash. Any save replaces the main file (its revision changes), so
// a digest is never older than the data; a damaged, hand-edited or foreign digest or data file means
// building it again. Kept free of zod and the writers' modules: reading it is `overdue`'s fast path.
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { digestAnswers, type OverdueDigest } from '../domain/overdue-digest.js';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import { asciiJson } from './ascii-json.js';
import { sha256, stampOf } from './file-identity.js';
import { monthOf, type DatastoreLayout } from './layout.js';
import type { Snapshot } from './snapshot.js';
import type { PartCache } from './snapshot-reader.js';

/** Bump when the digest's shape or the overdue rules change: a digest of another version is built again. */
const DIGEST_VERSION = 2;

interface Source {
  sha256: string;
  stamp: string;
}

interface DigestHeader {
  digestVersion: number;
  schemaVersion: number;
  main: Source;
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
  if (!isSource(h.main) || !isHash(h.body) || h.parts === null || typeof h.parts !== 'object' || Array.isArray(h.parts)) return null;
  if (!Object.values(h.parts).every(isSource)) return null;
  return h as DigestHeader;
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
 * The digest on disk when every file it rests on is unchanged and its term is the one `asOf` reports
 * on; null otherwise (missing, stale, damaged, of another version).
 */
export async function readDigest(layout: DatastoreLayout, asOf: IsoDate): Promise<OverdueDigest | null> {
  const bytes = await readFile(layout.digest).catch(() => null);
  if (bytes === null) return null;
  const newline = bytes.indexOf(10);
  const header = newline < 0 ? null : headerOf(bytes.subarray(0, newline).toString('utf8'));
  if (header === null) return null;
  const body = bytes.subarray(newline + 1);
  if (sha256(body) !== header.body) return null;
  const checks = [unchanged(layout.main, header.main), ...Object.entries(header.parts).map(([name, source]) => unchanged(join(layout.partsDir, name), source))];
  if (!(await Promise.all(checks)).every(Boolean)) return null;
  let digest: OverdueDigest;
  try {
    // Written as ASCII (asciiJson): latin1 decodes it byte for byte, faster than utf8.
    digest = JSON.parse(body.toString('latin1')) as OverdueDigest;
  } catch {
    return null;
  }
  return digestAnswers(digest, asOf) ? digest : null;
}

/**
 * Writes the digest built from `snapshot` (which must hold every month of the digest's term), keyed by
 * the files read; nothing when one of them is no longer the file read. Atomic, without fsync: a lost
 * digest only costs building it again.
 */
export async function writeDigest(layout: DatastoreLayout, snapshot: Snapshot, read: PartCache, digest: OverdueDigest): Promise<void> {
  const first = monthOf(digest.term.start);
  const last = monthOf(digest.term.end);
  if (snapshot.inline || snapshot.sha256 === '' || (snapshot.fromMonth !== null && snapshot.fromMonth > first)) return;
  const main = await sourceOf(layout.main);
  if (main.sha256 !== snapshot.sha256) return;
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
  await writePrivateFile(layout.digest, `${JSON.stringify(header)}\n${body}`, { durable: false });
}
