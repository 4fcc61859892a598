// The commands' plain-text tables: aligned by display width, and any number of rows.
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../source/cli/text-table.js';

describe('renderTable', () => {
  it('aligns columns by display width (汉字 two columns) and neutralises escapes', async () => {
    expect(
      await renderTable(
        ['日期', '干部'],
        [
          ['2026-11-25', '张三'],
          ['2026-11-24', '欧阳\u001b[31m'],
        ],
      ),
    ).toBe(['日期        干部', '----------  ---------', '2026-11-25  张三', '2026-11-24  欧阳\ufffd[31m'].join('\n'));
  });

  it('fits a width by cutting the widest shrinkable column with an ellipsis, never below its minimum', async () => {
    const rows = [['逾期', '欧阳娜仁托娅·巴特尔', '1号楼-101、1号楼-102、1号楼-103']];
    const fitted = await renderTable(['状态', '干部', '对象'], rows, { width: 40, shrink: { 1: 6, 2: 8 } });
    const { default: stringWidth } = await import('string-width');
    for (const line of fitted.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(fitted.split('\n')[2]).toBe('逾期  欧阳娜仁托娅·巴…  1号楼-101、1号…');
    // Too narrow for the minimums: the columns stop at them rather than vanish.
    const tight = (await renderTable(['状态', '干部', '对象'], rows, { width: 10, shrink: { 1: 6, 2: 8 } })).split(
      '\n',
    )[2];
    expect(tight).toBe('逾期  欧阳…   1号楼-1…');
  });

  it('prints 200,000 rows (`contacts` over years of a whole school) without overflowing the stack', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), '寝室走访']);
    const text = await renderTable(['编号', '形式'], rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[200_001]).toBe('199999  寝室走访');
  });
});
