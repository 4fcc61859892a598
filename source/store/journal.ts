// Each line ends with its own check (`,"check":"<16 hex>"}`, the start of the SHA-256 of the line before
// it): a line torn by a crash or a full disk fails it and is skipped. Older lines, without one, still read.
import { open, rm, stat, truncate } from 'node:fs/promises';
// zod/mini: a save reads the oldest line, and loads no other schema API (contact-schema.ts).
import * as z from 'zod/mini';
import { COLLECTIONS, type JournalEntry } from '../domain/journal-entry.js';
import { PRIVATE_MODE, replacePrivateFile } from '../files/private-files.js';
import { expiredEntries, KEEP_JOURNAL_ENTRIES, olderThanKept } from './retention.js';
import { sha256 } from '../files/file-identity.js';

/** The journal is rewritten once its oldest entry would go even were it this much newer: about once a month. */
const COMPACT_SLACK_MS = 30 * 86_400_000;

const CHECKED_LINE = /,"check":"([0-9a-f]{16})"\}$/;

export function journalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json.slice(0, -1)},"check":"${sha256(json).slice(0, 16)}"}`;
}

/** null for a torn, damaged or foreign line. `one`: a lone line (a save reads the oldest): zod's parser uncompiled. */
export function parseJournalLine(line: string, one = false): JournalEntry | null {
  const checked = CHECKED_LINE.exec(line);
  const json = checked ? `${line.slice(0, checked.index)}}` : line;
  if (checked ? sha256(json).slice(0, 16) !== checked[1] : line.includes('"check":')) return null;
  try {
    const parsed = entrySchema.safeParse(JSON.parse(json), one ? { jitless: true } : undefined);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const entrySchema: z.ZodMiniType<JournalEntry> = z.object({
  revision: z.int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  summary: z.string(),
  changes: z.nullable(
    z.array(z.object({ collection: z.enum(COLLECTIONS), id: z.string(), before: z.unknown(), after: z.unknown() })),
  ),
  undoOf: z.optional(z.int()),
});

/** Fsynced, on a line of its own even after a torn one; a failed append leaves no trace. Returns the size before. */
export async function appendEntry(file: string, entry: JournalEntry): Promise<number> {
  const handle = await open(file, 'a+', PRIVATE_MODE);
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    try {
      await handle.writeFile(`${size > 0 && last[0] !== 0x0a ? '\n' : ''}${journalLine(entry)}\n`);
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
    return size;
  } finally {
    await handle.close();
  }
}

/** Drops the entry of a save that failed: no line for a change not saved. */
export async function dropEntriesFrom(file: string, size: number): Promise<void> {
  if (size === 0) await rm(file, { force: true });
  else await truncate(file, size);
}

export async function journalSize(file: string): Promise<{ bytes: number; lines: number }> {
  let count = 0;
  for await (const _line of lines(file)) count++;
  return { bytes: (await stat(file).catch(() => null))?.size ?? 0, lines: count };
}

/** Without expired entries and torn lines; `now`: the newest entry's time. Under the datastore's lock. */
export async function compactJournal(file: string, now: Date): Promise<boolean> {
  const newest = now.getTime();
  // Every save reads the oldest entry; the newest only once it is old enough, the whole journal once it would go.
  let probe = NaN;
  for await (const line of lines(file)) {
    const entry = parseJournalLine(line, true);
    probe = entry ? Date.parse(entry.at) + COMPACT_SLACK_MS : NaN;
    if (!Number.isNaN(probe)) break;
  }
  if (!olderThanKept(probe, newest)) return false;
  const latest = await entryTimes(lines(file, true), KEEP_JOURNAL_ENTRIES);
  if (!expiredEntries([probe, ...latest.reverse()], newest)[0]) return false;
  const expired = expiredEntries(await entryTimes(lines(file)), newest);
  let index = 0;
  // A crash or a full disk leaves the old journal or the new one, never one cut short.
  await replacePrivateFile(file, async (out) => {
    let chunk = '';
    for await (const line of lines(file)) {
      const entry = parseJournalLine(line);
      if (entry && !expired[index++]) chunk += `${journalLine(entry)}\n`;
      if (chunk.length >= 1 << 20) {
        await out.writeFile(chunk);
        chunk = '';
      }
    }
    await out.writeFile(chunk);
  });
  return true;
}

/** The times of the first `limit` entries of `lines` that read (NaN: a time that does not). */
async function entryTimes(lines: AsyncIterable<string>, limit = Infinity): Promise<number[]> {
  const times: number[] = [];
  for await (const line of lines) {
    const entry = parseJournalLine(line);
    if (entry) times.push(Date.parse(entry.at));
    if (times.length === limit) break;
  }
  return times;
}

/**
 * The non-empty lines, first first or last first, a chunk at a time: a save reads the oldest entry, `undo`
 * and `history` the newest, neither the whole journal. A newline byte never sits inside a UTF-8 character.
 */
async function* lines(file: string, backwards = false): AsyncGenerator<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (handle === null) return;
  try {
    const { size } = await handle.stat();
    let carry: Buffer = Buffer.alloc(0);
    for (let done = 0; done < size;) {
      const length = Math.min(1 << 16, size - done);
      const { buffer } = await handle.read(Buffer.alloc(length), 0, length, backwards ? size - done - length : done);
      done += length;
      const text = Buffer.concat(backwards ? [buffer, carry] : [carry, buffer]);
      const pieces: Buffer[] = [];
      let start = 0;
      for (let nl: number; (nl = text.indexOf(0x0a, start)) >= 0; start = nl + 1) pieces.push(text.subarray(start, nl));
      pieces.push(text.subarray(start));
      // The piece at the edge not yet read may go on in the next chunk.
      carry = (backwards ? pieces.shift() : pieces.pop())!;
      for (const piece of backwards ? pieces.reverse() : pieces) if (piece.length > 0) yield piece.toString('utf8');
    }
    if (carry.length > 0) yield carry.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Newest first; an entry of a save that never committed is superseded by the later one of its revision. */
export async function* newestEntries(file: string, currentRevision: number): AsyncGenerator<JournalEntry> {
  const seen = new Set<number>();
  for await (const line of lines(file, true)) {
    const entry = parseJournalLine(line);
    if (!entry || entry.revision > currentRevision || seen.has(entry.revision)) continue;
    seen.add(entry.revision);
    yield entry;
  }
}

/** The latest `limit` entries, oldest first. */
export async function latestEntries(file: string, currentRevision: number, limit: number): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  if (limit <= 0) return out;
  for await (const entry of newestEntries(file, currentRevision)) {
    out.push(entry);
    if (out.length >= limit) break;
  }
  return out.sort((a, b) => a.revision - b.revision);
}
