// 逾期: filters, Enter to the cadre, l to log a contact from the row.
import { describe, expect, it } from 'vitest';
import { KEY, openScreen, startApp } from '../helpers/ui-harness.js';

describe.concurrent('逾期 screen', () => {
  it('filters by college (c), duty (t) and status (s), each cycling back to 全部', async () => {
    const ui = await openScreen('2', '逾期 · 共 13 项 · 学院：全部 · 类型：全部 · 状态：全部');
    await ui.press('c');
    await ui.until('共 7 项 · 学院：经济管理学院');
    await ui.press('t');
    await ui.until('共 1 项 · 学院：经济管理学院 · 类型：班级');
    expect(ui.frame()).toContain('>│剩56天│张三│班级│会计1班│09-01~01-20');
    await ui.press('t', 't', 't', 's');
    await ui.until('共 4 项 · 学院：经济管理学院 · 类型：全部 · 状态：逾期');
    await ui.press('c', 'c', 's', 's');
    await ui.until('逾期 · 共 13 项 · 学院：全部 · 类型：全部 · 状态：全部');
  });

  it('at 60×20 the heading shows every filter: it wraps rather than cutting 状态', async () => {
    const ui = await startApp(undefined, { size: { columns: 60, rows: 20 } });
    await ui.press('2');
    await ui.until('逾期 · 共 13 项');
    await ui.press('c', 't', 's');
    // Broken between its parts only: each filter whole on its line.
    await ui.until('状态：逾期');
    expect(ui.frame()).toContain('学院：经济管理学院');
    expect(ui.frame()).toContain('类型：班级');
    ui.unmount();
  });

  it('Enter opens the cadre of the row; Esc returns to the list', async () => {
    const ui = await openScreen('2', '共 13 项');
    await ui.press(KEY.enter);
    await ui.until('李四（T002）');
    expect(ui.frame()).toContain('联系分配：李四（T002） · 班级 软件1班 · 自 2026-09-01 起');
    await ui.press(KEY.esc);
    await ui.until('共 13 项');
  });

  it("l logs a contact pre-filled from the row, dated inside an overdue row's window; back on the list that row is gone", async () => {
    const ui = await startApp();
    await ui.press('2', 'c', 't', 't', 't');
    await ui.until('共 3 项 · 学院：经济管理学院 · 类型：困难生');
    expect(ui.frame()).toMatch(/>\s*│逾期\d+天\s*│张三.*09-01~09-30/);
    await ui.press('l');
    await ui.until('记录联系 · 补记 09-01~09-30 的逾期项');
    expect(ui.frame()).toMatch(/干部\s*：张三/);
    expect(ui.frame()).toMatch(/类型\s*：困难生/);
    expect(ui.frame()).toMatch(/对象\s*：2025001 小明/);
    expect(ui.frame()).toMatch(/日期\s*：2026-09-30/);
    await ui.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('已记录：张三 困难生 2025001 小明 2026-09-30 谈心谈话');
    await ui.until('共 2 项 · 学院：经济管理学院 · 类型：困难生');
    expect(ui.frame()).not.toContain('09-01~09-30');
    expect((await ui.saved()).contacts.some((c) => c.targetId === 's_1' && c.date === '2026-09-30')).toBe(true);
  });
});
