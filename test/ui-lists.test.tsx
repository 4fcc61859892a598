// 班级, 寝室, 困难生: search and detail views.
import { describe, expect, it } from 'vitest';
import { KEY, startApp } from './ui-harness.js';

describe('班级, 寝室 and 困难生 screens', () => {
  it('班级: / kj finds 会计1班 by pinyin; Enter shows its cadre, dorms, grid and contacts; a opens 分配', async () => {
    const ui = await startApp();
    await ui.until('最新联系');
    await ui.press('4');
    await ui.until('班级（3/3）');
    await ui.press('/', 'r', 'j');
    await ui.until('班级（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本班寝室：2号楼-201');
    expect(ui.frame()).toContain('软件1班 · 机电信息学院 · 入学 2025 · 毕业 —');
    expect(ui.frame()).toContain('联系分配：李四（T002） · 班级 软件1班');
    expect(ui.frame()).toMatch(/班级\s*│\s*软件1班\s*│\s*完/);
    expect(ui.frame()).toMatch(/2026-11-20\s*│\s*李四\s*│\s*班级\s*│\s*软件1班\s*│\s*座谈会\s*│\s*班会/);
    await ui.press('a');
    await ui.until('分配 · 软件1班');
    await ui.press(KEY.esc);
    await ui.until('本班寝室：2号楼-201');
  });

  it('寝室: / finds by 楼-号; the detail names the cadre holding it', async () => {
    const ui = await startApp();
    await ui.until('最新联系');
    await ui.press('5');
    await ui.until('寝室（4/4）');
    await ui.press('/', ...'1号楼-102', KEY.enter);
    await ui.until('寝室（1/4）');
    await ui.press(KEY.enter);
    await ui.until('1号楼-102 · 班级 会计1班');
    expect(ui.frame()).toContain('联系分配：张三（T001）');
    expect(ui.frame()).toContain('联系记录（共 0 条）');
  });

  it('困难生: / finds by 学号 and by pinyin; the detail shows who is in contact', async () => {
    const ui = await startApp();
    await ui.until('最新联系');
    await ui.press('6');
    await ui.until('困难生（2/2）');
    await ui.press('/', 'x', 'h');
    await ui.until('困难生（1/2）');
    expect(ui.frame()).toContain('小红');
    await ui.press(KEY.esc, '/', ...'2025001', KEY.enter, KEY.enter);
    await ui.until('2025001 小明 · 会计1班 · 经济困难');
    expect(ui.frame()).toContain('联系分配：张三（T001）');
  });
});
