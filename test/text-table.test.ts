// The commands' plain-text tables: aligned by display width, and any number of rows.
import { describe, expect, it } from 'vitest';
import { renderTable } from '../source/cli/text-table.js';

describe('renderTable', () => {
  it('aligns columns by display width (汉字 two columns) and neutralises escapes', async () => {
    expect(await renderTable(['日期', '干部'], [['2026-11-25', '张三'], ['2026-11-24', '欧阳\u001b[31m']])).toBe(
      ['日期        干部', '----------  ---------', '2026-11-25  张三', '2026-11-24  欧阳\ufffd[31m'].join('\n'),
    );
  });

  it('prints 200,000 rows (`contacts` over years of a whole school) without overflowing the stack', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), '寝室走访']);
    const text = await renderTable(['编号', '形式'], rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[200_001]).toBe('199999  寝室走访');
  });
});
