// 附件2 shows the grid's holes under its table: the classes and 困难生 no cadre holds on its date, for the
// whole school or the college it is exported for.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { exportForm2 } from '../../source/io/exports.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

describe('附件2 汇总表', () => {
  it('lists the classes and 困难生 without a cadre under the table', async () => {
    const data = smallSchool([AUTUMN]);
    assign(
      data,
      { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' },
      testContext('2026-11-25'),
    );
    data.students.push({
      id: 's_3',
      studentNo: '2025003',
      name: '小刚',
      classId: 'cls_kj',
      dormId: null,
      categories: ['学业困难'],
      contact: '',
    });
    const dir = mkdtempSync(join(tmpdir(), 'slx-form2-holes-'));
    const texts = async (collegeId?: string) => {
      const out = join(dir, `${collegeId ?? 'all'}.xlsx`);
      await exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25', ...(collegeId ? { collegeId } : {}) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const sheet = wb.getWorksheet('附件2')!;
      const col = [...Array(sheet.rowCount).keys()].map((r) => sheet.getCell(r + 1, 1));
      const lines = col.filter((c) => typeof c.value === 'string' && c.value.includes('：'));
      // Each line spans the table's width.
      return {
        lines: lines.map((c) => c.value),
        merged: lines.every((c) => sheet.getCell(Number(c.row), 11).master.address === c.address),
      };
    };
    const all = await texts();
    expect(all.lines).toEqual([
      '网格空缺（截至 2026年11月25日）：没有联系干部的班级 1 个，无人联系的困难生 2 名',
      '没有联系干部的班级：软件1班（机电信息学院）',
      '无人联系的困难生：2025002 小红（软件1班）、2025003 小刚（会计1班）',
    ]);
    expect(all.merged).toBe(true);
    expect((await texts('col_jg')).lines).toEqual([
      '网格空缺（截至 2026年11月25日）：没有联系干部的班级 0 个，无人联系的困难生 1 名',
      '没有联系干部的班级：无',
      '无人联系的困难生：2025003 小刚（会计1班）',
    ]);
  });
});
