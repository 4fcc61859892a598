// The journal: one JSON line per saved change — when, who, which command or screen, and every record
// before and after — read by `history` and by `undo`. Each line ends with its own check
// (`,"check":"<16 hex>"}`, the start of the SHA-256 of the line before it): a line torn by a crash or a
// full disk fails its check and is ignored, never read as another entry; lines of older versions,
// without a check, are still read. Retention: retention.ts.
import { createReadStream } from 'node:fs';
import { open, rm, truncate } from 'node:fs/promises';
// zod/mini: a save reads the oldest line, and loads no other schema API (contact-schema.ts).
import * as z from 'zod/mini';
import { TABLE_LABELS, TABLES } from '../domain/tables.js';
import { PRIVATE_MODE, replacePrivateFile } from '../files/private-files.js';
import { expiredEntries, KEEP_JOURNAL_ENTRIES, olderThanKept } from './retention.js';
import { sha256 } from './seals.js';

/** The journal is rewritten once its oldest entry would go even were it this much newer. */
const COMPACT_SLACK_DAYS = 30;
const DAY_MS = 86_400_000;

const CHECKED_LINE = /,"check":"([0-9a-f]{16})"\}$/;

/** One journal line: the entry's JSON with its check as the last field. */
export function journalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json.slice(0, -1)},"check":"${sha256(json).slice(0, 16)}"}`;
}

/**
 * The entry a line holds, or null for a torn, damaged or foreign line. `one`: a single line is read
 * (every save reads the oldest), checked by zod's interpreter instead of a parser compiled for it first.
 */
export function parseJournalLine(line: string, one = false): JournalEntry | null {
  const checked = CHECKED_LINE.exec(line);
  let json = line;
  if (checked) {
    json = `${line.slice(0, checked.index)}}`;
    if (sha256(json).slice(0, 16) !== checked[1]) return null;
  } else if (line.includes('"check":')) {
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(raw, one ? { jitless: true } : undefined);
  return parsed.success ? (parsed.data as JournalEntry) : null;
}

export const COLLECTIONS = ['settings', ...TABLES] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const COLLECTION_LABELS: Record<CollectionName, string> = { settings: '设置', ...TABLE_LABELS };

const recordChangeSchema = z.object({
  collection: z.enum(COLLECTIONS),
  id: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type RecordChange = { collection: CollectionName; id: string; before: unknown; after: unknown };

const entrySchema = z.object({
  revision: z.int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  summary: z.string(),
  /** null: not undoable (a restore replaces everything; the state before it is a backup). */
  changes: z.nullable(z.array(recordChangeSchema)),
  undoOf: z.optional(z.int()),
});
export type JournalEntry = z.infer<typeof entrySchema> & { changes: RecordChange[] | null };

/** `联系记录 新增 1；联系分配 修改 1` */
export function summarizeChanges(changes: readonly RecordChange[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) {
    const verb = c.before === null ? '新增' : c.after === null ? '删除' : '修改';
    const key = `${COLLECTION_LABELS[c.collection]} ${verb}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? '无改动' : [...counts].map(([k, n]) => `${k} ${n}`).join('；');
}

/**
 * Appends one entry, whole (writeFile loops over short writes), and fsyncs it; the journal is created
 * private. A journal whose last line was torn (no final newline) first gets one, so the torn line stays
 * alone and the new entry reads whole. Returns the journal's size before, for dropEntriesFrom; a failed
 * append (a full disk) leaves the journal as it was.
 */
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

/** Drops what was appended after `size` bytes (the entry of a save that failed): no line for a change not saved. */
export async function dropEntriesFrom(file: string, size: number): Promise<void> {
  if (size === 0) await rm(file, { force: true });
  else await truncate(file, size);
}

/** The journal's size in bytes and lines (for `check`); zeros when there is none. */
export async function journalSize(file: string): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { bytes, lines };
}

/** The time of the journal's first entry that reads with a time that reads, or null. */
async function oldestEntryTime(file: string): Promise<number | null> {
  try {
    for await (const line of linesFromStart(file)) {
      const entry = parseJournalLine(line, true);
      const time = entry ? Date.parse(entry.at) : NaN;
      if (!Number.isNaN(time)) return time;
    }
  } catch {
    // no journal
  }
  return null;
}

/**
 * The file's lines, first first, read a chunk at a time: every save asks for the oldest entry, and a
 * read stream through readline costs several times one read of the file's head.
 */
async function* linesFromStart(file: string, chunkSize = 1 << 16): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  try {
    let position = 0;
    let carry = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.alloc(chunkSize);
      const { bytesRead } = await handle.read(chunk, 0, chunkSize, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const buf =
        carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl: number; (nl = buf.indexOf(0x0a, start)) >= 0; start = nl + 1) {
        if (nl > start) yield buf.toString('utf8', start, nl);
      }
      carry = buf.subarray(start);
    }
    if (carry.length > 0) yield carry.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The times of the journal's newest KEEP_JOURNAL_ENTRIES entries that read (fewer: all), oldest first. */
async function latestTimes(file: string): Promise<number[]> {
  const times: number[] = [];
  for await (const line of linesFromEnd(file)) {
    const entry = parseJournalLine(line);
    if (entry) times.push(Date.parse(entry.at));
    if (times.length === KEEP_JOURNAL_ENTRIES) break;
  }
  return times.reverse();
}

/** The times of the journal's entries that read, in journal order: its lines split as the rewrite splits them. */
async function entryTimes(file: string): Promise<number[]> {
  const times: number[] = [];
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const entry = parseJournalLine(line);
    if (entry) times.push(Date.parse(entry.at));
  }
  return times;
}

/**
 * Retention (retention.ts): once the oldest entry would be dropped even were it a month newer (so this
 * runs about once a month), the journal is rewritten without the entries expiredEntries drops and
 * without lines that fail their check. `now`: the time of the save just journalled, the newest entry's.
 * Under the datastore's lock.
 */
export async function compactJournal(file: string, now: Date): Promise<boolean> {
  const newest = now.getTime();
  const oldest = await oldestEntryTime(file);
  const probe = oldest === null ? NaN : oldest + COMPACT_SLACK_DAYS * DAY_MS;
  // The newest entries are read only once the oldest is old enough by the newest entry's time.
  if (!olderThanKept(probe, newest) || !expiredEntries([probe, ...(await latestTimes(file))], newest)[0]) return false;
  const expired = expiredEntries(await entryTimes(file), newest);
  let index = 0;
  const { createInterface } = await import('node:readline');
  const input = createReadStream(file);
  // Whole, fsynced, renamed over the journal and the folder fsynced (private-files.ts): a crash or a
  // full disk leaves the old journal or the new one, never one cut short.
  try {
    await replacePrivateFile(file, async (out) => {
      let chunk = '';
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        const entry = parseJournalLine(line);
        if (entry && !expired[index++]) chunk += `${journalLine(entry)}\n`;
        if (chunk.length >= 1 << 20) {
          await out.writeFile(chunk);
          chunk = '';
        }
      }
      await out.writeFile(chunk);
    });
  } finally {
    input.destroy();
  }
  return true;
}

/** The file's lines, last first, read from the end a chunk at a time (a newline byte never sits inside a UTF-8 character). */
async function* linesFromEnd(file: string, chunkSize = 1 << 20): AsyncGenerator<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    let position = (await handle.stat()).size;
    let carry = Buffer.alloc(0);
    while (position > 0) {
      const size = Math.min(chunkSize, position);
      position -= size;
      const chunk = Buffer.alloc(size);
      await handle.read(chunk, 0, size, position);
      const buf = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
      let end = buf.length;
      // end > 0 first: lastIndexOf counts a negative offset from the end of the buffer.
      for (let nl: number; end > 0 && (nl = buf.lastIndexOf(0x0a, end - 1)) >= 0; end = nl) {
        if (nl + 1 < end) yield buf.toString('utf8', nl + 1, end);
      }
      carry = buf.subarray(0, end);
    }
    if (carry.length > 0) yield carry.toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The entries that describe saved revisions, newest first, read from the end of the journal so that
 * `undo` and `history` cost what they show, not five years of lines. A line torn by a crash is
 * skipped (parseJournalLine); an entry written for a save that never committed is superseded by the later entry of the
 * same revision (met first here).
 */
export async function* newestEntries(file: string, currentRevision: number): AsyncGenerator<JournalEntry> {
  const seen = new Set<number>();
  for await (const line of linesFromEnd(file)) {
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
