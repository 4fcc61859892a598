// 分配: assign with dorms and students picked by space, reassign, end on graduation; y/n first.
import { describe, expect, it } from 'vitest';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { KEY, openHandoverOfHeldClass, openScreen } from '../helpers/ui-harness.js';

describe.concurrent('分配 screen', () => {
  it('assigns a class to a cadre with one dorm and one student chosen by space', async () => {
    const ui = await openScreen('7', '分配 · 选择班级', smallSchool([AUTUMN]));
    expect(ui.frame()).toMatch(/会计1班\s*│\s*经济管理学院\s*│\s*（未分配）/);
    await ui.press(KEY.enter);
    await ui.until('a 分配干部');
    await ui.press('a');
    await ui.until('分配 会计1班');
    await ui.press(...'ww', KEY.enter);
    await ui.until('[x]1号楼-101 [x]1号楼-102');
    await ui.press(KEY.right, ' ', KEY.enter);
    await ui.until('[x]1号楼-101 [ ]1号楼-102');
    await ui.press(' ', KEY.enter, ...'2026-09-01', KEY.enter);
    await ui.until('把 会计1班（寝室 1 间、困难生 1 名）分配给 王五，自 2026-09-01 起（y/n）');
    await ui.press('y');
    await ui.until('已把 会计1班 分配给 王五');
    expect(ui.frame()).toContain('寝室：1号楼-101');
    const a = (await ui.saved()).assignments[0]!;
    expect(a).toMatchObject({
      cadreId: 'c_ww',
      classId: 'cls_kj',
      dormIds: ['d_101'],
      studentIds: ['s_1'],
      start: '2026-09-01',
      end: null,
    });
  });

  it('reassigns to another cadre from a date (r), and shows a refusal as an error', async () => {
    const ui = await openHandoverOfHeldClass();
    await ui.press(...'T003', KEY.enter, KEY.right, KEY.enter, ...'11-20', KEY.enter);
    await ui.until('把 会计1班 自 2026-11-20 起由 张三 移交给 王五（原分配于 2026-11-19 结束，原因：离职）（y/n）');
    await ui.press('y');
    await ui.until('已把 会计1班 移交给 王五');
    const saved = await ui.saved();
    expect(saved.assignments.find((a) => a.cadreId === 'c_zs')).toMatchObject({ end: '2026-11-19', endReason: '离职' });
    expect(saved.assignments.find((a) => a.cadreId === 'c_ww')).toMatchObject({
      start: '2026-11-20',
      dormIds: ['d_101', 'd_102'],
      studentIds: ['s_1'],
    });
    expect(saved.cadres.find((c) => c.id === 'c_zs')?.status).toBe('离职');
  });

  it('ends an assignment (g): 班级毕业 on the graduation date by default; n leaves it untouched', async () => {
    const data = smallSchool([AUTUMN]);
    data.classes.find((c) => c.id === 'cls_kj')!.graduationDate = '2027-06-30';
    const { assign } = await import('../../source/domain/assignments.js');
    const { testContext } = await import('../helpers/fixtures.js');
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', start: '2026-09-01' }, testContext('2026-11-25'));
    const ui = await openScreen('7', '分配 · 选择班级', data);
    await ui.press(KEY.enter);
    await ui.until('g 结束');
    await ui.press('g');
    await ui.until('结束 会计1班 的分配');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('结束 张三 对 会计1班 的联系分配，最后一天 2027-06-30，原因：班级毕业（y/n）');
    await ui.press('n');
    await ui.until('最后一天：毕业日期 2027-06-30');
    expect((await ui.saved()).assignments[0]!.end).toBeNull();
    // The question appears once the preview has read the file.
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('（y/n）');
    await ui.press('y');
    await ui.until('已结束 张三 对 会计1班 的联系分配');
    expect((await ui.saved()).assignments[0]).toMatchObject({ end: '2027-06-30', endReason: '班级毕业' });
  });
  it('a graduated class says so in the list and before the form, and the preview refuses a start after graduation before asking y/n', async () => {
    const data = smallSchool([AUTUMN]);
    data.classes.find((c) => c.id === 'cls_kj')!.graduationDate = '2026-06-30';
    const ui = await openScreen('7', '分配 · 选择班级', data);
    // In the list it is graduated, not a class waiting for a cadre.
    expect(ui.frame()).toMatch(/会计1班\s*│\s*经济管理学院\s*│\s*（已毕业）/);
    await ui.press(KEY.enter);
    await ui.until('该班已于 2026-06-30 毕业：只能补登毕业前开始的分配');
    await ui.press('a');
    await ui.until('分配 会计1班');
    // The preview refuses before asking y/n.
    await ui.press(...'ww', KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('错误：班级 会计1班 已于 2026-06-30 毕业，不能再分配联系干部');
    expect(ui.frame()).not.toContain('（y/n）');
    expect((await ui.saved()).assignments).toEqual([]);
  });
});
