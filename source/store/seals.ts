// Seals: the SHA-256 of a file's bytes as written, every record validated. A file whose bytes match its seal
// is read without zod (as git trusts an object by its hash); any other is validated in full.
import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import type { HeadFile, MainCollections, PartFile } from './file-schemas.js';
import { sha256 } from '../files/file-identity.js';
import { writePrivateFile } from '../files/private-files.js';

type Parse<T> = (text: string) => T | Promise<T>;

/** With the bytes' hash either way: a file validated now can be sealed at the next save. */
export async function parseBySeal<T>(bytes: Buffer, seal: string | null, trusted: Parse<T>, validated: Parse<T>) {
  const hash = sha256(bytes);
  return { value: await (hash === seal ? trusted : validated)(bytes.toString('utf8')), sha256: hash };
}

/** The sealed hash of the main file, or null (none, unreadable, of another schema version). Only ever compared with a hash taken now. */
export async function readSeal(sealFile: string): Promise<string | null> {
  const seal: { schemaVersion?: unknown; sha256?: unknown } | null = await readFile(sealFile, 'utf8')
    .then(JSON.parse)
    .catch(() => null);
  return seal?.schemaVersion === SCHEMA_VERSION && typeof seal.sha256 === 'string' ? seal.sha256 : null;
}

/** A main, roster or month file whose bytes match their seal (the main file's: of this schema version). */
export const parseSealedMainText = (text: string) => ({ head: JSON.parse(text) as HeadFile, inline: null });
export const parseSealedRosterText = (text: string) => JSON.parse(text) as MainCollections;
export const parseSealedPartText = (text: string) => (JSON.parse(text) as PartFile).contacts;

/** Written after the main file is committed: a lost or stale seal only means a full validation. */
export async function writeSeal(sealFile: string, hash: string): Promise<void> {
  await writePrivateFile(sealFile, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, sha256: hash })}\n`);
}
