// 长期请假 from a later date, then the successor scheduled from the TUI alone: a or r on the class
// offers the day after the holder's last day, and the class shows the assignment to come. A leave
// recorded after its last day is followed the same way, from that day after, so no day is uncovered.
import { describe, expect, it } from 'vitest';
import { KEY, openHandoverOfHeldClass, openScreen } from '../helpers/ui-harness.js';

describe.concurrent('scheduling a successor ahead', () => {
  it('x 长期请假 last day 11-30, then r on 会计1班 schedules 王五 from 12-01; the class lists it', async () => {
    const ui = await openScreen('3', '干部（3/3）');
    await ui.press('x');
    await ui.until('标记 张三 的状态');
    await ui.press(KEY.right, KEY.enter, ...'2026-11-30', KEY.enter);
    await ui.until('把 张三 标记为长期请假，并结束其联系分配（会计1班），最后一天 2026-11-30？（y/n）');
    await ui.press('y');
    await ui.until('于 2026-11-30 结束');
    await ui.press(KEY.esc);
    await ui.until('最新联系');
    await ui.press('7');
    await ui.until('分配 · 选择班级');
    await ui.press(KEY.enter);
    await ui.until('自 2026-12-01 起可安排接任');
    expect(ui.frame()).toContain('a/r 安排接任');
    expect(ui.frame()).toContain('至 2026-11-30（长期请假）');
    await ui.press('r');
    await ui.until('安排 会计1班 的接任（自 2026-12-01 起）');
    expect(ui.frame()).toMatch(/开始日期\s*：2026-12-01/);
    await ui.press(...'T003', KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('分配给 王五，自 2026-12-01 起（y/n）');
    await ui.press('y');
    await ui.until('已把 会计1班 分配给 王五');
    await ui.until('已安排：王五 自 2026-12-01 起');
    const saved = await ui.saved();
    expect(saved.assignments.filter((a) => a.classId === 'cls_kj').map((a) => [a.cadreId, a.start, a.end])).toEqual([
      ['c_zs', '2026-09-01', '2026-11-30'],
      ['c_ww', '2026-12-01', null],
    ]);
    // The class screen of 班级 lists it too.
    await ui.press(KEY.esc, KEY.esc);
    await ui.until('最新联系');
    await ui.press('4');
    await ui.until('班级（3/3）');
    await ui.press(KEY.enter);
    await ui.until('已安排：王五 自 2026-12-01 起');
  });

  it('an open-ended holder still needs r (移交, which may be dated ahead) or g; a is refused', async () => {
    const ui = await openHandoverOfHeldClass();
    await ui.press(...'T003', KEY.enter, KEY.enter, ...'12-15', KEY.enter);
    await ui.until('把 会计1班 自 2026-12-15 起由 张三 移交给 王五');
    await ui.press('y');
    await ui.until('已把 会计1班 移交给 王五');
    await ui.until('已安排：王五 自 2026-12-15 起');
  });

  it('a leave recorded late (last day 11-09, today 11-25): 分配 and 班级 offer 11-10; a later date asks, naming the gap', async () => {
    const ui = await openScreen('3', '干部（3/3）');
    await ui.press('x');
    await ui.until('标记 张三 的状态');
    await ui.press(KEY.right, KEY.enter, ...'2026-11-09', KEY.enter);
    await ui.until('最后一天 2026-11-09？（y/n）');
    await ui.press('y');
    await ui.until('于 2026-11-09 结束');
    await ui.press(KEY.esc, '4');
    await ui.until('班级（3/3）');
    await ui.press(KEY.enter);
    await ui.until('自 2026-11-10 起可安排接任');
    await ui.press('p');
    await ui.until('分配 · 会计1班');
    expect(ui.frame()).toContain('自 2026-11-10 起可安排接任');
    expect(ui.frame()).toContain('a/r 安排接任');
    await ui.press('a');
    await ui.until('安排 会计1班 的接任（自 2026-11-10 起）');
    // The leaver's dorms and students, ticked.
    expect(ui.frame()).toContain('[x]1号楼-101 [x]1号楼-102');
    expect(ui.frame()).toContain('[x]2025001 小明');
    expect(ui.frame()).toMatch(/开始日期\s*：2026-11-10/);
    await ui.press(...'T003', KEY.enter, KEY.enter, KEY.enter);
    await ui.burst(...Array<string>(10).fill(KEY.backspace), ...'11-20', KEY.enter);
    await ui.until('会计1班 在 2026-11-10 至 2026-11-19 将没有联系干部');
    // n: back to the form (at its first field), the values kept. 小明 unticked, an empty date (today): both said.
    await ui.press('n');
    await ui.until(/开始日期\s*：11-20/);
    await ui.burst(KEY.tab, KEY.tab, ' ', KEY.tab, ...Array<string>(5).fill(KEY.backspace), KEY.enter);
    await ui.until('自 2026-11-25 起（y/n）');
    expect(ui.frame()).toContain('在 2026-11-10 至 2026-11-24 将没有联系干部');
    expect(ui.frame()).toContain('未勾选的困难生 2025001 小明');
    await ui.press('n', KEY.tab, KEY.tab, ' ', KEY.tab, ...'2026-11-10', KEY.enter);
    await ui.until('把 会计1班（寝室 2 间、困难生 1 名）分配给 王五，自 2026-11-10 起（y/n）');
    expect(ui.frame()).not.toContain('将没有联系干部');
    await ui.press('y');
    await ui.until('已把 会计1班 分配给 王五');
    const saved = await ui.saved();
    expect(
      saved.assignments
        .filter((a) => a.classId === 'cls_kj')
        .map((a) => [a.cadreId, a.start, a.end, a.studentIds.join()]),
    ).toEqual([
      ['c_zs', '2026-09-01', '2026-11-09', 's_1'],
      ['c_ww', '2026-11-10', null, 's_1'],
    ]);
  });
});
