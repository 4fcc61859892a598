// 班级, 寝室, 困难生: search and detail views.
import { describe, expect, it } from 'vitest';
import { KEY, openScreen } from '../helpers/ui-harness.js';

describe.concurrent('班级, 寝室 and 困难生 screens', () => {
  it('班级: / kj finds 会计1班 by pinyin; Enter shows its cadre, dorms, grid and contacts; p opens 分配', async () => {
    const ui = await openScreen('4', '班级（3/3）');
    await ui.press('/', 'r', 'j');
    await ui.until('班级（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本班寝室：2号楼-201');
    expect(ui.frame()).toContain('软件1班 · 机电信息学院 · 入学 2025 · 毕业 —');
    expect(ui.frame()).toContain('联系分配：李四（T002） · 班级 软件1班');
    expect(ui.frame()).toMatch(/班级\s*│\s*软件1班\s*│\s*完/);
    expect(ui.frame()).toMatch(/2026-11-20\s*│\s*李四\s*│\s*班级\s*│\s*软件1班\s*│\s*座谈会\s*│\s*班会/);
    await ui.press('p');
    await ui.until('分配 · 软件1班');
    await ui.press(KEY.esc);
    await ui.until('本班寝室：2号楼-201');
  });

  it('寝室: / finds by 楼-号; the detail names the cadre holding it', async () => {
    const ui = await openScreen('5', '寝室（4/4）');
    await ui.press('/', ...'1号楼-102', KEY.enter);
    await ui.until('寝室（1/4）');
    await ui.press(KEY.enter);
    await ui.until('1号楼-102 · 班级 会计1班');
    expect(ui.frame()).toContain('联系分配：张三（T001）');
    expect(ui.frame()).toContain('联系记录（共 0 条）');
  });

  it('困难生: / finds by 学号 and by pinyin; the detail shows who is in contact', async () => {
    const ui = await openScreen('6', '困难生（2/2）');
    await ui.press('/', 'x', 'h');
    await ui.until('困难生（1/2）');
    expect(ui.frame()).toContain('小红');
    await ui.press(KEY.esc, '/', ...'2025001', KEY.enter, KEY.enter);
    await ui.until('2025001 小明 · 会计1班 · 经济困难');
    expect(ui.frame()).toContain('联系分配：张三（T001）');
  });

  it('班级: a adds a class, e edits it; a bad 毕业日期 is refused', async () => {
    const ui = await openScreen('4', '班级（3/3）');
    await ui.press('a');
    await ui.until('新增班级');
    await ui.press(KEY.right, KEY.tab, ...'数控251班', KEY.tab, ...'2025', KEY.tab, ...'2028-13-01');
    for (let i = 0; i < 5; i++) await ui.press(KEY.enter);
    await ui.until('错误：毕业日期“2028-13-01”无效');
    await ui.press(
      KEY.up,
      KEY.up,
      KEY.up,
      KEY.up,
      KEY.backspace,
      KEY.backspace,
      KEY.backspace,
      KEY.backspace,
      KEY.backspace,
      ...'06-30',
    );
    for (let i = 0; i < 5; i++) await ui.press(KEY.enter);
    await ui.until('已新增班级 数控251班');
    await ui.until('班级（4/4）');
    const saved = (await ui.saved()).classes.find((c) => c.name === '数控251班');
    expect(saved).toMatchObject({ collegeId: 'col_jd', enrollYear: 2025, graduationDate: '2028-06-30' });
    await ui.press('/', ...'数控', KEY.enter, 'e');
    await ui.until('编辑班级 数控251班');
    await ui.press(KEY.down, KEY.down, KEY.down, KEY.down, ...'周老师');
    for (let i = 0; i < 4; i++) await ui.press(KEY.enter);
    await ui.until('已保存班级 数控251班');
    expect((await ui.saved()).classes.find((c) => c.name === '数控251班')?.headTeacher).toBe('周老师');
  });

  it('寝室: a adds a mixed dorm by class names; an unknown class is refused and can be fixed at once', async () => {
    const ui = await openScreen('5', '寝室（4/4）');
    await ui.press('a');
    await ui.until('新增寝室');
    await ui.press(...'9号楼', KEY.tab, ...'909', KEY.tab, ...'会计1班、软件9班');
    // The fix typed in the same read as the Enter that saves: it waits for the refusal, then edits 班级.
    const enters = Array<string>(4).fill(KEY.enter);
    await ui.burst(...enters, KEY.up, KEY.up, KEY.up, KEY.backspace, KEY.backspace, '1', '班', ...enters);
    await ui.until('已新增寝室 9号楼-909');
    expect((await ui.saved()).dorms.find((d) => d.building === '9号楼')?.classIds).toEqual(['cls_kj', 'cls_rj']);
  });

  it('困难生: a adds a student with categories chosen by space; a duplicate 学号 is refused', async () => {
    const ui = await openScreen('6', '困难生（2/2）');
    await ui.press('a');
    await ui.until('新增困难生');
    await ui.press(
      ...'2025001',
      KEY.tab,
      ...'小刚',
      KEY.tab,
      ...'会计1班',
      KEY.tab,
      ...'1号楼-101',
      KEY.tab,
      KEY.right,
      ' ',
      KEY.right,
      ' ',
      KEY.enter,
      KEY.enter,
    );
    await ui.until(/错误：未保存：学号 2025001 重复/);
    await ui.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.backspace, '9');
    for (let i = 0; i < 6; i++) await ui.press(KEY.enter);
    await ui.until('已新增困难生 2025009 小刚');
    expect((await ui.saved()).students.find((s) => s.studentNo === '2025009')).toMatchObject({
      classId: 'cls_kj',
      dormId: 'd_101',
      categories: ['经济困难', '心理困惑'],
    });
  });
});
