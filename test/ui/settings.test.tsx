// 设置: terms and each college's rules, viewed and edited through the store.
import { describe, expect, it } from 'vitest';
import { KEY, openScreen } from '../helpers/ui-harness.js';

const openSettings = () => openScreen('9', '设置 · 学期与考核规则');

describe.concurrent('设置 screen', () => {
  it("lists the terms, the school defaults and each college's rules", async () => {
    const ui = await openSettings();
    expect(ui.frame()).toContain('>│学期│2026-2027学年第一学期│2026-09-01 至 2027-01-20');
    expect(ui.frame()).toMatch(/规则│全校默认 *│班级1\/学期 寝室1\/月\(任一\) 困难生1\/月 窗口≥7天/);
    expect(ui.frame()).toMatch(/规则│机电信息学院 *│班级1\/学期/);
  });

  it("edits a college's rules: 每个 dorm each month, stored as an override of the defaults only", async () => {
    const ui = await openSettings();
    await ui.press('j', 'j', KEY.enter);
    await ui.until('编辑规则 · 经济管理学院');
    await ui.press(KEY.down, KEY.down, KEY.right);
    await ui.until(/寝室范围\s*：◀ 每个 ▶/);
    await ui.press(KEY.enter, KEY.enter, KEY.enter);
    await ui.until('已保存考核规则');
    expect(ui.frame()).toMatch(/经济管理学院（本院细则） *│班级1\/学期 寝室1\/月\(每个\)/);
    expect((await ui.saved()).settings.rules.colleges['col_jg']).toEqual({ dormScope: 'each' });
    // The overdue counts follow at once: one dorm row per dorm for 经管.
    await ui.press(KEY.esc);
    await ui.until('逾期 10 项 · 待完成 6 项');
  });

  it('adds a term (a), and refuses an overlapping one with its message', async () => {
    const ui = await openSettings();
    await ui.press('a');
    await ui.until('新增学期');
    await ui.press(...'2026-2027学年第二学期', KEY.enter, ...'2027-02-20', KEY.enter, ...'2027-07-10', KEY.enter);
    await ui.until('已保存学期 2026-2027学年第二学期（2027-02-20 至 2027-07-10）');
    await ui.press('a');
    await ui.until('新增学期');
    await ui.press(...'重叠学期', KEY.enter, ...'2027-01-01', KEY.enter, ...'2027-03-01', KEY.enter);
    await ui.until('错误：学期“2026-2027学年第一学期”与“重叠学期”的日期重叠');
    expect((await ui.saved()).settings.terms.map((t) => t.name)).toEqual([
      '2026-2027学年第一学期',
      '2026-2027学年第二学期',
    ]);
  });
});
