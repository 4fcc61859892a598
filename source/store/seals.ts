// Seals: the SHA-256 of a file's bytes as sanlianxi wrote them, after every record in it was validated.
// A file whose bytes still match its seal is read without running zod over every field again (as git
// trusts an object by its hash); a file edited by hand, damaged, or written by another program or
// schema version matches no seal and is validated in full. `sanlianxi check` always validates in full.
// The main file's seal sits beside it; the roster's and each month file's seal are in the main file.
import { readFile } from 'node:fs/promises';
import type { Contact } from '../domain/schema.js';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import type { ParsedMainFile } from './validate.js';
import type { HeadFile, MainCollections } from './file-schemas.js';
import { sha256 } from '../files/file-identity.js';
import { writePrivateFile } from '../files/private-files.js';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export { sha256 } from '../files/file-identity.js';

/**
 * A file's bytes parsed by `trusted` when they match `seal`, otherwise by `validated` (which may load
 * the validation it needs: validate.ts and zod are loaded only for a file that matches no seal); with
 * their hash either way, so a file validated now can be sealed at the next save.
 */
export async function parseBySeal<T>(
  bytes: Buffer,
  seal: string | null,
  trusted: (text: string) => T | Promise<T>,
  validated: (text: string) => T | Promise<T>,
): Promise<{ value: T; sha256: string }> {
  const hash = sha256(bytes);
  return { value: await (hash === seal ? trusted : validated)(bytes.toString('utf8')), sha256: hash };
}

/**
 * The sealed hash of the main file, or null: no seal, an unreadable one, or one of another schema
 * version. Checked without a schema: the value is only ever compared with a SHA-256 computed now, so
 * anything but the hash of the very bytes read matches nothing and the file is validated in full.
 */
export async function readSeal(sealFile: string): Promise<string | null> {
  try {
    const seal = JSON.parse(await readFile(sealFile, 'utf8')) as { schemaVersion?: unknown; sha256?: unknown } | null;
    return seal?.schemaVersion === SCHEMA_VERSION && typeof seal.sha256 === 'string' && SHA256_PATTERN.test(seal.sha256)
      ? seal.sha256
      : null;
  } catch {
    return null;
  }
}

/** A main file whose bytes match its seal: a head written by this schema version. */
export function parseSealedMainText(text: string): ParsedMainFile {
  return { head: JSON.parse(text) as HeadFile, inline: null };
}

/** A roster file whose bytes match the seal its main file names. */
export function parseSealedRosterText(text: string): MainCollections {
  return JSON.parse(text) as MainCollections;
}

/** A month file whose bytes match the seal its main file names. */
export function parseSealedPartText(text: string): Contact[] {
  return (JSON.parse(text) as { contacts: Contact[] }).contacts;
}

/** Written after the main file is committed: a lost or stale seal only means a full validation. */
export async function writeSeal(sealFile: string, hash: string): Promise<void> {
  await writePrivateFile(sealFile, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, sha256: hash })}\n`);
}
