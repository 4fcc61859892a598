// The terminal UI driven by keystrokes: the frames a secretary reads.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { assign } from '../source/domain/assignments.js';
import { logContact } from '../source/domain/contacts.js';
import { App } from '../source/ui/app.js';
import { AUTUMN, smallSchool, testContext } from './fixtures.js';

const tick = () => new Promise((r) => setTimeout(r, 30));

/** Waits (up to 2 s) until the frame shows `text`: ink mounts input handlers after a render. */
async function until(frame: () => string | undefined, text: string): Promise<void> {
  for (let i = 0; i < 100 && !(frame() ?? '').includes(text); i++) await tick();
}

function school() {
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
  logContact(data, { cadreId: 'c_ls', duty: 'class', targetId: 'cls_rj', date: '2026-11-20', note: '班会' }, ctx);
  return data;
}

describe('terminal UI', () => {
  it('opens on 首页 with the overdue count per college and the latest contact', () => {
    const { lastFrame } = render(<App data={school()} today="2026-11-25" />);
    const frame = lastFrame()!;
    expect(frame).toContain('测试职业技术学院 三联系 · 2026-2027学年第一学期 · 今天 2026-11-25');
    expect(frame).toContain('逾期 8 项 · 待完成 5 项');
    expect(frame).toMatch(/经济管理学院\s*│\s*4\s*│\s*3/);
    expect(frame).toMatch(/2026-11-20\s*│\s*李四\s*│\s*班级\s*│\s*软件1班/);
    expect(frame).toContain('1 首页  2 逾期  e 导出附件2  ? 帮助  q 退出');
  });

  it('2 shows the overdue list, j moves the selection, ? toggles help, Esc goes back', async () => {
    const { lastFrame, stdin } = render(<App data={school()} today="2026-11-25" />);
    stdin.write('2');
    await until(lastFrame, '共 13 项');
    await tick();
    expect(lastFrame()).toContain('共 13 项 · 第 1 项');
    expect(lastFrame()).toMatch(/>逾期\s*│\s*逾期56天\s*│\s*李四\s*│\s*机电信息学院\s*│\s*寝室\s*│\s*2号楼-201\s*│\s*09-01~09-30/);
    stdin.write('j');
    await until(lastFrame, '第 2 项');
    expect(lastFrame()).toContain('第 2 项');
    expect(lastFrame()).toContain('j/k ↑/↓ 移动');
    stdin.write('?');
    await until(lastFrame, '2 逾期：逾期与待完成的联系');
    expect(lastFrame()).toContain('2 逾期：逾期与待完成的联系');
    stdin.write('?');
    await until(lastFrame, '共 13 项');
    stdin.write('\u001b');
    await until(lastFrame, '逾期 8 项 · 待完成 5 项');
    expect(lastFrame()).toContain('逾期 8 项 · 待完成 5 项');
  });
});

describe('export from the UI', () => {
  it('e on 首页 writes 附件2 with the same function as the command', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'slx-ui-'));
    process.chdir(dir);
    try {
      const { lastFrame, stdin } = render(<App data={school()} today="2026-11-25" />);
      stdin.write('e');
      await until(lastFrame, '已导出');
      expect(lastFrame()).toContain('已导出 附件2-2026-11-25.xlsx（2 行）');
      expect(existsSync(join(dir, '附件2-2026-11-25.xlsx'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
