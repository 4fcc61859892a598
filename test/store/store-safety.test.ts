// Month files, backups, journal, undo and restore: what a secretary relies on when something goes wrong.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { randomId } from '../../source/domain/context.js';
import type { BackupInfo } from '../../source/store/backups.js';
import { backupsToDrop } from '../../source/store/retention.js';
import { SCHEMA_VERSION } from '../../source/domain/vocabulary.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { permissionWarnings } from '../../source/store/permissions.js';
import { sha256 } from '../../source/files/file-identity.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

const ctx = () => ({ ...testContext('2026-11-25'), newId: randomId });

async function assigned(): Promise<DatastoreFile> {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-safe-')), 'data.json');
  const data = smallSchool([AUTUMN]);
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx());
  await new DatastoreFile(file).create(data);
  return new DatastoreFile(file);
}

const log = (store: DatastoreFile, date: string, note: string, range: string = date) =>
  store.update((d) => logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date, note }, ctx()), {
    action: 'log',
    contacts: range,
  });

describe('datastore safety', () => {
  it('keeps contacts one file per month, reads only the months asked for, and widens when a change needs more', async () => {
    const store = await assigned();
    await log(store, '2026-10-08', '十月');
    await log(store, '2026-11-20', '十一月');
    // Asked for November only, the change adds a September contact: it is run again on a wider read.
    await log(store, '2026-09-15', '九月', '2026-11-01');
    // Only contacts changed: the roster file of the first save (revision 1) is the one still named, with its index.
    expect(readdirSync(store.layout.partsDir).sort()).toEqual([
      '2026-09.r4.json',
      '2026-10.r2.json',
      '2026-11.r3.json',
      'roster.r1.index.json',
      'roster.r1.json',
    ]);
    expect((await new DatastoreFile(store.file).load('2026-11-01')).contacts.map((c) => c.note)).toEqual(['十一月']);
    expect((await new DatastoreFile(store.file).load()).contacts.map((c) => c.note)).toEqual([
      '九月',
      '十月',
      '十一月',
    ]);
    expect(statSync(join(store.layout.partsDir, '2026-09.r4.json')).mode & 0o777).toBe(0o600);
  });

  it('undo reverts the latest change, refuses one a later change depends on, and history records both', async () => {
    const store = await assigned();
    await log(store, '2026-11-20', '班会');
    await store.update((d) => void (d.cadres.find((c) => c.id === 'c_zs')!.title = '副院长'), { action: 'edit' });
    await store.update((d) => void (d.cadres.find((c) => c.id === 'c_zs')!.title = '院长'), { action: 'edit' });
    await expect(store.undo({ action: 'undo' }, 3)).rejects.toThrow(
      /无法撤销第 3 号修改.*干部 张三 之后又被第 4 号修改/,
    );
    const { result } = await store.undo({ action: 'undo' });
    expect(result).toContain('已撤销第 4 号修改');
    expect((await store.load()).cadres.find((c) => c.id === 'c_zs')!.title).toBe('副院长');
    const undoContact = await store.undo({ action: 'undo' }, 2);
    expect(undoContact.result).toContain('联系记录 新增 1');
    expect((await store.load()).contacts).toHaveLength(0);
    const history = await store.history();
    expect(history.map((e) => [e.revision, e.action, e.undoOf ?? null])).toEqual([
      [1, 'init', null],
      [2, 'log', null],
      [3, 'edit', null],
      [4, 'edit', null],
      [5, 'undo', 4],
      [6, 'undo', 2],
    ]);
    await expect(store.undo({ action: 'undo' }, 4)).rejects.toThrow('已经撤销过了');
  });

  it('a corrupt main file is never overwritten; the message names the latest good backup, and restore brings it back', async () => {
    const store = await assigned();
    await log(store, '2026-11-20', '第一次');
    await log(store, '2026-11-21', '第二次');
    // Each save is backed up once it succeeded: init, then the two logs.
    const backups = await store.backups();
    expect(backups.map((b) => b.revision)).toEqual([1, 2, 3]);
    writeFileSync(store.file, '{"schemaVersion": 2, "settings": ');
    const error = await new DatastoreFile(store.file).load().catch((e: Error) => e);
    expect(String(error)).toMatch(
      new RegExp(`不是有效的 JSON.*最近的有效备份：${backups[2]!.id}.*sanlianxi restore ${backups[2]!.id}`),
    );
    await expect(log(store, '2026-11-22', '第三次')).rejects.toThrow('不是有效的 JSON');
    const { result } = await new DatastoreFile(store.file).restore(backups[1]!.id, { action: 'restore' });
    expect(result.backup.revision).toBe(2);
    expect((await new DatastoreFile(store.file).load()).contacts.map((c) => c.note)).toEqual(['第一次']);
  });

  it('rotation keeps the newest 20 backups by revision and the newest of each of the last 30 days with backups', () => {
    const info = (day: string, n: number): BackupInfo => ({
      id: `${day.replaceAll('-', '')}-1200${String(n).padStart(2, '0')}-000-r${n}`,
      dir: '',
      mainFile: '',
      time: '',
      day,
      revision: n,
    });
    const old = [info('2026-09-01', 1), info('2026-11-01', 2), info('2026-11-01', 3)];
    const today = Array.from({ length: 25 }, (_, i) => info('2026-11-25', 10 + i));
    expect(backupsToDrop([...old, ...today]).map((b) => b.revision)).toEqual([2, 10, 11, 12, 13, 14]);
    // Two saves a day for 40 days: the last 10 days whole (the newest 20), one a day for the 20 days before.
    const days = Array.from({ length: 40 }, (_, d) => new Date(Date.UTC(2026, 9, 1 + d)).toISOString().slice(0, 10));
    const twiceADay = days.flatMap((day, d) => [info(day, 2 * d + 1), info(day, 2 * d + 2)]);
    const dropped = [
      ...Array.from({ length: 20 }, (_, i) => i + 1),
      ...Array.from({ length: 20 }, (_, i) => 21 + 2 * i),
    ];
    expect(backupsToDrop(twiceADay).map((b) => b.revision)).toEqual(dropped);
  });

  it('check warns about files other accounts can read', async () => {
    const store = await assigned();
    expect(await permissionWarnings(store.layout)).toEqual([]);
    chmodSync(store.file, 0o644);
    expect(await permissionWarnings(store.layout)).toEqual([
      `${store.file} 的权限是 644，其他用户可以访问：请运行 chmod 600 '${store.file}'`,
    ]);
  });
  it('a file edited since sanlianxi sealed it is validated in full: a bad date in a month file or the main file is reported', async () => {
    const store = await assigned();
    await log(store, '2026-11-20', '好');
    const part = join(store.layout.partsDir, '2026-11.r2.json');
    const partText = readFileSync(part, 'utf8');
    writeFileSync(part, partText.replace('"2026-11-20"', '"2026-11-31"'));
    await expect(new DatastoreFile(store.file).load()).rejects.toThrow(
      /2026-11\.r2\.json 校验失败：contacts\[0\]\.date.*日期应为 YYYY-MM-DD/,
    );
    writeFileSync(part, partText);
    const { roster } = JSON.parse(readFileSync(store.file, 'utf8')) as { roster: { file: string } };
    const rosterFile = join(store.layout.partsDir, roster.file);
    const rosterText = readFileSync(rosterFile, 'utf8');
    writeFileSync(rosterFile, rosterText.replace('"start":"2026-09-01"', '"start":"2026-09-31"'));
    await expect(new DatastoreFile(store.file).load()).rejects.toThrow(
      /roster\.r\d+\.json 校验失败：assignments\[0\]\.start.*日期应为 YYYY-MM-DD/,
    );
    writeFileSync(rosterFile, rosterText);
    expect((await new DatastoreFile(store.file).load()).contacts.map((c) => c.note)).toEqual(['好']);
  });

  it('check validates every field even of a file whose seal was forged to match', async () => {
    const store = await assigned();
    await log(store, '2026-11-20', '好');
    // Someone rewrites a month file with a bad date and forges both seals: loads trust it, check does not.
    const part = join(store.layout.partsDir, '2026-11.r2.json');
    const forged = readFileSync(part, 'utf8').replace('"2026-11-20"', '"2026-11-31"');
    writeFileSync(part, forged);
    const main = JSON.parse(readFileSync(store.file, 'utf8')) as { contactParts: Record<string, { sha256: string }> };
    main.contactParts['2026-11']!.sha256 = sha256(forged);
    const mainText = `${JSON.stringify(main)}\n`;
    writeFileSync(store.file, mainText);
    writeFileSync(store.layout.seal, JSON.stringify({ schemaVersion: SCHEMA_VERSION, sha256: sha256(mainText) }));
    expect((await new DatastoreFile(store.file).load()).contacts.map((c) => c.date)).toEqual(['2026-11-31']);
    await expect(new DatastoreFile(store.file, { contacts: 'all', verify: 'full' }).load()).rejects.toThrow(
      /contacts\[0\]\.date/,
    );
  });
  it('month files from before seals are validated in full and get their seal at the next save that read them', async () => {
    const store = await assigned();
    await log(store, '2026-10-08', '十月');
    await log(store, '2026-11-20', '十一月');
    const main = JSON.parse(readFileSync(store.file, 'utf8')) as { contactParts: Record<string, { sha256?: string }> };
    for (const ref of Object.values(main.contactParts)) delete ref.sha256;
    writeFileSync(store.file, JSON.stringify(main));
    const october = join(store.layout.partsDir, '2026-10.r2.json');
    await log(new DatastoreFile(store.file), '2026-11-21', '再一次', '2026-10-01');
    const after = JSON.parse(readFileSync(store.file, 'utf8')) as {
      contactParts: Record<string, { file: string; sha256?: string }>;
    };
    expect(after.contactParts['2026-10']).toEqual({
      file: '2026-10.r2.json',
      count: 1,
      sha256: sha256(readFileSync(october)),
    });
    expect(after.contactParts['2026-11']!.sha256).toBe(
      sha256(readFileSync(join(store.layout.partsDir, after.contactParts['2026-11']!.file))),
    );
  });
  it('a file with an invalid schemaVersion names the latest good backup; one from a newer version asks for an upgrade', async () => {
    const store = await assigned();
    await log(store, '2026-11-20', '第一次');
    const backup = (await store.backups()).at(-1);
    const text = readFileSync(store.file, 'utf8');
    writeFileSync(store.file, text.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":"二"'));
    await expect(new DatastoreFile(store.file).load()).rejects.toThrow(
      new RegExp(`schemaVersion 无效.*最近的有效备份：${backup!.id}`),
    );
    writeFileSync(
      store.file,
      text.replace(`"schemaVersion":${SCHEMA_VERSION}`, `"schemaVersion":${SCHEMA_VERSION + 1}`),
    );
    await expect(new DatastoreFile(store.file).load()).rejects.toThrow(
      `由更新版本的 sanlianxi 写入（数据版本 ${SCHEMA_VERSION + 1}，本程序支持 ${SCHEMA_VERSION}）：请升级`,
    );
  });
});
