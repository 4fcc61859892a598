// 导入 / 导出: preview before import (counts, or every bad row), y to apply; exports to a typed path.
// Paths go in as one read (burst), as a terminal over SSH delivers a typed-ahead or pasted path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cadreRow, fillRoster } from '../helpers/filled-roster.js';
import { KEY, openScreen, startApp } from '../helpers/ui-harness.js';

/** 导入 / 导出, the roster's path typed in one read, Enter: the preview follows. */
async function previewImport(ui: Awaited<ReturnType<typeof startApp>>, file: string): Promise<void> {
  await ui.press('8');
  await ui.until('导入 / 导出');
  await ui.press(KEY.tab);
  await ui.burst(...file);
  await ui.press(KEY.enter);
}

// One test at a time: each imports or exports through exceljs, and side by side under load they outran the 30 s limit.
describe('导入 / 导出 screen', () => {
  it('previews an import, n leaves the data untouched, y imports', async () => {
    const ui = await startApp();
    const file = await fillRoster(join(ui.dir, '花名册.xlsx'), {
      干部: [cadreRow('T010', '赵六', '经济管理学院')],
    });
    await previewImport(ui, file);
    await ui.until('导入预览');
    expect(ui.frame()).toContain('干部 新增 1、更新 0');
    expect(ui.frame()).toContain('y 确认导入  n 取消');
    await ui.press('n');
    await ui.until('导入 / 导出');
    expect((await ui.saved()).cadres.some((c) => c.name === '赵六')).toBe(false);
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('导入预览');
    await ui.press('y');
    await ui.until('干部 新增 1、更新 0');
    expect((await ui.saved()).cadres.find((c) => c.name === '赵六')?.employeeNo).toBe('T010');
  });

  it('lists every bad row and does not offer to import', async () => {
    const ui = await startApp();
    const file = await fillRoster(join(ui.dir, 'bad.xlsx'), {
      干部: [
        ['T010', '', '经济管理学院', '教务处', '科员', '中共党员', '', '', '普通党员'],
        ['T011', '钱七', '经济管理学院', '', '', '', '', '', '处长'],
      ],
    });
    await previewImport(ui, file);
    await ui.until('不能导入（数据未改动）');
    expect(ui.frame()).toMatch(/干部, 第3行, 干部姓名: /);
    expect(ui.frame()).toMatch(/干部, 第4行, 类别: /);
    expect(ui.frame()).toContain('n/Esc 返回');
    await ui.press(KEY.esc);
    await ui.until('导入 / 导出');
  });

  it("at 60×20 each bad row's reason wraps whole, as many rows as the screen holds", async () => {
    const ui = await startApp(undefined, { size: { columns: 60, rows: 20 } });
    const file = await fillRoster(join(ui.dir, 'bad.xlsx'), {
      联系记录: Array.from({ length: 12 }, (_, i) => [
        '李四',
        'T002',
        '寝室',
        '1号楼-101',
        `2026-11-${10 + i}`,
        '寝室走访',
        '',
      ]),
    });
    await previewImport(ui, file);
    await ui.until('不能导入（数据未改动）');
    // Wrapped at a space, which the wrap drops: compared without spaces.
    const text = ui.frame().replace(/\s/g, '');
    expect(text).toContain('联系记录,第3行,对象:1号楼-101不在李四于2026-11-10的联系分配中：请检查联系对象或日期');
    // Two lines each: as many as the 20 rows hold, then how many more.
    expect(ui.frame().split('\n').length).toBeLessThanOrEqual(20);
    expect(ui.frame()).toMatch(/……另有 \d+ 处/);
  });

  it('says the file is missing', async () => {
    const ui = await openScreen('8', '导入 / 导出');
    await ui.press(KEY.tab);
    await ui.burst(...'/nonexistent/花名册.xlsx');
    await ui.press(KEY.enter);
    await ui.until('错误：找不到文件 /nonexistent/花名册.xlsx');
  });

  it('exports 附件2, 附件1 and 评议考核 to the typed paths', async () => {
    const ui = await openScreen('8', '导入 / 导出');
    const out2 = join(ui.dir, 'form2.xlsx');
    await ui.press(KEY.right, KEY.right, KEY.tab);
    await ui.burst(...out2);
    await ui.press(KEY.enter, KEY.enter);
    await ui.until(`已导出 ${out2}（附件2，2 位干部）`);
    expect(ui.frames.some((f) => f.includes(`正在导出 ${out2}……`))).toBe(true);
    expect(existsSync(out2)).toBe(true);
    // A second export to the same path is refused unless 覆盖 is chosen, in the TUI's words (no --force).
    await ui.press(KEY.enter);
    await ui.until('错误：');
    expect(ui.frame()).toContain('已存在：如需覆盖，请把“覆盖已有文件”选为“是”后再导出');
    expect(ui.frame()).not.toContain('--force');
    await ui.press(KEY.right, KEY.enter);
    await ui.until(`已导出 ${out2}（附件2，2 位干部）`);
    const out1 = join(ui.dir, 'form1.xlsx');
    await ui.press(KEY.up, KEY.up, KEY.left, KEY.tab);
    await ui.until('导出附件1 登记表');
    await ui.burst(...Array<string>(out2.length).fill(KEY.backspace), ...out1);
    await ui.press(KEY.enter, KEY.left, KEY.enter);
    await ui.until(`已导出 ${out1}（附件1，3 张工作表）`); // 王五 too: every 在岗 cadre, assigned or not
    const outR = join(ui.dir, 'report.xlsx');
    await ui.press(KEY.up, KEY.up, KEY.right, KEY.right, KEY.tab);
    await ui.until('导出评议考核');
    await ui.burst(...Array<string>(out1.length).fill(KEY.backspace), ...outR);
    await ui.press(KEY.enter, KEY.enter);
    await ui.until(`已导出 ${outR}（评议考核`);
    expect(existsSync(out1) && existsSync(outR)).toBe(true);
  });

  it('a message stays on its screen: Esc leaves it behind, and a new preview starts without an older error', async () => {
    const ui = await openScreen('8', '导入 / 导出');
    await ui.press(KEY.tab);
    await ui.burst(...join(ui.dir, 'nope.xlsx'));
    await ui.press(KEY.enter);
    await ui.until('错误：找不到文件');
    const file = await fillRoster(join(ui.dir, 'ok.xlsx'), {
      干部: [cadreRow('T010', '赵六', '经济管理学院')],
    });
    for (let i = 0; i < 'nope.xlsx'.length; i++) await ui.press(KEY.backspace);
    await ui.press(...'ok.xlsx', KEY.enter);
    await ui.until('导入预览');
    expect(file).toContain('ok.xlsx');
    expect(ui.frame()).not.toContain('找不到文件');
    await ui.press('n');
    await ui.until('导入 / 导出');
    await ui.press(KEY.tab, ...'x', KEY.enter);
    await ui.until('错误：');
    await ui.press(KEY.esc);
    await ui.until('放弃已填写的内容？');
    await ui.press('y');
    await ui.until('最新联系');
    expect(ui.frame()).not.toContain('错误：');
  });
});
