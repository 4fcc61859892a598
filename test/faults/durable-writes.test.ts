// Issue 21, cases 4 and 10: a file is renamed into place only once its bytes are on disk (fsynced), and
// the folder is fsynced after the rename — for every file a save, a journal compaction and an export
// replace. A power cut then leaves the old file or the new one, never a name pointing at lost bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportForm2 } from '../../source/io/exports.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { compactJournal, journalLine } from '../../source/store/journal.js';
import { assignedStore, logNote, tempDir } from './fault-helpers.js';

// Every fsync (of the path the handle was opened with) and every rename, in order.
const events = vi.hoisted(() => [] as string[][]);
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      await sync();
      events.push(['sync', String(args[0])]);
    };
    return handle;
  };
  const rename: typeof real.rename = async (from, to) => {
    await real.rename(from, to);
    events.push(['rename', String(from), String(to)]);
  };
  return { ...real, default: { ...real, open, rename }, open, rename };
});

/** The renames (lock directories aside: a lock is no data) not preceded by an fsync of what was renamed, or not followed by one of its folder. */
function undurable(): string[] {
  const bad: string[] = [];
  events.forEach(([kind, from, to], i) => {
    if (kind !== 'rename' || /\.lock/.test(from!)) return;
    if (!events.slice(0, i).some(([k, path]) => k === 'sync' && path === from)) bad.push(`${to}: renamed unsynced`);
    if (!events.slice(i + 1).some(([k, path]) => k === 'sync' && path === dirname(to!)))
      bad.push(`${to}: folder not synced after`);
  });
  return bad;
}

describe('durable replacement', () => {
  it('a save syncs each file before its rename and the folder after', async () => {
    const store = await assignedStore();
    events.length = 0;
    await logNote(store, '2026-11-20', '一');
    expect(events.filter(([kind]) => kind === 'rename').length).toBeGreaterThan(2);
    expect(undurable()).toEqual([]);
  });

  it('the journal compaction syncs the rewritten journal before its rename and the folder after', async () => {
    const journal = join(tempDir(), 'data.journal.jsonl');
    const entry = (revision: number, at: string) =>
      journalLine({ revision, at, user: 'zhang', action: 'log', summary: '无改动', changes: [] });
    // One entry years before 201 others: past retention by age and by count, so the journal is rewritten.
    const later = Array.from({ length: 201 }, (_, i) => entry(i + 2, '2026-11-01T00:00:00.000Z'));
    writeFileSync(journal, `${[entry(1, '2020-01-01T00:00:00.000Z'), ...later].join('\n')}\n`);
    events.length = 0;
    expect(await compactJournal(journal, new Date('2026-11-25T00:00:00.000Z'))).toBe(true);
    expect(readFileSync(journal, 'utf8')).toBe(`${later.join('\n')}\n`);
    expect(undurable()).toEqual([]);
  });

  it('an export syncs the workbook before its rename and the folder after', async () => {
    const store = await assignedStore();
    const data = await store.load();
    events.length = 0;
    await exportForm2(data, buildIndexes(data), { out: join(tempDir(), 'form2.xlsx'), asOf: '2026-11-25' });
    expect(events.filter(([kind]) => kind === 'rename')).toHaveLength(1);
    expect(undurable()).toEqual([]);
  });
});
