// Issue 13, case 13: roster values imported wrong — pre-1900-03-01 dates a day off, a rounded 19-digit
// 学号, a shared-string index past the table, full-width duplicates, invisible characters in names,
// `_x001B_` escapes kept literally, a 2-row sheet with one far empty cell refused as too long.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../source/domain/errors.js';
import { emptyDatastore, type Datastore } from '../../source/domain/schema.js';
import { cellDate, readCell } from '../../source/io/roster-cells.js';
import { ImportError, importRoster } from '../../source/io/roster-import.js';
import { testContext } from '../helpers/fixtures.js';
import { writeRoster } from '../helpers/hostile-workbook.js';
import { tempDir } from './fault-helpers.js';

const dir = tempDir('slx-import-values-');
let n = 0;

const BASE = {
  干部: [['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', '661234', '', '科职以上干部']],
  班级: [['经济管理学院', '会计241班', 2024, '2027-06-30', '王老师', '663333', '赵老师', '664444']],
  寝室: [['7号楼', '301', '会计241班', '钱同学', 6, '']],
  困难生: [['2024010001', '周同学', '会计241班', '7号楼', '301', '经济困难', '']],
};

async function roster(rows: Record<string, unknown[][]>): Promise<string> {
  const file = join(dir, `r${(n += 1)}.xlsx`);
  await writeRoster(file, rows);
  return file;
}

/** Rewrites one worksheet's XML of `file` (sheet4.xml: 困难生, the template's fourth sheet). */
async function patchSheet(file: string, sheetXml: string, patch: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file(sheetXml, patch(await zip.file(sheetXml)!.async('string')));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function importOf(file: string): Promise<{ data: Datastore; error: unknown }> {
  const data = emptyDatastore('测试学院');
  const error = await importRoster(data, file, testContext('2026-11-25')).then(
    () => null,
    (e: unknown) => e,
  );
  return { data, error };
}

/** Cells as exceljs reads them back from a saved workbook. */
async function cellsOf(values: { value: ExcelJS.CellValue; numFmt?: string }[]): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  values.forEach((v, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = v.value;
    if (v.numFmt) cell.numFmt = v.numFmt;
  });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as Parameters<typeof back.xlsx.load>[0]);
  return values.map((_, i) => back.getWorksheet('表')!.getCell(1, i + 1));
}

describe('import values', () => {
  it('case 13: dates before 1900-03-01 read as Excel shows them (serials and date cells); the fake 1900-02-29 is no date', async () => {
    const serials = [1, 59, 60, 61, 46000];
    const dated = await cellsOf(serials.map((s) => ({ value: s, numFmt: 'yyyy-mm-dd' })));
    const plain = await cellsOf(serials.map((s) => ({ value: s })));
    const expected = ['1900-01-01', '1900-02-28', null, '1900-03-01', '2025-12-09'];
    expect(dated.map((c) => cellDate(c))).toEqual(expected);
    expect(plain.map((c) => cellDate(c))).toEqual(expected);
  });

  it('case 13: a 19-digit 学号 stored as a number is refused (Excel kept 15 digits), not rounded', async () => {
    const [cell] = await cellsOf([{ value: Number('1234567890123456789') }]);
    expect(readCell(cell!, '学号')).toEqual({
      text: '',
      problem: expect.stringMatching(/超过 15 位的数字.*设为“文本”/),
    });
    const [ok] = await cellsOf([{ value: 2024010001 }]);
    expect(readCell(ok!, '学号')).toEqual({ text: '2024010001' });
  });

  it('case 13: a shared-string index past the table is refused naming the cell, not imported as "99999"', async () => {
    const file = await roster(BASE);
    await patchSheet(file, 'xl/worksheets/sheet4.xml', (xml) =>
      xml.replace(/(<c r="B3"[^>]*t="s"[^>]*>)<v>\d+<\/v>/, '$1<v>99999</v>'),
    );
    const { error } = await importOf(file);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/单元格 B3 引用了不存在的共享字符串/);
  });

  it('case 13: full-width digits are the same 学号: a duplicate is refused', async () => {
    const file = await roster({
      ...BASE,
      困难生: [...BASE.困难生, ['２０２４０１０００１', '吴同学', '会计241班', '7号楼', '301', '经济困难', '']],
    });
    const { error } = await importOf(file);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).lines.join('\n')).toMatch(/困难生, 第4行, 学号: .*2024010001/);
  });

  it.each([
    ['U+200B', '周\u200b同学'],
    ['U+2028', '周\u2028同学'],
    ['U+FEFF', '周\ufeff同学'],
  ])('case 13: a name with %s is refused', async (code, name) => {
    const file = await roster({ ...BASE, 困难生: [['2024010001', name, '会计241班', '7号楼', '301', '经济困难', '']] });
    const { error } = await importOf(file);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).lines.join('\n')).toContain(`困难生, 第3行, 姓名: 含有不可见字符 ${code}`);
  });

  it('case 13: an `_x001B_` escape in a text cell is read as the ESC it stands for, and refused', async () => {
    const file = await roster(BASE);
    await patchSheet(file, 'xl/worksheets/sheet4.xml', (xml) =>
      xml.replace(/<c r="B3"([^>]*?) t="s"([^>]*)>(<v>\d+<\/v>)/, '<c r="B3"$1 t="str"$2><v>周_x001B_[31m同学</v>'),
    );
    const { error } = await importOf(file);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).lines.join('\n')).toContain('困难生, 第3行, 姓名: 含有控制字符 U+001B');
  });

  it('case 13: a 2-row sheet with one formatted empty cell at row 1,048,576 imports its rows', async () => {
    const file = await roster(BASE);
    await patchSheet(file, 'xl/worksheets/sheet4.xml', (xml) =>
      xml.replace('</sheetData>', '<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>'),
    );
    const { data, error } = await importOf(file);
    expect(error).toBeNull();
    expect(data.students.map((s) => s.name)).toEqual(['周同学']);
  });
});
