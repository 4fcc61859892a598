// 附件1 and 附件2 read back cell by cell from the written files.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { assign } from '../source/domain/assignments.js';
import { buildIndexes } from '../source/domain/indexes.js';
import type { Datastore } from '../source/domain/schema.js';
import { exportForm1, exportForm2 } from '../source/io/exports.js';
import { AUTUMN, smallSchool, testContext } from './fixtures.js';

let dir: string;
let data: Datastore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slx-forms-'));
  data = smallSchool([AUTUMN]);
  data.students.push({ id: 's_3', studentNo: '0025003', name: '=HYPERLINK("x")', classId: 'cls_kj', dormId: 'd_102', categories: ['学业困难', '心理困惑'], contact: '013800001111' });
  data.students[0]!.dormId = 'd_101';
  const ctx = testContext('2026-11-25');
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: ['s_1', 's_3'], start: '2026-09-01' }, ctx);
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: [], start: '2026-09-01' }, ctx);
});

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('附件2 汇总表', () => {
  it('has the title, the columns of the document, one numbered row per assignment and line-broken cells', async () => {
    const out = join(dir, 'form2.xlsx');
    expect(await exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' })).toBe(2);
    const sheet = (await read(out)).getWorksheet('附件2')!;
    expect(sheet.getCell('A1').value).toBe('测试职业技术学院党员干部“三联系”汇总表');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('K1').isMerged).toBe(true);
    expect([...Array(11).keys()].map((i) => sheet.getCell(2, i + 1).value)).toEqual([
      '序号', '干部教师', '学院', '联系班级', '班主任', '联系班级辅导员', '联系困难生寝室', '联系困难生', '联系方式', '班级其他寝室', '备注',
    ]);
    // Sorted by college (pinyin: 机电 before 经济), then cadre.
    expect(sheet.getRow(3).getCell(1).value).toBe(1);
    expect(sheet.getRow(3).getCell(2).value).toBe('李四');
    const row = sheet.getRow(4);
    expect(row.getCell(1).value).toBe(2);
    expect(row.getCell(2).value).toBe('张三');
    expect(row.getCell(3).value).toBe('经济管理学院');
    expect(row.getCell(4).value).toBe('会计1班');
    expect(row.getCell(5).value).toBe('班主任\n661234');
    expect(row.getCell(7).value).toBe('1号楼-101\n1号楼-102');
    expect(row.getCell(8).value).toBe('小明\n=HYPERLINK("x")');
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(9).value).toBe('\n013800001111');
    expect(row.getCell(10).value).toBe('1号楼-102（未分配）');
    expect(row.getCell(2).border.left?.style).toBe('thin');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'keep');
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' })).rejects.toThrow(/已存在：如需覆盖请加 --force/);
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25', force: true })).resolves.toBe(2);
    writeFileSync(join(dir, '~$exists.xlsx'), 'owner');
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25', force: true })).rejects.toThrow(/正在 Excel\/WPS 中打开/);
  });
});

describe('附件1 登记表', () => {
  it('reproduces the grid of the document for each cadre, one sheet named after the cadre', async () => {
    const out = join(dir, 'form1.xlsx');
    expect(await exportForm1(data, buildIndexes(data), { out, asOf: '2026-11-25' })).toBe(2);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['张三', '李四']);
    const s = wb.getWorksheet('张三')!;
    const v = (addr: string) => s.getCell(addr).value;
    expect(v('A1')).toBe('党员干部“三联系”登记表');
    expect([v('A2'), v('B2'), v('D2'), v('E2')]).toEqual(['学院', '经济管理学院', '班级', '会计1班']);
    expect(s.getCell('C2').isMerged).toBe(true);
    expect([v('A3'), v('B3'), v('C3'), v('D3'), v('E3'), v('F3')]).toEqual(['干部姓名', '张三', '手机短号', '660001', '政治面貌', '中共党员']);
    expect([v('A4'), v('C4'), v('E4'), v('F4')]).toEqual(['所在部门', '办公电话', '职务', '科长']);
    expect([v('A5'), v('B5'), v('D5'), v('E5')]).toEqual(['联系班级\n班主任', '班主任', '手机短号', '661234']);
    expect([v('A6'), v('B6'), v('D6'), v('E6')]).toEqual(['辅导员', '辅导员', '手机短号', '665678']);
    expect([v('A7'), v('B7'), v('C7'), v('D7'), v('E7'), v('F7')]).toEqual(['困难学生', '小明', '联系方式', '', '困难学生\n类别', '经济困难']);
    expect([v('B8'), v('D8'), v('F8')]).toEqual(['=HYPERLINK("x")', '013800001111', '学业困难、心理困惑']);
    expect([v('A9'), v('B9'), v('C9'), v('D9'), v('E9'), v('F9')]).toEqual(['联系班级\n寝室情况', '寝室楼', '寝室号', '寝室长', '寝室人数', '备注（混\n合寝室）']);
    expect([v('B10'), v('C10'), v('D10'), v('E10')]).toEqual(['1号楼', '101', '寝室长', '4']);
    expect(s.getCell('A10').isMerged).toBe(true);
    expect(v('A11')).toBe('注：本表共一式二份，学工部（处）、联系干部各一份。');
    expect(s.getCell('F10').border.right?.style).toBe('thin');
    expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });
});

describe('评议考核', () => {
  it('counts done/owed per duty as numbers, lists missed windows and marks rows under 100 %', async () => {
    const { logContact } = await import('../source/domain/contacts.js');
    const { exportAssessment } = await import('../source/io/exports.js');
    const ctx = testContext('2026-11-25');
    logContact(data, { cadreId: 'c_ls', duty: 'class', targetId: 'cls_rj', date: '2026-09-10' }, ctx);
    for (const date of ['2026-09-10', '2026-10-10']) logContact(data, { cadreId: 'c_ls', duty: 'dorm', targetId: 'd_201', date }, ctx);
    const out = join(dir, 'report.xlsx');
    expect(await exportAssessment(data, buildIndexes(data), AUTUMN, { out, asOf: '2026-11-01' })).toBe(2);
    const sheet = (await read(out)).getWorksheet('评议考核')!;
    const li = sheet.getRow(2);
    expect(li.getCell(1).value).toBe('李四');
    // Class owed once (term window started), dorm Sep+Oct met; November has started but is not yet missed.
    expect([3, 4, 5, 6, 7, 8, 9].map((c) => li.getCell(c).value)).toEqual([1, 1, 2, 3, 0, 0, 75]);
    expect(li.getCell(10).value).toBe('未完成');
    const zs = sheet.getRow(3);
    expect(zs.getCell(1).value).toBe('张三');
    expect(zs.getCell(11).value).toContain('2026-09-01~2026-09-30 1号楼-101');
    expect((zs.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFE0E0');
    const summary = (await read(out)).getWorksheet('学院汇总')!;
    expect(summary.getCell('A2').value).toBe('机电信息学院');
    expect(summary.getCell('B2').value).toBe(1);
  });
});
