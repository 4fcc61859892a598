// What identifies a file's content: the SHA-256 of its bytes, and (cheaper, from stat) its stamp.
import type { Stats } from 'node:fs';
import { createHash } from 'node:crypto';

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Identifies one saved version of a file: a save replaces it (new inode) or at least changes size/mtime. */
export function stampOf(info: Stats): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}
