// Slips a form must survive: the same contact saved twice (asked first), a Ctrl key from shell habit
// (no letter typed), and Esc on a form with something typed in it (asked first; an untouched form still
// closes at once).
import { describe, expect, it } from 'vitest';
import { KEY, openScreen } from '../helpers/ui-harness.js';

describe.concurrent('form safety', () => {
  it('the same contact again (cadre, target, date) asks first: n keeps one, y records the second', async () => {
    const ui = await openScreen('1', '记录联系');
    // 李四 met 软件1班 on 2026-11-20 (the harness's school).
    await ui.press(...'ls', KEY.enter, KEY.enter, KEY.enter, ...'2026-11-20', KEY.enter, KEY.enter, KEY.enter);
    await ui.until('李四 2026-11-20 与 软件1班 的联系已有记录（座谈会，班会）：仍要再记一条？（y/n）');
    await ui.press('n');
    await ui.until(/记录联系/);
    expect((await ui.saved()).contacts.filter((c) => c.targetId === 'cls_rj' && c.date === '2026-11-20')).toHaveLength(
      1,
    );
    for (let i = 0; i < 6; i++) await ui.press(KEY.enter);
    await ui.until('仍要再记一条？');
    await ui.press('y');
    await ui.until('已记录：李四 班级 软件1班 2026-11-20 座谈会');
    expect((await ui.saved()).contacts.filter((c) => c.targetId === 'cls_rj' && c.date === '2026-11-20')).toHaveLength(
      2,
    );
  });

  it('a Ctrl key in a field types no letter; Ctrl+U clears the field, as in a shell', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press(...'zs', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until(/> 备注/);
    await ui.press(...'谈话', '\u0017', '\u0001', '\u0005', '\u000b');
    await ui.until(/备注：谈话/);
    expect(ui.frame()).not.toMatch(/备注：谈话[wake]/);
    await ui.press('\u0015', ...'班会', KEY.backspace, ...'议', KEY.enter);
    await ui.until('已记录：张三');
    expect((await ui.saved()).contacts.map((c) => c.note)).toContain('班议');
  });

  it('in a list’s search too: Ctrl+W types no w, Ctrl+U clears', async () => {
    const ui = await openScreen('3', '干部（3/3）');
    await ui.press('/', 'z', '\u0017', 's');
    await ui.until('搜索：zs');
    expect(ui.frame()).toContain('干部（1/3）');
    await ui.press('\u0015', ...'ls');
    await ui.until('搜索：ls');
  });

  it('Esc on a filled form asks before throwing it away; any other key goes back to it; an empty form closes at once', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.press(...'zs');
    await ui.until('> 张三（T001）');
    await ui.press(KEY.esc);
    await ui.until('放弃已填写的内容？按 y 放弃，其他键继续填写');
    await ui.press('n');
    await ui.until((f) => !f.includes('放弃已填写的内容'));
    expect(ui.frame()).toMatch(/干部\s*：zs/);
    await ui.press(KEY.esc);
    await ui.until('放弃已填写的内容？');
    await ui.press('y');
    await ui.until('最新联系');
    await ui.press('1');
    await ui.until('记录联系');
    await ui.press(KEY.esc);
    await ui.until('最新联系');
  });
});
