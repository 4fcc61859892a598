// A change as the journal keeps it: every record it added, modified or removed, whole. Undo reads these
// back (undo.ts), a college user's history cuts them to her part (scope-journal.ts).
import { TABLE_LABELS, TABLES } from './tables.js';

export const COLLECTIONS = ['settings', ...TABLES] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const COLLECTION_LABELS: Record<CollectionName, string> = { settings: '设置', ...TABLE_LABELS };

/** One record as it was and as it became (null: added, or removed). */
export type RecordChange = { collection: CollectionName; id: string; before: unknown; after: unknown };

export interface JournalEntry {
  revision: number;
  at: string;
  user: string;
  action: string;
  summary: string;
  /** null: not undoable (a restore replaces everything; the state before it is a backup). */
  changes: RecordChange[] | null;
  /** Set on an undo: the revision it reverted. */
  undoOf?: number | undefined;
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
