// The journal read from its end: undo and history after years of saves read only what they need.
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestEntries, newestEntries, type JournalEntry } from '../../source/store/journal.js';
import { undoCandidate } from '../../source/store/undo.js';

const entry = (revision: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  revision,
  at: '2026-11-25T01:00:00.000Z',
  user: 'secretary',
  action: 'log',
  summary: '联系记录 新增 1',
  // Chinese text of varying length, so 1 MB chunk boundaries fall inside multi-byte characters.
  changes: [{ collection: 'contacts', id: `ct_${revision}`, before: null, after: { note: '走访寝室'.repeat(revision % 97) } }],
  ...extra,
});

function journal(entries: (JournalEntry | string)[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-journal-')), 'j.jsonl');
  appendFileSync(file, entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n');
  return file;
}

describe('journal', () => {
  it('reads newest first across megabyte chunks, skipping torn lines, later duplicates of a revision winning, revisions not yet committed left out', async () => {
    const lines: (JournalEntry | string)[] = [];
    for (let r = 1; r <= 4000; r++) lines.push(entry(r));
    lines.push('{"revision": 4001, "at": "torn');
    lines.push(entry(4001, { summary: '未提交' }), entry(4001, { summary: '已提交' }), entry(4002));
    const file = journal(lines);
    const all: JournalEntry[] = [];
    for await (const e of newestEntries(file, 4001)) all.push(e);
    expect(all).toHaveLength(4001);
    expect(all.map((e) => e.revision)).toEqual(Array.from({ length: 4001 }, (_, i) => 4001 - i));
    expect(all[0]!.summary).toBe('已提交');
    expect(all.find((e) => e.revision === 2500)!.changes![0]!.after).toEqual({ note: '走访寝室'.repeat(2500 % 97) });
    expect((await latestEntries(file, 4001, 3)).map((e) => e.revision)).toEqual([3999, 4000, 4001]);
  });

  it('undo takes the newest change not undone and the entries after it', async () => {
    const file = journal([entry(1), entry(2), entry(3), entry(4, { action: 'undo', undoOf: 3 }), entry(5, { action: 'undo', undoOf: 2 })]);
    const { entry: candidate, later } = await undoCandidate(newestEntries(file, 5), 5);
    expect(candidate.revision).toBe(1);
    expect(later.map((e) => e.revision)).toEqual([2, 3, 4, 5]);
    await expect(undoCandidate(newestEntries(file, 5), 5, 3)).rejects.toThrow('第 3 号修改已经撤销过了');
    await expect(undoCandidate(newestEntries(file, 5), 5, 9)).rejects.toThrow('日志中没有第 9 号修改');
  });
});
