// The list table fits a width: columns are cut in their order (notes, then names, then class names),
// dates, 工号 and 学号 never, nor a namesake with its 工号 or a dorm; a cut cell ends in … so a cut
// name never reads as a whole one.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cut } from '../../source/ui/components/layout.js';
import { TerminalSizeContext } from '../../source/ui/hooks/use-terminal-size.js';
import { cellFloor, columnWidths, cutOrder, fitCell, Table } from '../../source/ui/table.js';

describe('table fitting', () => {
  it('cuts with … within the width, wide characters included, and pads what fits', () => {
    expect(fitCell('2025010001 王小明', 14)).toBe('2025010001 王…');
    expect(stringWidth(fitCell('9号楼-101、9号楼-102', 13))).toBe(13);
    expect(fitCell('9号楼-101、9号楼-102', 13)).toMatch(/…\s*$/);
    expect(fitCell('张三', 6)).toBe('张三  ');
    expect(cut('会计241班', 6)).toBe('会计2…');
    expect(cut('会计241班', 5)).toBe('会计…');
  });

  it('a namesake with its 工号, or one dorm, is never cut; a list of dorms is, as a name is', () => {
    expect(cellFloor('李明（T011）')).toBe(stringWidth('李明（T011）'));
    expect(cellFloor('5号楼-301')).toBe(stringWidth('5号楼-301'));
    expect(cellFloor('9号楼-101、9号楼-102')).toBe(2);
    expect(cellFloor('李明')).toBe(2);
    expect(cellFloor('2025010001 王小明')).toBe(11);
  });

  it('among columns of one order, narrows the widest first until the line fits', () => {
    // Columns of 1, 10, 30, 8 with padding 0 (1 per column for the │): 52 wide.
    expect(columnWidths([1, 10, 30, 8], 30, 60, 1)).toEqual([1, 10, 30, 8]);
    expect(columnWidths([1, 10, 30, 8], 30, 40, 1)).toEqual([1, 10, 18, 8]);
    const w = columnWidths([1, 10, 30, 8], 30, 20, 1);
    expect(w[0]).toBe(1);
    expect(w.reduce((a, b) => a + b + 1, 0) - 1).toBeLessThanOrEqual(20);
  });

  it('cuts notes first, then names, then class names, and never a date or 工号 (nor caps them at maxWidth)', () => {
    const headers = ['日期', '工号', '干部', '班级', '备注'];
    const order = headers.map(cutOrder);
    // 日期 10, 工号 12, 干部 12, 班级 16, 备注 20; 4 gaps: 74 wide.
    expect(columnWidths([10, 12, 12, 16, 20], 30, 64, 1, order)).toEqual([10, 12, 12, 16, 10]);
    expect(columnWidths([10, 12, 12, 16, 20], 30, 54, 1, order)).toEqual([10, 12, 6, 16, 6]);
    expect(columnWidths([10, 12, 12, 16, 20], 30, 44, 1, order)).toEqual([10, 12, 6, 6, 6]);
    expect(columnWidths([10, 12, 12, 16, 20], 30, 36, 1, order)).toEqual([10, 12, 2, 6, 2]);
    // maxWidth caps a column only when the line needs the room: with room the cells show whole, and the
    // room there is goes first to class names, then names, then notes.
    expect(columnWidths([10, 12, 12, 16, 20], 8, 200, 1, order)).toEqual([10, 12, 12, 16, 20]);
    expect(columnWidths([10, 12, 12, 16, 20], 8, 60, 1, order)).toEqual([10, 12, 10, 16, 8]);
    expect(['9月', '10月', '学号', '最近联系', '窗口'].map(cutOrder)).toEqual([0, 0, 0, 0, 0]);
  });

  it('at 60 columns a contact history keeps every date and a namesake with its 工号 whole and cuts the rest with …', () => {
    const data = [1, 2, 3].map((d) => ({
      日期: `2026-11-2${d}`,
      干部: '欧阳明月（T000123）',
      类型: '班级',
      对象: '国际经济与贸易2024级（1）班',
      形式: '座谈会',
      备注: '与班委座谈，了解本学期学风建设和资助政策落实情况',
    }));
    const { lastFrame, unmount } = render(
      <TerminalSizeContext.Provider value={{ columns: 60, rows: 20 }}>
        <Table data={data} maxWidth={30} />
      </TerminalSizeContext.Provider>,
    );
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    for (const d of [1, 2, 3]) expect(lines[d + 1]).toContain(`2026-11-2${d} │`);
    expect(lines[0]).toMatch(/^ 日期 {7}│/);
    expect(lines[2]).toMatch(/│ 欧阳明月（T000123） │ 班级 │ 国…/);
    expect(lines[2]).toMatch(/… *$/);
  });
});
