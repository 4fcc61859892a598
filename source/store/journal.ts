// The journal: one JSON line per saved change — when, who, which command or screen, and every record
// before and after — read by `history` and by `undo`.
import { open, readFile } from 'node:fs/promises';
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

/**
 * The entries that describe saved revisions, oldest first. A line torn by a crash is skipped; an entry
 * written for a save that never committed is superseded by the next entry of the same revision.
 */
export async function readEntries(file: string, currentRevision: number): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const byRevision = new Map<number, JournalEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = entrySchema.safeParse(raw);
    if (parsed.success && parsed.data.revision <= currentRevision) byRevision.set(parsed.data.revision, parsed.data as JournalEntry);
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}
