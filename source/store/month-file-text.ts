// A `log`'s records spliced into the month's bytes read: the very bytes a full serialisation gives, without
// escaping the whole month again.
import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import type { Contact } from '../domain/schema.js';
import { asciiJson } from './ascii-json.js';
import { sha256 } from '../files/file-identity.js';
import type { PartFile } from './file-schemas.js';

/** How a month file's bytes end: the records' array and the object closed, then a newline. */
export const MONTH_FILE_ENDING = ']}\n';

/** What a save knows of a month's file as read: its path, the hash of its bytes, its records, and the bytes if still held. */
export interface MonthAsRead {
  path: string;
  sha256: string;
  contacts: readonly Contact[];
  /** The bytes parsed into `contacts`; without them the file is read again (and must still hash to `sha256`). */
  bytes?: Buffer | undefined;
}

/** The month file's bytes for `part` (its JSON and a newline), spliced onto the file it extends when that file is still the bytes read. */
export async function monthFileBytes(part: PartFile, read: MonthAsRead | undefined): Promise<Buffer> {
  const full = () => Buffer.from(`${asciiJson(part)}\n`, 'latin1');
  const { contacts } = part;
  const appends =
    read !== undefined &&
    read.contacts.length > 0 &&
    read.contacts.length < contacts.length &&
    read.contacts.every((c, i) => contacts[i] === c);
  if (!appends) return full();
  const bytes = read.bytes ?? (await readFile(read.path).catch(() => null));
  // Written by an older version (not ASCII), or no longer the file read: serialised in full.
  if (bytes === null || !isAscii(bytes) || (read.bytes === undefined && sha256(bytes) !== read.sha256)) return full();
  if (bytes.subarray(-MONTH_FILE_ENDING.length).toString('latin1') !== MONTH_FILE_ENDING) return full();
  const added = contacts.slice(read.contacts.length).map((c) => asciiJson(c));
  // Bytes, not a string: no copy of the month is decoded, joined, hashed and encoded again.
  return Buffer.concat([
    bytes.subarray(0, -MONTH_FILE_ENDING.length),
    Buffer.from(`,${added.join(',')}${MONTH_FILE_ENDING}`, 'latin1'),
  ]);
}
