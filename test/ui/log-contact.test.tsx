// 记录联系: the fastest path by keystrokes, saved on disk, the overdue item gone at once.
import { describe, expect, it } from 'vitest';
import { PASTE_START, PASTE_END } from '../../source/ui/components/one-key-at-a-time.js';
import { KEY, openScreen } from '../helpers/ui-harness.js';

describe.concurrent('记录联系 screen', () => {
  it('zs, Enter through the defaults, saves a class contact dated 昨天 and the overdue list shrinks', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press('z', 's');
    await ui.until('> 张三（T001）');
    await ui.press(KEY.enter);
    await ui.until(/类型\s*：◀ 班级 ▶/);
    expect(ui.frame()).toContain('会计1班');
    await ui.press(KEY.enter, KEY.enter);
    await ui.press(...'昨天');
    await ui.press(KEY.enter, KEY.enter);
    await ui.press(...'开学座谈');
    await ui.press(KEY.enter);
    await ui.until('已记录：张三 班级 会计1班 2026-11-24 座谈会');
    expect(ui.frame()).toContain('Enter 保存');
    const contact = (await ui.saved()).contacts.find((c) => c.cadreId === 'c_zs');
    expect(contact).toMatchObject({
      duty: 'class',
      targetId: 'cls_kj',
      date: '2026-11-24',
      form: '座谈会',
      note: '开学座谈',
      enteredBy: 'ui-test',
    });
    await ui.press(KEY.esc);
    await ui.until('逾期 8 项 · 待完成 4 项');
  });

  it('picks the duty and target with ←/→, accepts -3, and shows a domain error without saving', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press(...'T001', KEY.tab, KEY.right);
    await ui.until(/类型\s*：◀ 寝室 ▶/);
    await ui.press(KEY.tab, KEY.right);
    await ui.until(/对象\s*：◀ 1号楼-102 ▶/);
    await ui.press(KEY.tab, ...'-3', KEY.tab);
    await ui.until(/形式\s*：◀ 寝室走访 ▶/);
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('已记录：张三 寝室 1号楼-102 2026-11-22 寝室走访');
    expect((await ui.saved()).contacts.some((c) => c.targetId === 'd_102' && c.date === '2026-11-22')).toBe(true);

    // The form starts afresh; a date after today is refused by logContact and nothing is written.
    await ui.until(/> 干部\s*：/);
    const before = (await ui.saved()).contacts.length;
    await ui.press(...'ls', KEY.enter, KEY.enter, KEY.enter, ...'2026-12-01', KEY.enter, KEY.enter, KEY.enter);
    await ui.until('错误：联系日期 2026-12-01 晚于今天（2026-11-25）');
    expect((await ui.saved()).contacts.length).toBe(before);
  });

  it('says so when the cadre has no assignment', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press(...'ww', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('错误：王五 在 2026-11-25 没有有效的联系分配');
  });

  it('counts each Enter of a coalesced chunk and keeps pasted line breaks out of the note', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press(...'ls', '\r\r\r\r\r');
    await ui.until(/> 备注/);
    // As a terminal in bracketed-paste mode sends a paste: between ESC[200~ and ESC[201~.
    await ui.press(`${PASTE_START}第一行\r\n第二行${PASTE_END}`);
    await ui.until('第一行第二行');
    await ui.press(KEY.enter);
    await ui.until('已记录：李四 班级 软件1班 2026-11-25 座谈会');
    expect((await ui.saved()).contacts.some((c) => c.note === '第一行第二行')).toBe(true);
  });
});
