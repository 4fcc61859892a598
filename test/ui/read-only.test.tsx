// A viewer's terminal UI is read-only, and says so: no key that would change data is offered (status
// bar, 首页, help) or does anything; 只读 on the status bar. Over SSH, 导入 says how to send a file.
import { describe, expect, it } from 'vitest';
import type { User } from '../../source/domain/schema.js';
import { KEY, school, startApp } from '../helpers/ui-harness.js';

const VIEWER: User = { id: 'u_li', login: 'li', name: '李老师', role: 'viewer', collegeIds: [], keys: [] };

describe.concurrent('read-only and SSH', () => {
  it('a viewer: 只读, and 1, 7, u, a, e, x, l, Enter in 设置 are neither offered nor obeyed', async () => {
    const data = school();
    data.users.push(VIEWER);
    const ui = await startApp(data, { login: 'li' });
    expect(ui.frame()).toContain('只读');
    expect(ui.frame()).not.toMatch(/1 记录联系|7 分配/);
    await ui.press('1', '7', 'u');
    await ui.press('3');
    await ui.until('干部（3/3）');
    expect(ui.frame()).toContain('只读');
    expect(ui.frame()).not.toMatch(/新增|编辑|标记状态|记录联系|撤销/);
    await ui.press('a', 'e', 'x', 'l', KEY.enter);
    await ui.until('本学期职责');
    expect(ui.frame()).not.toMatch(/新增|编辑|标记状态|记录联系|撤销/);
    await ui.press('?');
    await ui.until('帮助');
    expect(ui.frame()).not.toMatch(/新增|编辑|标记状态|记录联系|撤销|分配干部|确认导入/);
    await ui.press('?', KEY.esc, KEY.esc, '4', KEY.enter);
    await ui.until('本班寝室');
    await ui.press('p');
    await ui.press(KEY.esc, KEY.esc, '8');
    await ui.until('导入 / 导出');
    expect(ui.frame()).not.toContain('导入花名册');
    expect(ui.frame()).toContain('导出附件1');
    await ui.press(KEY.esc, '9');
    await ui.until('设置 · 学期与考核规则');
    await ui.press(KEY.enter, 'a');
    // Every key above left 设置 as it was and nothing asked or opened a form; nothing was written.
    expect(ui.frame()).toContain('设置 · 学期与考核规则');
    expect(ui.frame()).not.toMatch(/新增学期|编辑学期|撤销最近一次修改|分配 · 会计1班/);
    expect((await ui.saved()).contacts).toHaveLength(data.contacts.length);
  });

  it('over SSH, 导入 says to send the file with ssh … import - instead of asking for a path on the server', async () => {
    const ui = await startApp(undefined, { exportsDir: '/nonexistent/exports/wang' });
    await ui.press('8');
    await ui.until('导入 / 导出');
    expect(ui.frame()).toContain('ssh … import - < 花名册.xlsx');
    expect(ui.frame()).not.toContain('文件路径');
    await ui.press(KEY.enter, KEY.enter);
    expect(ui.frame()).not.toContain('导入预览');
    await ui.press(KEY.right);
    await ui.until('导出附件1');
    expect(ui.frame()).toContain('文件路径');
  });
});
