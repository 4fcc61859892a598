// A workbook of only some roster sheets: those present are imported, the summary names the others as untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyDatastore } from '../../source/domain/schema.js';
import { describeImport, importRoster } from '../../source/io/roster-import.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { testContext } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-partial-'));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a partial workbook', () => {
  it('a contacts-only workbook adds its contacts; the summary names the absent sheets as untouched', async () => {
    const data = emptyDatastore('测试学院');
    await importRoster(
      data,
      await fillRoster(join(dir, 'roster.xlsx'), {
        干部: [['T001', '张三', '经济管理学院', '', '', '', '', '', '普通党员']],
        班级: [['经济管理学院', '会计241班', 2024, '2027-06-30', '', '', '', '']],
        寝室: [['7号楼', '301', '会计241班', '', 6, '']],
        联系分配: [['张三', 'T001', '会计241班', '', '2026-09-01', '', '']],
      }),
      testContext('2026-11-25'),
    );
    const before = structuredClone(data);

    const contacts = await workbook('contacts.xlsx', {
      联系记录: [
        ['工号', '类型', '对象', '日期', '形式'],
        ['T001', '寝室', '7号楼-301', '2026-10-08', '寝室走访'],
      ],
    });
    const summary = await importRoster(data, contacts, testContext('2026-11-25'));
    expect(data.contacts).toMatchObject([{ date: '2026-10-08', duty: 'dorm', form: '寝室走访' }]);
    expect({ ...data, contacts: [] }).toEqual(before);
    expect(describeImport(summary)).toBe(
      '联系记录 新增 1、更新 0；未包含（原有数据未动）：干部、班级、寝室、困难生、联系分配、学期、规则',
    );
  });

  it('a workbook holding none of the roster sheets is refused, naming them', async () => {
    const file = await workbook('other.xlsx', { Sheet1: [['姓名'], ['张三']] });
    await expect(importRoster(emptyDatastore('测试学院'), file, testContext())).rejects.toThrow(
      /没有花名册的工作表（干部、班级、寝室、困难生、联系分配、联系记录、学期、规则）/,
    );
  });
});
