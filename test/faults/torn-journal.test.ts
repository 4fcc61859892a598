// Issue 13, case 5: a journal line torn by a crash or a full disk is detected and ignored, never read
// as another entry; undo never reverts the wrong change.
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compactJournal,
  journalLine,
  journalSize,
  latestEntries,
  parseJournalLine,
} from '../../source/store/journal.js';
import type { JournalEntry } from '../../source/domain/journal-entry.js';
import { assignedStore, logNote, notes, tempDir } from './fault-helpers.js';

describe('torn journal lines', () => {
  it('case 5: after `truncate -s -150` of the journal, the next change is journalled whole and undo reverts it, not an older one', async () => {
    const store = await assignedStore();
    await logNote(store, '2026-11-10', '一');
    await logNote(store, '2026-11-11', '二');
    await logNote(store, '2026-11-12', '三');
    truncateSync(store.layout.journal, statSync(store.layout.journal).size - 150);
    await logNote(store, '2026-11-13', '四');
    const history = await store.history();
    // Revision 4 (三) lost its entry to the tear; revision 5 (四) reads.
    expect(history.map((e) => e.revision)).toEqual([1, 2, 3, 5]);
    const undone = await store.undo({ action: 'undo' });
    expect(undone.result).toMatch(/已撤销第 5 号修改/);
    expect(await notes(store.file)).toEqual(['一', '三', '二']);
    // The next candidate is behind the torn entry: refused, nothing reverted.
    await expect(store.undo({ action: 'undo' })).rejects.toThrow(/缺少第 4 号修改的记录.*未撤销任何修改/);
    expect(await notes(store.file)).toEqual(['一', '三', '二']);
  });

  it('case 5: every prefix of a checked line is refused, and a line with a changed byte fails its check', () => {
    const entry: JournalEntry = {
      revision: 7,
      at: '2026-11-25T01:00:00.000Z',
      user: 'secretary',
      action: 'log',
      summary: '联系记录 新增 1',
      changes: [{ collection: 'contacts', id: 'ct_1', before: null, after: { note: '走访寝室' } }],
    };
    const line = journalLine(entry);
    expect(parseJournalLine(line)).toEqual(entry);
    for (let cut = 1; cut < line.length; cut++) expect(parseJournalLine(line.slice(0, cut))).toBeNull();
    expect(parseJournalLine(line.replace('"revision":7', '"revision":6'))).toBeNull();
    // Lines of older versions (no check) still read.
    expect(parseJournalLine(JSON.stringify(entry))).toEqual(entry);
  });

  it('case 5: a torn tail followed by new entries: the torn bytes stay on their own line', async () => {
    const store = await assignedStore();
    appendFileSync(store.layout.journal, '{"revision":2,"at":"2026-11-25T0');
    await logNote(store, '2026-11-10', '一');
    const lines = readFileSync(store.layout.journal, 'utf8').split('\n');
    expect(lines.at(-3)).toBe('{"revision":2,"at":"2026-11-25T0');
    expect((await store.history()).map((e) => e.revision)).toEqual([1, 2]);
  });

  it('retention: entries older than 730 days, with 200 entries after them, are dropped once the oldest is a month past that; damaged lines go too', async () => {
    const file = join(tempDir(), 'j.jsonl');
    const at = (day: string, revision: number): JournalEntry => ({
      revision,
      at: `${day}T02:00:00.000Z`,
      user: 'u',
      action: 'log',
      summary: 's',
      changes: [],
    });
    const recent = Array.from({ length: 200 }, (_, i) => journalLine(at('2026-11-20', 3 + i)));
    writeFileSync(
      file,
      [journalLine(at('2023-06-01', 1)), journalLine(at('2024-12-01', 2)), '{"torn', ...recent].join('\n') + '\n',
    );
    expect(await journalSize(file)).toEqual({ bytes: statSync(file).size, lines: 203 });
    expect(await compactJournal(file, new Date('2026-11-25T00:00:00Z'))).toBe(true);
    expect((await latestEntries(file, 202, 300)).map((e) => e.revision)).toEqual(
      Array.from({ length: 201 }, (_, i) => 2 + i),
    );
    expect((await journalSize(file)).lines).toBe(201);
    // Revision 2 is within a month past the period: not yet worth a rewrite.
    expect(await compactJournal(file, new Date('2026-11-25T00:00:00Z'))).toBe(false);
  });
});
