// Seals: the SHA-256 of a file's bytes as sanlianxi wrote them, after every record in it was validated.
// A file whose bytes still match its seal is read without running zod over every field again (as git
// trusts an object by its hash); a file edited by hand, damaged, or written by another program or
// schema version matches no seal and is validated in full. `sanlianxi check` always validates in full.
// The main file's seal sits beside it; each month file's seal is in the main file's contactParts.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import { writePrivateFile } from './private-files.js';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file's bytes parsed by `trusted` when they match `seal`, otherwise by `validated`; with their hash
 * either way, so a file validated now can be sealed at the next save.
 */
export function parseBySeal<T>(
  bytes: Buffer,
  seal: string | null,
  trusted: (text: string) => T,
  validated: (text: string) => T,
): { value: T; sha256: string } {
  const hash = sha256(bytes);
  return { value: (hash === seal ? trusted : validated)(bytes.toString('utf8')), sha256: hash };
}

const sealSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), sha256: z.string().regex(SHA256_PATTERN) });

/** The sealed hash of the main file, or null: no seal, an unreadable one, or one of another schema version. */
export async function readSeal(sealFile: string): Promise<string | null> {
  try {
    const parsed = sealSchema.safeParse(JSON.parse(await readFile(sealFile, 'utf8')));
    return parsed.success ? parsed.data.sha256 : null;
  } catch {
    return null;
  }
}

/** Written after the main file is committed, without fsync: a lost or stale seal only means a full validation. */
export async function writeSeal(sealFile: string, hash: string): Promise<void> {
  await writePrivateFile(sealFile, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, sha256: hash })}\n`, { durable: false });
}
