// Issue 13, cases 2, 3, 4, 6, 12: month files deleted or truncated, a datastore reached through a
// symbolic link, saves that fail, writers killed mid-write. Restore rebuilds; backups are copies.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { assignedStore, logNote, notes, smallDisk, tempDir, unmount } from './fault-helpers.js';

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) unmount(dir);
});

/** The datastore's month file for `month` as the main file names it now. */
function monthFile(store: DatastoreFile, month: string): string {
  const name = readdirSync(store.layout.partsDir)
    .filter((n) => n.startsWith(`${month}.`))
    .sort()
    .at(-1)!;
  return join(store.layout.partsDir, name);
}

async function threeMonths(): Promise<DatastoreFile> {
  const store = await assignedStore();
  await logNote(store, '2026-09-10', '九月');
  await logNote(store, '2026-10-10', '十月');
  await logNote(store, '2026-11-10', '十一月');
  return store;
}

describe('damaged and missing files', () => {
  it('case 2: a deleted month file: log still saves, check names a backup, and restore of it brings every contact back', async () => {
    const store = await threeMonths();
    rmSync(monthFile(store, '2026-09'));
    // A log of another month neither reads nor backs up from the missing file's place.
    await logNote(new DatastoreFile(store.file, { contacts: '2026-11-01' }), '2026-11-20', '十一月二');
    const error = await new DatastoreFile(store.file, { contacts: 'all', verify: 'full' })
      .load()
      .catch((e: Error) => e.message);
    const id = /最近的有效备份：(\S+)（/.exec(String(error))?.[1];
    expect(error).toMatch(/2026-09\.r2\.json 不见了/);
    expect(id).toBeDefined();
    await new DatastoreFile(store.file).restore(id!, { action: 'restore' });
    expect(await notes(store.file)).toEqual(['九月', '十一月', '十一月二', '十月']);
  });

  it('case 2: a truncated month file is rebuilt by restore; the damaged file is not read as data', async () => {
    const store = await threeMonths();
    const october = monthFile(store, '2026-10');
    truncateSync(october, Math.floor(statSync(october).size / 2));
    const error = await new DatastoreFile(store.file).load('all').catch((e: Error) => e.message);
    const id = /restore (\S+) --data/.exec(String(error))?.[1];
    expect(error).toMatch(/不是有效的 JSON/);
    await new DatastoreFile(store.file).restore(id!, { action: 'restore' });
    expect(await notes(store.file)).toEqual(['九月', '十一月', '十月']);
  });

  it('case 4: damage in place to a live month file reaches no backup', async () => {
    const store = await threeMonths();
    const september = monthFile(store, '2026-09');
    truncateSync(september, 50);
    const backups = await store.backups();
    expect(backups.length).toBeGreaterThanOrEqual(3);
    // Every backup of a revision that has September still reads whole.
    for (const b of backups.filter((b) => b.revision >= 2)) expect(await notes(b.mainFile)).toContain('九月');
    const newest = backups.at(-1)!;
    await new DatastoreFile(store.file).restore(newest.id, { action: 'restore' });
    expect(await notes(store.file)).toEqual(['九月', '十一月', '十月']);
  });

  it('case 3: a datastore reached through a symbolic link has backups that are real files, and restore works', async () => {
    const dir = tempDir();
    const real = join(dir, 'real', 'data.json');
    execFileSync('mkdir', ['-p', join(dir, 'real')]);
    await assignedStore(real);
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    const store = new DatastoreFile(link);
    await logNote(store, '2026-11-10', '一');
    await logNote(store, '2026-11-11', '二');
    const backups = await store.backups();
    expect(backups.length).toBe(3);
    for (const b of backups) expect(lstatSync(b.mainFile).isFile()).toBe(true);
    await store.restore(backups[1]!.id, { action: 'restore' });
    expect(await notes(link)).toEqual(['一']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('case 6: saves that fail on a full disk make no backup and displace none; the next success is backed up once', async () => {
    const dir = smallDisk('400k');
    mounted.push(join(dir, '..'));
    const store = await assignedStore(join(dir, 'data.json'));
    for (let i = 1; i <= 3; i++) await logNote(store, `2026-11-1${i}`, `好${i}`);
    const before = (await store.backups()).map((b) => b.id);
    const filler = join(dir, '..', 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k', 'count=200'], { stdio: 'pipe' });
    } catch {
      // dd stops when the disk is full: that is the point.
    }
    let failures = 0;
    for (let i = 0; i < 5; i++) {
      const error = await logNote(store, '2026-11-20', `满${i}`).catch((e: Error) => e.message);
      if (typeof error === 'string') {
        expect(error).toMatch(/磁盘已满.*修改未保存/);
        failures++;
      }
    }
    expect(failures).toBe(5);
    expect((await store.backups()).map((b) => b.id)).toEqual(before);
    rmSync(filler);
    await logNote(store, '2026-11-21', '又好了');
    const after = await store.backups();
    expect(after.map((b) => b.id).slice(0, -1)).toEqual(before);
    expect(after.at(-1)!.revision).toBe(before.length + 1);
    expect(await notes(store.file)).toEqual(['又好了', '好1', '好2', '好3']);
  });

  it('case 12: temp files of killed writers are swept by the next save', async () => {
    const store = await assignedStore();
    await logNote(store, '2026-11-10', '一');
    const leftovers = [
      `${store.layout.main}.123456789`,
      `${store.layout.seal}.42`,
      join(store.layout.partsDir, '2026-11.r3.json.987654'),
    ];
    for (const f of leftovers) writeFileSync(f, 'half a file');
    writeFileSync(join(store.layout.backupsDir, '20261125-120000-000-r9.partial'), '');
    const unrelated = join(store.layout.main, '..', 'notes.txt.123');
    writeFileSync(unrelated, 'mine');
    await logNote(store, '2026-11-11', '二');
    for (const f of leftovers) expect(existsSync(f)).toBe(false);
    expect(existsSync(join(store.layout.backupsDir, '20261125-120000-000-r9.partial'))).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
  });
});
