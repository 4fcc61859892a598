// Keys that arrive while a form saves (the rest of a paste, or typing on at 40 ms a key) wait for the
// save and then reach the form in order: two or three records in one read are all saved.
import { describe, expect, it } from 'vitest';
import { KEY, openScreen } from '../helpers/ui-harness.js';

/** One contact typed in 记录联系 from 干部: the cadre, Enter past 类型 and 对象, the date, Enter past 形式, the note, Enter saves. */
const record = (cadre: string, date: string, note: string) => [
  ...cadre,
  KEY.enter,
  KEY.enter,
  KEY.enter,
  ...date,
  KEY.enter,
  KEY.enter,
  ...note,
  KEY.enter,
];

describe.concurrent('keys arriving during a save', () => {
  it('two, then three whole records in one read of 记录联系 are all saved', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.burst(...record('zs', '', '甲'), ...record('ls', '', '乙'));
    await ui.until('已记录：李四 班级 软件1班 2026-11-25 座谈会');
    await ui.burst(...record('zs', '-2', '丙'), ...record('ls', '-2', '丁'), ...record('zs', '-3', '戊'));
    await ui.until('已记录：张三 班级 会计1班 2026-11-22 座谈会');
    const mine = (await ui.saved()).contacts.filter((c) => c.enteredBy === 'ui-test');
    expect(mine.map((c) => `${c.cadreId} ${c.date} ${c.note}`)).toEqual([
      'c_zs 2026-11-25 甲',
      'c_ls 2026-11-25 乙',
      'c_zs 2026-11-23 丙',
      'c_ls 2026-11-23 丁',
      'c_zs 2026-11-22 戊',
    ]);
    expect(ui.frame()).toMatch(/> 干部\s*：/);
  });

  it('keys typed one by one right after the Enter that saves reach the next form', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.burst(...record('zs', '', ''));
    await ui.until('已记录：张三');
    await ui.press(...'ls', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until(/> 备注/);
    // Each key a read of its own, all before the save is done.
    for (const key of [KEY.enter, ...'T002']) ui.stdin.write(key);
    await ui.until(/> 干部\s*：T002/);
    expect(ui.frame()).toContain('> 李四（T002）');
  });
});
