// Issue 21, case 7: a clock moved ahead or back between saves (a mistyped date, a dead CMOS battery, a
// clock set right again) keeps the journal — history and undo — and the newest backups, listed by revision.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { randomId } from '../../source/domain/context.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const ctx = () => ({ ...testContext('2026-11-25'), newId: randomId });
/** 2026-11-20 09:00 in Shanghai: the right time of the first save. */
const RIGHT = Date.parse('2026-11-20T01:00:00Z');
const DAY = 86_400_000;
const YEAR = 365 * DAY;

let minute = 0;
/** The clock set to `offset` from the right time (each save a minute after the one before, as a secretary works). */
function clockAt(offset: number): void {
  minute += 1;
  vi.setSystemTime(RIGHT + offset + minute * 60_000);
}

async function assignedAt(offset: number): Promise<DatastoreFile> {
  clockAt(offset);
  const file = join(mkdtempSync(join(tmpdir(), 'slx-clock-')), 'data.json');
  const data = smallSchool([AUTUMN]);
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx());
  await new DatastoreFile(file).create(data);
  return new DatastoreFile(file);
}

async function logAt(store: DatastoreFile, offset: number, note: string): Promise<void> {
  clockAt(offset);
  await store.update(
    (d) => logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-02', note }, ctx()),
    {
      action: 'log',
      contacts: '2026-11-02',
    },
  );
}

const revisions = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The revisions `backups` lists, in its order (newest first). */
async function listedBackups(store: DatastoreFile): Promise<number[]> {
  const { code, stdout } = await runCli(['backups'], store.file);
  expect(code).toBe(0);
  return [...stdout.matchAll(/^\S+-r\d+\S*\s+\S+ \S+\s+(\d+)$/gm)].map((m) => Number(m[1]));
}

describe('clock jumps between saves', () => {
  beforeEach(() => {
    minute = 0;
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => void vi.useRealTimers());

  it('one save with the clock 1,100 days ahead keeps every journal entry; back at the right time, history and undo go on', async () => {
    const store = await assignedAt(0);
    for (let n = 1; n <= 6; n++) await logAt(store, 0, `第${n}次`);
    await logAt(store, 1100 * DAY, '钟快了');
    expect((await store.history()).map((e) => e.revision)).toEqual(revisions(1, 8));
    await logAt(store, 0, '钟拨回');
    expect((await store.history()).map((e) => e.revision)).toEqual(revisions(1, 9));
    expect((await store.undo({ action: 'undo' })).result).toContain('已撤销第 9 号修改');
    expect((await store.undo({ action: 'undo' })).result).toContain('已撤销第 8 号修改');
    expect((await store.undo({ action: 'undo' })).result).toContain('已撤销第 7 号修改');
    expect((await store.load()).contacts.map((c) => c.note)).toEqual(['第1次', '第2次', '第3次', '第4次', '第5次']);
  });

  it('jumps of ±1 day, +1 year and +3 years, each set right again: backups listed by revision, the newest 20 always kept', async () => {
    const store = await assignedAt(0);
    for (let n = 1; n <= 21; n++) await logAt(store, 0, `今天${n}`);
    await logAt(store, DAY, '快一天');
    await logAt(store, -DAY, '慢一天');
    await logAt(store, 0, '拨正');
    // The newest is the latest save, whatever the time in its name.
    expect((await listedBackups(store)).slice(0, 3)).toEqual([25, 24, 23]);
    for (let n = 1; n <= 21; n++) await logAt(store, YEAR, `快一年${n}`);
    for (let n = 1; n <= 3; n++) await logAt(store, 2 * 60 * 60_000, `拨正后${n}`);
    // The saves made after the clock was set right are kept, and listed first.
    expect((await listedBackups(store)).slice(0, 20)).toEqual(revisions(30, 49).reverse());
    await logAt(store, 3 * YEAR, '快三年');
    await logAt(store, 3 * 60 * 60_000, '再拨正1');
    await logAt(store, 3 * 60 * 60_000, '再拨正2');
    // The newest 20 by revision, and the newest of each day with saves: 11-21 (r23) and 11-19 (r24);
    // the future days' newest (r46, r50) are among the 20.
    expect(await listedBackups(store)).toEqual([...revisions(33, 52).reverse(), 24, 23]);
    expect((await store.history()).map((e) => e.revision)).toEqual(revisions(1, 52));
    expect((await store.undo({ action: 'undo' })).result).toContain('已撤销第 52 号修改');
    expect((await store.load()).contacts.at(-1)!.note).toBe('再拨正1');
  });
});
