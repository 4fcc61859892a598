// The frame: 首页, navigation to every screen, help overlay, q not quitting while typing.
import { describe, expect, it } from 'vitest';
import { logContact } from '../../source/domain/contacts.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { testContext } from '../helpers/fixtures.js';
import { KEY, school, openScreen, startApp } from '../helpers/ui-harness.js';

describe.concurrent('terminal UI frame', () => {
  it('opens on 首页 with this month and the term per college, overdue counts, latest contact and the screen keys', async () => {
    const ui = await startApp();
    const frame = ui.frame();
    expect(frame).toContain('测试职业技术学院 三联系 · 2026-2027学年第一学期 · 今天 2026-11-25');
    expect(frame).toContain('逾期 8 项 · 待完成 5 项');
    // The term so far as a bar: September to November, nothing met yet.
    expect(frame).toMatch(/学院\s*│\s*本月完成\s*│\s*本学期 9–11月\s*│\s*逾期\s*│\s*待完成/);
    expect(frame).toMatch(/经济管理学院\s*│\s*0\/2（0%）\s*│\s*▁▁▁ 0%\s*│\s*4\s*│\s*3/);
    expect(frame).toMatch(/2026-11-20\s*│\s*李四\s*│\s*班级\s*│\s*软件1班/);
    expect(frame).toContain('1 记录联系  2 逾期  3 干部  4 班级  5 寝室  6 困难生  7 分配  8 导入导出  9 设置');
    expect(frame).toContain('? 帮助  q 退出');
  });

  it('says which datastore is open: its full path on 首页, and in the header when the line has room', async () => {
    const ui = await startApp();
    expect(ui.frame()).toContain(`数据文件：${ui.file}`);
    const header = ui.frame().split('\n')[0]!;
    expect(header).toMatch(/今天 2026-11-25 · 数据 \S*data\.json$/);
  });

  it('reaches every screen from 首页 and comes back with Esc', async () => {
    const ui = await startApp();
    const screens: Array<[string, string]> = [
      ['1', '记录联系'],
      ['2', '逾期 · 共 13 项'],
      ['3', '干部（3/3）'],
      ['4', '班级（3/3）'],
      ['5', '寝室（4/4）'],
      ['6', '困难生（2/2）'],
      ['7', '分配 · 选择班级'],
      ['8', '导入 / 导出'],
      ['9', '设置 · 学期与考核规则'],
    ];
    for (const [key, title] of screens) {
      await ui.press(key);
      await ui.until(title);
      await ui.press(KEY.esc);
      await ui.until('最新联系');
    }
  });

  it('? shows the help over the screen and keeps its state; q is typed, not obeyed, in a field', async () => {
    const ui = await openScreen('3', '干部（3/3）');
    await ui.press('j');
    await ui.until('第 2/3 行');
    await ui.press('?');
    await ui.until('帮助');
    expect(ui.frame()).toContain('逾期：c 学院  t 类型  s 状态');
    expect(ui.frame()).not.toContain('干部（3/3）');
    // The notes at the end read as sentences, and name only what the UI does (it deletes nothing).
    await ui.press('j', 'j');
    await ui.until('先问 y/n');
    expect(ui.frame()).toContain('注：按 o：最久未联系（及从未联系）的排在前面，再按 o 恢复原顺序');
    expect(ui.frame()).toContain('注：撤销、标记状态、分配、移交、结束分配、导入前都会先问 y/n；输入时 q ? u 是文字');
    await ui.press('?');
    await ui.until('第 2/3 行');
    await ui.press('/', 'q');
    await ui.until('搜索：q');
    expect(ui.frame()).toContain('干部（0/3）');
    await ui.press(KEY.esc);
    await ui.until('干部（3/3）');
  });

  it('shows names with escape sequences as harmless text in lists, forms and messages', async () => {
    const data = school();
    data.cadres.find((c) => c.id === 'c_zs')!.name = '张三\u001b[2J\u001b]0;x\u0007';
    const ui = await openScreen('3', '干部（3/3）', data);
    await ui.press('x');
    await ui.until('的状态');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('（y/n）');
    expect(ui.frame()).toContain('张三�[2J�]0;x�');
    expect(ui.frame()).not.toContain('\u001b[2J');
    await ui.press('y');
    await ui.until('已标记为离职');
    expect(ui.frame()).not.toContain('\u0007');
  });

  it('shows a save made by another process without a restart', async () => {
    const ui = await startApp();
    await ui.until('逾期 8 项 · 待完成 5 项');
    const other = new DatastoreFile(ui.file);
    await other.update(
      (d) =>
        logContact(
          d,
          { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-25' },
          { ...testContext('2026-11-25'), newId: () => 'ct_other' },
        ),
      { action: 'log' },
    );
    await ui.until('数据文件已被其他人修改，已重新载入');
    expect(ui.frame()).toContain('逾期 8 项 · 待完成 4 项');
  });
});
