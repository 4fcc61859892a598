// The journal: one JSON line per saved change — when, who, which command or screen, and every record
// before and after — read by `history` and by `undo`.
import { open } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Contact, Datastore } from '../domain/schema.js';
import type { MainCollections } from './file-schemas.js';
import { PRIVATE_MODE } from './private-files.js';

export const COLLECTIONS = ['settings', 'colleges', 'cadres', 'classes', 'dorms', 'students', 'assignments', 'contacts'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  settings: '设置',
  colleges: '学院',
  cadres: '干部',
  classes: '班级',
  dorms: '寝室',
  students: '困难生',
  assignments: '联系分配',
  contacts: '联系记录',
};

const recordChangeSchema = z.object({
  collection: z.enum(COLLECTIONS),
  id: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type RecordChange = { collection: CollectionName; id: string; before: unknown; after: unknown };

const entrySchema = z.object({
  revision: z.number().int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  summary: z.string(),
  /** null: not undoable (a restore replaces everything; the state before it is a backup). */
  changes: z.array(recordChangeSchema).nullable(),
  undoOf: z.number().int().optional(),
});
export type JournalEntry = z.infer<typeof entrySchema> & { changes: RecordChange[] | null };

type IdRecord = { id: string };

function diffTable(collection: CollectionName, before: readonly IdRecord[], after: readonly IdRecord[], out: RecordChange[]): void {
  const old = new Map(before.map((r) => [r.id, r]));
  for (const record of after) {
    const previous = old.get(record.id);
    old.delete(record.id);
    // Contacts are frozen once loaded, so the same object means the same record.
    if (previous === record || (previous !== undefined && isDeepStrictEqual(previous, record))) continue;
    out.push({ collection, id: record.id, before: previous ?? null, after: record });
  }
  for (const [id, record] of old) out.push({ collection, id, before: record, after: null });
}

/** Every record that differs between the state before a change and after it. */
export function computeChanges(before: MainCollections, beforeContacts: readonly Contact[], after: Datastore): RecordChange[] {
  const changes: RecordChange[] = [];
  if (!isDeepStrictEqual(before.settings, after.settings)) {
    changes.push({ collection: 'settings', id: 'settings', before: before.settings, after: after.settings });
  }
  for (const table of ['colleges', 'cadres', 'classes', 'dorms', 'students', 'assignments'] as const) {
    diffTable(table, before[table], after[table], changes);
  }
  diffTable('contacts', beforeContacts, after.contacts, changes);
  return changes;
}

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

/** Appends one entry and fsyncs it; the journal is created private. */
export async function appendEntry(file: string, entry: JournalEntry): Promise<void> {
  const handle = await open(file, 'a', PRIVATE_MODE);
  try {
    await handle.write(`${JSON.stringify(entry)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
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
 * skipped; an entry written for a save that never committed is superseded by the later entry of the
 * same revision (met first here).
 */
export async function* newestEntries(file: string, currentRevision: number): AsyncGenerator<JournalEntry> {
  const seen = new Set<number>();
  for await (const line of linesFromEnd(file)) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success || parsed.data.revision > currentRevision || seen.has(parsed.data.revision)) continue;
    seen.add(parsed.data.revision);
    yield parsed.data as JournalEntry;
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
