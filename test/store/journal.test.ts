// The journal read from its end: undo and history after years of saves read only what they need.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compactJournal,
  journalLine,
  latestEntries,
  newestEntries,
  parseJournalLine,
} from '../../source/store/journal.js';
import type { JournalEntry } from '../../source/domain/journal-entry.js';
import { expiredEntries } from '../../source/store/retention.js';
import { undoCandidate } from '../../source/domain/undo.js';

const entry = (revision: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  revision,
  at: '2026-11-25T01:00:00.000Z',
  user: 'secretary',
  action: 'log',
  summary: '联系记录 新增 1',
  // Chinese text of varying length, so 1 MB chunk boundaries fall inside multi-byte characters.
  changes: [
    { collection: 'contacts', id: `ct_${revision}`, before: null, after: { note: '走访寝室'.repeat(revision % 97) } },
  ],
  ...extra,
});

function journal(entries: (JournalEntry | string)[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-journal-')), 'j.jsonl');
  appendFileSync(file, entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n');
  return file;
}

describe('journal', () => {
  it('reads a single line (the oldest, at every save) as it reads many: the same entry, the same refusals', () => {
    const good = journalLine(entry(7, { undoOf: 3 }));
    const lines = [
      good,
      JSON.stringify(entry(8)),
      good.replace('"revision":7', '"revision":6'),
      good.slice(0, -20),
      JSON.stringify({ ...entry(9), revision: 'nine' }),
      JSON.stringify({ ...entry(10), changes: [{ collection: 'rooms', id: 'r', before: null, after: null }] }),
      JSON.stringify({ ...entry(11), undoOf: 1.5 }),
    ];
    const many = lines.map((l) => parseJournalLine(l));
    expect(many.map((e) => e?.revision ?? null)).toEqual([7, 8, null, null, null, null, null]);
    expect(lines.map((l) => parseJournalLine(l, true))).toEqual(many);
  });

  it('finds the oldest entry that reads for retention behind torn lines, and in a first line longer than a read of the file head', async () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const old = entry(1, {
      at: '2023-06-01T02:00:00.000Z',
      changes: [{ collection: 'contacts', id: 'ct_1', before: null, after: { note: '走访寝室'.repeat(30_000) } }],
    });
    // 200 entries after it, past the retention period after it: the floor by count is met.
    const recent = Array.from({ length: 200 }, (_, i) => journalLine(entry(2 + i, { at: '2026-11-20T02:00:00.000Z' })));
    const file = (lines: string[]) => {
      const path = join(mkdtempSync(join(tmpdir(), 'slx-journal-')), 'j.jsonl');
      writeFileSync(path, lines.join('\n') + '\n');
      return path;
    };
    // The 2023 entry (360 KB of three-byte characters) lies behind a torn line and an empty one: the journal is compacted.
    const behindTorn = file(['{"revision": 0, "at": "2020', '', journalLine(old), ...recent]);
    expect(await compactJournal(behindTorn, now)).toBe(true);
    expect((await latestEntries(behindTorn, 201, 300)).map((e) => e.revision)).toEqual(
      Array.from({ length: 200 }, (_, i) => 2 + i),
    );
    // Only torn lines before recent entries: nothing is old enough.
    expect(await compactJournal(file(['{"torn', JSON.stringify(old).slice(0, 70_000), ...recent]), now)).toBe(false);
    expect(await compactJournal(join(mkdtempSync(join(tmpdir(), 'slx-journal-')), 'none.jsonl'), now)).toBe(false);
  });

  it('retention drops an entry only past 730 days by the newest entry and with 200 later entries each 730 days after it', () => {
    const t = (day: string) => Date.parse(`${day}T02:00:00.000Z`);
    const newest = t('2026-11-20');
    const times = (day: string, n: number) => Array.from({ length: n }, () => t(day));
    const expired = (list: number[]) => expiredEntries(list, newest).flatMap((e, i) => (e ? [i] : []));
    expect(expired([...times('2023-06-01', 3), ...times('2026-11-20', 200)])).toEqual([0, 1, 2]);
    // The newest 200 always stay, however old.
    expect(expired([...times('2023-06-01', 3), ...times('2026-11-20', 199)])).toEqual([]);
    expect(expired(times('2020-01-01', 200))).toEqual([]);
    // 250 saves under a clock three years ahead, then set right: the entries before them are judged by the right time.
    expect(expired([...times('2026-11-01', 5), ...times('2029-11-01', 250), ...times('2026-11-20', 3)])).toEqual([]);
    // One save dated in the future makes nothing before it look expired.
    expect(expired([...times('2026-11-01', 5), ...times('2029-11-01', 1), ...times('2026-11-20', 300)])).toEqual([]);
    // A time that does not read is never dropped, nor counts as a later entry.
    expect(expired([NaN, t('2023-06-01'), ...times('2026-11-20', 200)])).toEqual([1]);
    expect(expired([t('2023-06-01'), NaN, ...times('2026-11-20', 199)])).toEqual([]);
  });

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
    const file = journal([
      entry(1),
      entry(2),
      entry(3),
      entry(4, { action: 'undo', undoOf: 3 }),
      entry(5, { action: 'undo', undoOf: 2 }),
    ]);
    const { entry: candidate, later } = await undoCandidate(newestEntries(file, 5), 5);
    expect(candidate.revision).toBe(1);
    expect(later.map((e) => e.revision)).toEqual([2, 3, 4, 5]);
    await expect(undoCandidate(newestEntries(file, 5), 5, 3)).rejects.toThrow('第 3 号修改已经撤销过了');
    await expect(undoCandidate(newestEntries(file, 5), 5, 9)).rejects.toThrow('日志中没有第 9 号修改');
  });
});
