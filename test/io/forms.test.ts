// 附件1 and 附件2 read back cell by cell from the written files.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { assign, reassign } from '../../source/domain/assignments.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import type { Cadre, Datastore } from '../../source/domain/schema.js';
import { exportForm1, exportForm2 } from '../../source/io/exports.js';
import { heightFor, lineCount } from '../../source/io/print-layout.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

let dir: string;
let data: Datastore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slx-forms-'));
  data = smallSchool([AUTUMN]);
  data.students.push({
    id: 's_3',
    studentNo: '0025003',
    name: '=HYPERLINK("x")',
    classId: 'cls_kj',
    dormId: 'd_102',
    categories: ['学业困难', '心理困惑'],
    contact: '013800001111',
  });
  data.students[0]!.dormId = 'd_101';
  const ctx = testContext('2026-11-25');
  assign(
    data,
    { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: ['s_1', 's_3'], start: '2026-09-01' },
    ctx,
  );
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: [], start: '2026-09-01' }, ctx);
});

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('附件2 汇总表', () => {
  it('has the mark, the date, the title, the columns of the document, one numbered row per assignment and line-broken cells', async () => {
    const out = join(dir, 'form2.xlsx');
    expect(await exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' })).toBe(2);
    const sheet = (await read(out)).getWorksheet('附件2')!;
    expect(sheet.getCell('A1').value).toBe('附件 2');
    expect(sheet.getCell('I1').value).toBe('截至 2026年11月25日');
    expect(sheet.getCell('A2').value).toBe('测试职业技术学院党员干部“三联系”汇总表');
    expect(sheet.getCell('A2').isMerged && sheet.getCell('K2').isMerged).toBe(true);
    expect([...Array(11).keys()].map((i) => sheet.getCell(3, i + 1).value)).toEqual([
      '序号',
      '干部教师',
      '学院',
      '联系班级',
      '班主任',
      '联系班级辅导员',
      '联系困难生寝室',
      '联系困难生',
      '联系方式',
      '班级其他寝室',
      '备注',
    ]);
    // Sorted by college (pinyin: 机电 before 经济), then cadre.
    expect(sheet.getRow(4).getCell(1).value).toBe(1);
    expect(sheet.getRow(4).getCell(2).value).toBe('李四');
    // One line per 困难生: 张三's two take rows 5 and 6, the cadre's columns filled on the first.
    const values = (r: number) => [...Array(11).keys()].map((i) => sheet.getCell(r, i + 1).value);
    expect(values(5)).toEqual([
      2,
      '张三',
      '经济管理学院',
      '会计1班',
      '班主任\n661234',
      '辅导员\n665678',
      '1号楼-101',
      '小明',
      '',
      '1号楼-102（未分配）',
      '',
    ]);
    // Her name again, in grey, on her next rows: a page that starts inside her rows says whose they are.
    expect(values(6)).toEqual(['', '张三', '', '', '', '', '1号楼-102', '=HYPERLINK("x")', '013800001111', '', '']);
    expect([sheet.getCell('B5').font.color, sheet.getCell('B6').font.color?.argb]).toEqual([undefined, 'FF808080']);
    expect(sheet.getCell('H6').type).toBe(ExcelJS.ValueType.String);
    // The cadre's columns are boxed around both rows; each 困难生's cells are boxed alone.
    expect([
      sheet.getCell('B5').border.top?.style,
      sheet.getCell('B5').border.bottom,
      sheet.getCell('B6').border.bottom?.style,
    ]).toEqual(['thin', undefined, 'thin']);
    expect(sheet.getCell('H5').border.bottom?.style).toBe('thin');
    // The tallest cell sets each row: 班主任 and phone; =HYPERLINK("x") as it wraps in its column.
    expect(sheet.getRow(5).height).toBe(heightFor(2));
    expect(sheet.getRow(6).height).toBe(heightFor(lineCount('=HYPERLINK("x")', sheet.getColumn(8).width!)));
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('shows a mixed dorm on both classes’ rows and in 附件1, naming the other class and its cadre, with the typed note', async () => {
    const d102 = data.dorms.find((d) => d.id === 'd_102')!;
    d102.classIds.push('cls_rj');
    d102.note = '男女分层\n空调坏';
    data.assignments.find((a) => a.cadreId === 'c_ls')!.dormIds.push('d_102');
    const idx = buildIndexes(data);
    const out = join(dir, 'mixed.xlsx');
    await exportForm2(data, idx, { out, asOf: '2026-11-25' });
    const sheet = (await read(out)).getWorksheet('附件2')!;
    expect([sheet.getCell('B4').value, sheet.getCell('J4').value, sheet.getCell('K4').value]).toEqual([
      '李四',
      '1号楼-102（混合）\n2号楼-201',
      '1号楼-102：混合寝室：与会计1班（张三）合住\n男女分层\n空调坏',
    ]);
    expect([sheet.getCell('B5').value, sheet.getCell('J5').value, sheet.getCell('K5').value]).toEqual([
      '张三',
      '1号楼-102（混合，李四联系）',
      '1号楼-102：混合寝室：与软件1班（李四）合住，由李四走访\n男女分层\n空调坏',
    ]);
    const f1 = join(dir, 'mixed1.xlsx');
    await exportForm1(data, idx, { out: f1, asOf: '2026-11-25' });
    const wb = await read(f1);
    // 张三's form lists the mixed dorm 李四 visits, in building and number order, after 1号楼-101.
    const zs = wb.getWorksheet('张三')!;
    expect([zs.getCell('C11').value, zs.getCell('C12').value, zs.getCell('F12').value]).toEqual([
      '101',
      '102',
      '混合寝室：与软件1班（李四）合住，由李四走访\n男女分层\n空调坏',
    ]);
    const ls = wb.getWorksheet('李四')!;
    expect([ls.getCell('B10').value, ls.getCell('C10').value, ls.getCell('F10').value]).toEqual([
      '1号楼',
      '102',
      '混合寝室：与会计1班（张三）合住\n男女分层\n空调坏',
    ]);
    expect(ls.getCell('C11').value).toBe('201');
  });

  it('says who a successor took over from, tells namesakes apart by 工号 and sorts dorms by building and number', async () => {
    data.dorms.push(
      { ...data.dorms[0]!, id: 'd_99', number: '99' },
      { ...data.dorms[0]!, id: 'd_1010', number: '1010' },
    );
    data.students[0]!.dormId = 'd_1010';
    data.cadres.find((c) => c.id === 'c_ww')!.name = '张三';
    const ctx = testContext('2026-11-25');
    reassign(data, { classId: 'cls_kj', toCadreId: 'c_ww', date: '2026-11-16', reason: '离职' }, ctx);
    const zsHad = data.assignments.find((a) => a.cadreId === 'c_zs')!;
    zsHad.dormIds = ['d_1010', 'd_101', 'd_99'];
    data.assignments.find((a) => a.cadreId === 'c_ww')!.dormIds = ['d_1010', 'd_101', 'd_99'];
    const idx = buildIndexes(data);
    const out = join(dir, 'succession.xlsx');
    await exportForm2(data, idx, { out, asOf: '2026-11-25' });
    const sheet = (await read(out)).getWorksheet('附件2')!;
    expect([sheet.getCell('B5').value, sheet.getCell('J5').value, sheet.getCell('K5').value]).toEqual([
      '张三（T003）',
      '1号楼-99\n1号楼-101\n1号楼-102（未分配）',
      '11-16 起接任 张三（T001）（离职）',
    ]);
    const f1 = join(dir, 'succession1.xlsx');
    await exportForm1(data, idx, { out: f1, asOf: '2026-11-25', cadreId: 'c_ww' });
    const s = (await read(f1)).getWorksheet('张三')!;
    expect(s.getCell('B4').value).toBe('张三（T003）');
    expect([11, 12, 13].map((r) => s.getCell(r, 3).value)).toEqual(['99', '101', '1010']);
    expect(s.getCell('A14').value).toBe('11-16 起接任 张三（T001）（离职）');
    expect(s.getCell('A15').value).toBe('注：本表共一式二份，学工部（处）、联系干部各一份。');
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'keep');
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' })).rejects.toThrow(
      /已存在：如需覆盖请加 --force/,
    );
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25', force: true })).resolves.toBe(2);
    writeFileSync(join(dir, '~$exists.xlsx'), 'owner');
    await expect(exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25', force: true })).rejects.toThrow(
      /正在 Excel\/WPS 中打开/,
    );
  });
});

describe('附件1 登记表', () => {
  it('reproduces the grid of the document for every 在岗 cadre, assigned or not, one sheet named after the cadre', async () => {
    const out = join(dir, 'form1.xlsx');
    const result = await exportForm1(data, buildIndexes(data), { out, asOf: '2026-11-25' });
    expect(result.sheets).toBe(3);
    expect(result.unassigned.map((c) => c.name)).toEqual(['王五']);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['李四', '王五', '张三']);
    const s = wb.getWorksheet('张三')!;
    const v = (addr: string) => s.getCell(addr).value;
    expect([v('A1'), v('D1')]).toEqual(['附件 1', '填表日期：2026年11月25日']);
    expect(v('A2')).toBe('党员干部“三联系”登记表');
    expect([v('A3'), v('B3'), v('D3'), v('E3')]).toEqual(['学院', '经济管理学院', '班级', '会计1班']);
    expect(s.getCell('C3').isMerged).toBe(true);
    expect([v('A4'), v('B4'), v('C4'), v('D4'), v('E4'), v('F4')]).toEqual([
      '干部姓名',
      '张三',
      '手机短号',
      '660001',
      '政治面貌',
      '中共党员',
    ]);
    expect([v('A5'), v('C5'), v('E5'), v('F5')]).toEqual(['所在部门', '办公电话', '职务', '科长']);
    expect([v('A6'), v('B6'), v('D6'), v('E6')]).toEqual(['联系班级\n班主任', '班主任', '手机短号', '661234']);
    expect([v('A7'), v('B7'), v('D7'), v('E7')]).toEqual(['辅导员', '辅导员', '手机短号', '665678']);
    expect([v('A8'), v('B8'), v('C8'), v('D8'), v('E8'), v('F8')]).toEqual([
      '困难学生',
      '小明',
      '联系方式',
      '',
      '困难学生类别',
      '经济困难',
    ]);
    expect([v('B9'), v('D9'), v('F9')]).toEqual(['=HYPERLINK("x")', '013800001111', '学业困难、心理困惑']);
    // The document's label is one word: no break inside 混合.
    expect([v('A10'), v('B10'), v('C10'), v('D10'), v('E10'), v('F10')]).toEqual([
      '联系班级\n寝室情况',
      '寝室楼',
      '寝室号',
      '寝室长',
      '寝室人数',
      '备注（混合寝室）',
    ]);
    expect([v('B11'), v('C11'), v('D11'), v('E11')]).toEqual(['1号楼', '101', '寝室长', 4]);
    expect(s.getCell('A11').isMerged).toBe(true);
    expect(v('A12')).toBe('注：本表共一式二份，学工部（处）、联系干部各一份。');
    expect(s.getCell('F11').border.right?.style).toBe('thin');
    // One page (the form fits at a legible size), the title repeated if not, the cadre named and the page numbered.
    expect(s.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 1,
      printTitlesRow: '1:2',
    });
    expect(s.headerFooter).toMatchObject({ oddHeader: '&L干部：张三&R经济管理学院', oddFooter: '&C第 &P 页 共 &N 页' });
    // Rows hold their two-line label and value; 困难学生类别 takes one line.
    for (const r of [6, 9]) expect(s.getRow(r).height).toBe(heightFor(2));
    for (const r of [7, 8]) expect(s.getRow(r).height).toBe(heightFor(1));
    // An unassigned cadre: own fields, empty class part.
    const w = wb.getWorksheet('王五')!;
    expect([
      w.getCell('B3').value,
      w.getCell('E3').value,
      w.getCell('B4').value,
      w.getCell('B6').value,
      w.getCell('B8').value,
      w.getCell('B10').value,
      w.getCell('A11').value,
    ]).toEqual(['经济管理学院', '', '王五', '', '', '', '注：本表共一式二份，学工部（处）、联系干部各一份。']);
  });

  it('gives a long mixed-dorm note the lines it wraps to', async () => {
    const note = '混合寝室（会计241班、会计252班、物流管理253班）';
    data.dorms.find((d) => d.id === 'd_101')!.note = note;
    const out = join(dir, 'note.xlsx');
    await exportForm1(data, buildIndexes(data), { out, asOf: '2026-11-25', cadreId: 'c_zs' });
    const s = (await read(out)).getWorksheet('张三')!;
    expect(s.getCell('F11').value).toBe(note);
    expect(lineCount(note, s.getColumn(6).width!)).toBeGreaterThan(1);
    expect(s.getRow(11).height).toBe(heightFor(lineCount(note, s.getColumn(6).width!)));
  });

  it('--cadre of an unassigned cadre exports the form and says the class part is empty; of a 离职 cadre refuses', async () => {
    const idx = buildIndexes(data);
    const result = await exportForm1(data, idx, { out: join(dir, 'ww.xlsx'), asOf: '2026-11-25', cadreId: 'c_ww' });
    expect(result).toMatchObject({ sheets: 1, unassigned: [{ name: '王五' }] });
    data.cadres.find((c) => c.id === 'c_ww')!.status = '离职';
    await expect(
      exportForm1(data, buildIndexes(data), { out: join(dir, 'left.xlsx'), asOf: '2026-11-25', cadreId: 'c_ww' }),
    ).rejects.toThrow(
      '王五（T003） 的状态为“离职”，2026-11-25 没有联系分配：不填写登记表，未导出（如已返岗，请先把状态改为在岗）',
    );
    // Without --cadre a 离职 cadre without an assignment is not among the forms.
    expect(
      (await exportForm1(data, buildIndexes(data), { out: join(dir, 'all.xlsx'), asOf: '2026-11-25' })).sheets,
    ).toBe(2);
  });

  it('names a sheet Excel accepts for every cadre name', async () => {
    const cadre = (id: string, name: string, employeeNo: string | null): Cadre => ({
      ...data.cadres[2]!,
      id,
      name,
      employeeNo,
    });
    const long = `${'长'.repeat(27)}😀😀😀`; // 27 + 2×3 UTF-16 units: a cut at 28 or 31 would split a pair
    data.cadres.push(
      cadre('c_a', 'Zhang San', 'A1'),
      cadre('c_b', 'ZHANG SAN', 'A2'),
      cadre('c_c', "'O'Neil'", null),
      cadre('c_d', 'History', null),
      cadre('c_e', long, null),
      cadre('c_f', long, 'F1'),
      cadre('c_g', 'a/b:c?*[d]', null),
      cadre('c_h', '王五', null),
    );
    const out = join(dir, 'names.xlsx');
    expect((await exportForm1(data, buildIndexes(data), { out, asOf: '2026-11-25' })).sheets).toBe(11);
    const names = (await read(out)).worksheets.map((w) => w.name);
    expect(names).toHaveLength(11);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(11);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/^'|'$|[:\\/?*[\]]|\uFFFD/);
      expect(n.toLowerCase()).not.toBe('history');
      expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half of a surrogate pair
    }
    expect(names).toContain('王五（T003）');
    expect(names).toContain("O'Neil");
  });
});
