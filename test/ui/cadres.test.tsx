// 干部: pinyin search, detail with the month grid, add, edit, mark 离职 (ends the assignment after y).
import { describe, expect, it } from 'vitest';
import { endAssignment } from '../../source/domain/assignments.js';
import { smallSchool, AUTUMN } from '../helpers/fixtures.js';
import { KEY, openScreen, school } from '../helpers/ui-harness.js';

const openCadres = () => openScreen('3', '干部（3/3）');

describe.concurrent('干部 screen', () => {
  it('/ zs finds 张三 by pinyin initials; Enter shows the assignment, the month grid with text marks, the contacts', async () => {
    const ui = await openCadres();
    await ui.press('/', 'z', 's');
    await ui.until('干部（1/3）');
    expect(ui.frame()).toContain('张三');
    expect(ui.frame()).not.toContain('李四');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本学期职责');
    const frame = ui.frame();
    expect(frame).toContain('张三（T001） · 教务处 科长 · 科职以上干部 · 状态 在岗 · 归属 经济管理学院');
    expect(frame).toContain('联系分配：张三（T001） · 班级 会计1班 · 自 2026-09-01 起');
    expect(frame).toContain('寝室：1号楼-101、1号楼-102');
    expect(frame).toContain('困难生：2025001 小明');
    expect(frame).toMatch(/班级\s*│\s*会计1班\s*│\s*待/);
    expect(frame).toMatch(/困难生\s*│\s*2025001 小明\s*│\s*│\s*逾\s*│\s*逾\s*│\s*待\s*│\s*未\s*│\s*未/);
    expect(frame).toContain('联系记录（共 0 条）');
    // Esc returns to the list with the search kept.
    await ui.press(KEY.esc);
    await ui.until('干部（1/3）');
  });

  it('an assignment ended this term (last day 11-09) keeps its grid, as 逾期 keeps its windows', async () => {
    const data = school();
    endAssignment(data, { cadreId: 'c_zs', date: '2026-11-09', reason: '长期请假' });
    const ui = await openScreen('3', '干部（3/3）', data);
    await ui.press(KEY.enter);
    await ui.until('联系分配：（今天没有有效的联系分配）');
    await ui.until('本学期职责');
    expect(ui.frame()).toMatch(/班级\s*│\s*会计1班\s*│\s*逾/);
    expect(ui.frame()).toMatch(/困难生\s*│\s*2025001 小明\s*│\s*│\s*逾\s*│\s*逾\s*│/);
  });

  it('finds by 工号 and by name', async () => {
    const ui = await openCadres();
    await ui.press('/', ...'T003');
    await ui.until('干部（1/3）');
    expect(ui.frame()).toContain('王五');
    await ui.press(KEY.esc, '/', ...'李');
    await ui.until('干部（1/3）');
    expect(ui.frame()).toContain('李四');
  });

  it('a adds a cadre through the form; a duplicate 工号 is refused with its message', async () => {
    const ui = await openCadres();
    await ui.press('a');
    await ui.until('新增干部');
    await ui.press(...'赵六', KEY.tab, ...'T001');
    for (let i = 0; i < 9; i++) await ui.press(KEY.enter);
    await ui.until('错误：工号 T001 已被其他干部使用');
    await ui.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, KEY.up);
    await ui.press(KEY.backspace, '9');
    for (let i = 0; i < 9; i++) await ui.press(KEY.enter);
    await ui.until('已新增干部 赵六');
    await ui.until('赵六（T009）');
    const cadre = (await ui.saved()).cadres.find((c) => c.name === '赵六');
    expect(cadre).toMatchObject({ employeeNo: 'T009', collegeId: 'col_jg', category: '普通党员', status: '在岗' });
  });

  it('e edits the selected cadre', async () => {
    const ui = await openCadres();
    await ui.press('j', 'j', 'e');
    await ui.until('编辑干部 王五');
    await ui.press(KEY.down, KEY.down, KEY.down, ...'长');
    for (let i = 0; i < 7; i++) await ui.press(KEY.enter);
    await ui.until('已保存干部 王五');
    expect((await ui.saved()).cadres.find((c) => c.id === 'c_ww')?.title).toBe('科长长');
  });

  it('x marks 离职: asks y/n, then ends the assignment on that day and sets the status', async () => {
    const ui = await openCadres();
    await ui.press('x');
    await ui.until('标记 张三 的状态');
    await ui.press(KEY.enter, ...'11-20', KEY.enter);
    await ui.until('把 张三 标记为离职，并结束其联系分配（会计1班），最后一天 2026-11-20？（y/n）');
    await ui.press('n');
    await ui.until('干部（3/3）');
    expect((await ui.saved()).cadres.find((c) => c.id === 'c_zs')?.status).toBe('在岗');
    await ui.press('x');
    await ui.until('标记 张三 的状态');
    await ui.press(KEY.right, KEY.enter, KEY.enter);
    await ui.until('把 张三 标记为长期请假');
    await ui.press('y');
    await ui.until('张三 已标记为长期请假，其联系分配（会计1班）于 2026-11-25 结束');
    const saved = await ui.saved();
    expect(saved.cadres.find((c) => c.id === 'c_zs')?.status).toBe('长期请假');
    expect(saved.assignments.find((a) => a.cadreId === 'c_zs')).toMatchObject({
      end: '2026-11-25',
      endReason: '长期请假',
    });
  });

  it('renders only the rows that fit: 2,500 cadres, the frame stays within 24 lines', async () => {
    const data = smallSchool([AUTUMN]);
    for (let i = 0; i < 2500; i++) {
      data.cadres.push({ ...data.cadres[0]!, id: `c_${i}`, employeeNo: `E${i}`, name: `干部${i}` });
    }
    const ui = await openScreen('3', '干部（2503/2503）', data);
    await ui.press(KEY.pageDown, KEY.pageDown);
    await ui.until('第 29/2503 行');
    expect(ui.frame().split('\n').length).toBeLessThanOrEqual(24);
    expect(ui.frame()).toContain('>│干部25');
    // A smaller terminal: the window shrinks to fit its rows.
    (ui.stdout as unknown as { rows: number }).rows = 14;
    ui.stdout.emit('resize');
    await ui.until((f) => f.split('\n').length <= 14);
    expect(ui.frame()).toContain('>│干部25');
  });
});
