// The overdue digest on disk and the contacts logged since it was built (README: derived files). The
// main file is hashed on every read: a few KB, and a stamp cannot tell a file rewritten in place. Kept
// free of zod and the writers' modules: reading it is `overdue`'s fast path.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { digestAnswers, digestWithContacts, type DigestContact, type OverdueDigest } from '../domain/overdue-digest.js';
import { derivedText, parseBody, readDerived } from './derived-file.js';
import type { HeadFile } from './file-schemas.js';
import { sha256, stampOf } from '../files/file-identity.js';
import { monthOf, type DatastoreLayout } from './layout.js';
import type { Snapshot } from './snapshot.js';
import type { PartCache } from './snapshot-reader.js';

interface Source {
  sha256: string;
  stamp: string;
}

/** The main file's SHA-256, and the roster and month files by name: what the digest rests on, or its additions up to now. */
interface DigestRests {
  main: string;
  parts: Record<string, Source>;
}

/** The additions continue the digest whose body and main file they name. */
interface AddedRests extends DigestRests {
  digestBody: string;
  from: string;
}

/** Beyond this many contacts the chain is dropped and the digest built again: each one costs every read. */
const MAX_ADDED = 500;

const writer = () => import('../files/private-files.js');

/** The digest file's rests, body and body hash (the body unchecked: the caller that reads it checks its hash), or null. */
async function readDigestFile(layout: DatastoreLayout, body: 'checked' | 'unchecked') {
  const read = await readDerived(await readFile(layout.digest).catch(() => null), 'overdue-digest', body);
  const rests = read?.rests as DigestRests | null | undefined;
  return read && typeof rests?.main === 'string' ? { ...read, rests } : null;
}

/** The contacts added to `digest` and what they rest on, or null (none, damaged, of another digest). */
async function readAdded(
  layout: DatastoreLayout,
  digest: { rests: DigestRests; bodyHash: string },
): Promise<(AddedRests & { contacts: DigestContact[] }) | null> {
  const read = await readDerived(await readFile(layout.digestAdded).catch(() => null), 'overdue-added');
  const rests = read?.rests as AddedRests | null | undefined;
  const contacts = read && parseBody<DigestContact[]>(read.body);
  if (rests?.digestBody !== digest.bodyHash || rests.from !== digest.rests.main || !Array.isArray(contacts))
    return null;
  return { ...rests, contacts };
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

/** The digest (with the contacts logged since) when every file it rests on is unchanged and its term is the one `asOf` reports on, else null. */
export async function readDigest(layout: DatastoreLayout, asOf: IsoDate): Promise<OverdueDigest | null> {
  const [file, main] = await Promise.all([
    readDigestFile(layout, 'checked'),
    readFile(layout.main).then(sha256, () => null),
  ]);
  if (file === null || main === null) return null;
  const added = main === file.rests.main ? null : await readAdded(layout, file);
  const now = added ?? file.rests;
  try {
    if (now.main !== main) return null;
    const checks = Object.entries(now.parts).map(([name, source]) => unchanged(join(layout.partsDir, name), source));
    if (!(await Promise.all(checks)).every(Boolean)) return null;
    const digest = digestWithContacts(parseBody<OverdueDigest>(file.body)!, added?.contacts ?? []);
    return digestAnswers(digest, asOf) ? digest : null;
  } catch {
    return null;
  }
}

/**
 * After a save that only added `contacts` (a log) to `before`, under the lock, its main file `head` of hash
 * `after`: records them as added to the digest when the digest (with the contacts recorded before) rests on
 * the main file this save replaced.
 */
export async function recordAdded(
  layout: DatastoreLayout,
  before: Snapshot,
  head: HeadFile,
  after: string,
  contacts: readonly DigestContact[],
): Promise<void> {
  const digest = await readDigestFile(layout, 'unchecked');
  if (!digest) return;
  const prior = digest.rests.main === before.sha256 ? null : await readAdded(layout, digest);
  if ((prior ?? digest.rests).main !== before.sha256) return;
  const all = [
    ...(prior?.contacts ?? []),
    ...contacts.map(({ cadreId, duty, targetId, date }) => ({ cadreId, duty, targetId, date })),
  ];
  if (all.length > MAX_ADDED) return void (await rm(layout.digestAdded, { force: true }));
  const parts = { ...(prior ?? digest.rests).parts };
  for (const [month, ref] of Object.entries(head.contactParts)) {
    const old = before.main.contactParts[month]?.file;
    if (old === ref.file) continue;
    if (old !== undefined) delete parts[old];
    parts[ref.file] = { sha256: ref.sha256 ?? '', stamp: stampOf(await stat(join(layout.partsDir, ref.file))) };
  }
  const rests: AddedRests = { digestBody: digest.bodyHash, from: digest.rests.main, main: after, parts };
  await (await writer()).writePrivateFile(layout.digestAdded, await derivedText('overdue-added', rests, all));
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
 * Writes the digest built from `snapshot` (which must hold every month of the digest's term), resting on
 * the files read; nothing when one of them is no longer the file read.
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
  await (await writer()).writePrivateFile(layout.digest, await derivedText('overdue-digest', rests, digest));
}
