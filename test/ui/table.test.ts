// The list table fits a width: the widest column narrows first, a cut cell ends in … so a cut name
// never reads as a whole one.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cut } from '../../source/ui/components/layout.js';
import { columnWidths, fitCell } from '../../source/ui/table.js';

describe('table fitting', () => {
  it('cuts with … within the width, wide characters included, and pads what fits', () => {
    expect(fitCell('2025010001 王小明', 14)).toBe('2025010001 王…');
    expect(stringWidth(fitCell('9号楼-101、9号楼-102', 13))).toBe(13);
    expect(fitCell('9号楼-101、9号楼-102', 13)).toMatch(/…\s*$/);
    expect(fitCell('张三', 6)).toBe('张三  ');
    expect(cut('会计241班', 6)).toBe('会计2…');
    expect(cut('会计241班', 5)).toBe('会计…');
  });

  it('narrows the widest column first until the line fits', () => {
    // Columns of 1, 10, 30, 8 with padding 0 (1 per column for the │): 52 wide.
    expect(columnWidths([1, 10, 30, 8], 30, 60, 1)).toEqual([1, 10, 30, 8]);
    expect(columnWidths([1, 10, 30, 8], 30, 40, 1)).toEqual([1, 10, 18, 8]);
    const w = columnWidths([1, 10, 30, 8], 30, 20, 1);
    expect(w[0]).toBe(1);
    expect(w.reduce((a, b) => a + b + 1, 0) - 1).toBeLessThanOrEqual(20);
  });
});
