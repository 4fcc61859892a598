// The settings are validated like the records when a change touches them (a save checks only what
// changed): a rule or a term out of its limits, or another schema version, is refused and not written.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Datastore } from '../../source/domain/schema.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';

describe('a change to the settings', () => {
  const bad: Array<[string, (d: Datastore) => void, RegExp]> = [
    [
      'a monthly dorm count above 100',
      (d) => void (d.settings.rules.defaults.dormPerMonth = 101),
      /修改后的数据无效，未保存：settings\.rules\.defaults\.dormPerMonth：过大/,
    ],
    [
      'a term ending on no calendar date',
      (d) => void (d.settings.terms[0]!.end = '2027-02-30'),
      /settings\.terms\[0\]\.end：日期应为/,
    ],
    [
      'a college rule of 0 days',
      (d) => void (d.settings.rules.colleges['col_jg'] = { minWindowDays: 0 }),
      /settings\.rules\.colleges\.col_jg\.minWindowDays：至少 1 天/,
    ],
    ['an empty school name', (d) => void (d.settings.schoolName = ' '), /settings\.schoolName：不能为空/],
    [
      'another schema version',
      (d) => void ((d as { schemaVersion: number }).schemaVersion = 99),
      /修改后的数据无效，未保存：schemaVersion/,
    ],
  ];
  for (const [what, change, message] of bad) {
    it(`to ${what} is refused, and nothing is written`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'slx-settings-')), 'data.json');
      const store = new DatastoreFile(file);
      await store.create(smallSchool([AUTUMN]));
      const before = readFileSync(file, 'utf8');
      await expect(store.update(change, { action: 'test' })).rejects.toThrow(message);
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }

  it('within its limits is saved and journalled', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-settings-')), 'data.json');
    const store = new DatastoreFile(file);
    await store.create(smallSchool([AUTUMN]));
    await store.update((d) => void (d.settings.rules.defaults.dormPerMonth = 2), { action: 'test' });
    expect((await new DatastoreFile(file).load()).settings.rules.defaults.dormPerMonth).toBe(2);
    expect((await store.history()).pop()!.summary).toBe('设置 修改 1');
  });
});
