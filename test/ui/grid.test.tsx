// 网格 and 配对: the holes listed, a 困难生 added to her class's cadre after y/n, a class without a cadre
// assigned from 分配 with its college's free cadres first, and a new year started in 设置 and its new
// class paired in one batch.
import { describe, expect, it } from 'vitest';
import { assign, endAssignment } from '../../source/domain/assignments.js';
import type { Datastore } from '../../source/domain/schema.js';
import { testContext } from '../helpers/fixtures.js';
import { sharedDormSchool } from '../helpers/shared-dorm-school.js';
import { KEY, school, startApp, TODAY } from '../helpers/ui-harness.js';

/** school() with a new class in 经管 nobody holds, and a 困难生 of 会计1班 added after its assignment. */
function withHoles(): Datastore {
  const data = school();
  data.classes.push({ ...data.classes[0]!, id: 'cls_new', name: '电商26班', graduationDate: null });
  data.students.push({
    id: 's_3',
    studentNo: '2025003',
    name: '小刚',
    classId: 'cls_kj',
    dormId: null,
    categories: ['学业困难'],
    contact: '',
  });
  return data;
}

describe.concurrent('网格 screen', () => {
  it('lists the holes; Enter on a 困难生 adds her to her class’s cadre after y', async () => {
    const ui = await startApp(withHoles());
    expect(ui.frame()).toMatch(/空缺/);
    await ui.press('0');
    await ui.until('无人联系：班级 1、寝室 0、困难生 1 · 空闲干部 1');
    expect(ui.frame()).toMatch(/班级\s*│\s*电商26班\s*│\s*经济管理学院/);
    expect(ui.frame()).toMatch(/空闲干部\s*│\s*王五\s*│\s*经济管理学院 · 从未分配/);
    await ui.press(KEY.down, KEY.enter);
    await ui.until('把困难生 2025003 小刚 加入 张三 对 会计1班 的联系分配');
    await ui.press('y');
    await ui.until('已把困难生 2025003 小刚 加入 张三 对 会计1班 的联系分配');
    await ui.until('困难生 0');
    expect((await ui.saved()).assignments.find((a) => a.cadreId === 'c_zs')?.studentIds).toEqual(['s_1', 's_3']);
    ui.unmount();
  });

  it('Enter on a dorm added to a held class adds it to the class’s cadre after y', async () => {
    const data = school();
    data.dorms.push({ ...data.dorms[0]!, id: 'd_103', number: '103' });
    const ui = await startApp(data);
    await ui.press('0');
    await ui.until('无人联系：班级 0、寝室 1');
    expect(ui.frame()).toMatch(/寝室\s*│\s*1号楼-103\s*│\s*会计1班/);
    await ui.press(KEY.enter);
    await ui.until('把寝室 1号楼-103 加入 张三 对 会计1班 的联系分配');
    await ui.press('y');
    await ui.until('已把寝室 1号楼-103 加入 张三 对 会计1班 的联系分配');
    await ui.until('寝室 0');
    expect((await ui.saved()).assignments.find((a) => a.cadreId === 'c_zs')?.dormIds).toContain('d_103');
    // On a free cadre Enter does nothing, and the status bar does not offer it.
    expect(ui.frame()).toMatch(/>│空闲干部/);
    expect(ui.frame()).not.toContain('Enter 分配/加入');
    ui.unmount();
  });

  it('at 80×24 the heading keeps every count: it wraps rather than cutting 30 天内结束', async () => {
    const ui = await startApp(withHoles(), { size: { columns: 80, rows: 24 } });
    await ui.press('0');
    await ui.until('无人联系：班级 1');
    // Broken between its parts only: no count parted from its words.
    expect(ui.frame()).toContain('空闲干部 1');
    expect(ui.frame()).toContain('30 天内结束 0');
    ui.unmount();
  });

  it('Enter on a class without a cadre opens 分配 with the college’s free cadres first', async () => {
    const ui = await startApp(withHoles());
    await ui.press('0');
    await ui.until('无人联系：班级 1');
    await ui.press(KEY.enter);
    await ui.until('分配 电商26班（本院空闲干部在前）');
    expect(ui.frame()).toMatch(/> 王五（T003）/);
    await ui.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until(`把 电商26班（寝室 0 间、困难生 0 名）分配给 王五，自 ${TODAY} 起（y/n）`);
    await ui.press('y');
    await ui.until('已把 电商26班 分配给 王五');
    await ui.until('无人联系：班级 0');
    expect((await ui.saved()).assignments.find((a) => a.classId === 'cls_new')).toMatchObject({
      cadreId: 'c_ww',
      start: TODAY,
    });
    ui.unmount();
  });

  it('设置 › n starts 2027-2028, ending the graduated class’s assignment; 配对 pairs the new class in one y/n', async () => {
    const data = withHoles();
    // 王五 held 物流23班 until it graduated on 2026-10-15.
    assign(
      data,
      { cadreId: 'c_ww', classId: 'cls_old', start: '2026-09-01' },
      { ...testContext(TODAY), newId: () => 'asg_old' },
    );
    data.dorms.push({
      id: 'd_new',
      building: '8号楼',
      number: '801',
      classIds: ['cls_new'],
      leader: '',
      size: 4,
      note: '',
    });
    data.students.push({
      id: 's_4',
      studentNo: '2026004',
      name: '小军',
      classId: 'cls_new',
      dormId: 'd_new',
      categories: ['经济困难'],
      contact: '',
    });
    const ui = await startApp(data);
    await ui.press('9');
    await ui.until('n 新学年');
    await ui.press('n');
    await ui.until('默认 2027-09-01');
    await ui.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    // The question wraps in its panel: compared without the panel's borders and breaks.
    const flat = (f: string) => f.replace(/[│\s]/g, '');
    await ui.until((f) =>
      flat(f).includes(
        flat('并以“班级毕业”结束 1 个已毕业班级的联系分配：物流23班 — 王五（最后一天 2026-10-15）（y/n）'),
      ),
    );
    expect(flat(ui.frame())).toContain(
      flat('添加 2027-2028学年第一学期（2027-09-01 至 2028-01-20）、2027-2028学年第二学期（2028-02-20 至 2028-07-10）'),
    );
    await ui.press('y');
    await ui.until('配对 · 自 2027-09-01 起 · 已选 0/1');
    expect(ui.frame()).toMatch(/电商26班\s*│\s*经济管理学院\s*│\s*—\s*│\s*1\s*│\s*1/);
    // e: the class's dorm stays ticked, its 困难生 is unticked by space.
    await ui.press('e');
    await ui.until('电商26班 随班级分配的寝室与困难生');
    await ui.press(KEY.enter, ' ', KEY.enter);
    await ui.until(/电商26班\s*│\s*经济管理学院\s*│\s*—\s*│\s*1\s*│\s*0/);
    await ui.press(KEY.enter);
    await ui.until('为 电商26班 选择干部');
    await ui.press(KEY.enter);
    await ui.until('已选 1/1');
    await ui.press('s');
    await ui.until('保存这 1 个配对（自 2027-09-01 起）（y/n）');
    await ui.press('y');
    await ui.until('已保存 1 个配对');
    await ui.press(KEY.esc);
    await ui.until('学期与考核规则');
    const saved = await ui.saved();
    expect(saved.settings.terms.map((t) => t.name)).toContain('2027-2028学年第二学期');
    expect(saved.assignments.find((a) => a.id === 'asg_old')).toMatchObject({
      end: '2026-10-15',
      endReason: '班级毕业',
    });
    expect(saved.assignments.find((a) => a.classId === 'cls_new')).toMatchObject({
      cadreId: 'c_ww',
      start: '2027-09-01',
      dormIds: ['d_new'],
      studentIds: [],
    });
    ui.unmount();
  });
});

describe('网格 screen for a college secretary', () => {
  it('a cadre arranged school-wide who once held her class and now holds another college’s is not free', async () => {
    const data = sharedDormSchool();
    data.cadres.push({ ...data.cadres[0]!, id: 'c_tc', name: '赵统', employeeNo: 'T010', collegeId: null });
    assign(
      data,
      { cadreId: 'c_tc', classId: 'cls_old', studentIds: [], start: '2026-09-01' },
      testContext('2026-09-01'),
    );
    endAssignment(data, { cadreId: 'c_tc', date: '2026-10-15', reason: '班级毕业' });
    assign(
      data,
      { cadreId: 'c_tc', classId: 'cls_rj', studentIds: [], start: '2026-10-20' },
      testContext('2026-10-20'),
    );
    const ui = await startApp(data, { login: 'wang' });
    await ui.press('0');
    await ui.until('无人联系：');
    // Her part of the data holds 赵统 (he once held 物流23班), not where he works now.
    expect(ui.frame()).not.toContain('赵统');
    expect(ui.frame()).toMatch(/空闲干部\s*│\s*李四/);
    ui.unmount();
  });
});
