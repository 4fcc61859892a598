// Roster import: a workbook filled as SPEC describes, imported, then asked who is overdue.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import { emptyDatastore } from '../../source/domain/schema.js';
import { ImportError, importRoster } from '../../source/io/roster-import.js';
import { writeRosterTemplate } from '../../source/io/roster-template.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { testContext } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-import-'));

const ROSTER = {
  干部: [
    ['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', 661234, '0579-85551234', '科职以上干部'],
    ['', '李四', '经济管理学院', '经管学院', '教师', '中共党员', '662222', '', '普通党员'],
  ],
  班级: [['经济管理学院', '会计241班', 2024, new Date(Date.UTC(2027, 5, 30)), '王老师', 663333, '赵老师', '664444']],
  寝室: [
    ['7号楼', '301', '会计241班', '钱同学', 6, ''],
    ['7号楼', 302, '会计241班', '孙同学', 4, ''],
  ],
  困难生: [['2024010001', '周同学', '会计241班', '7号楼', '301', '经济困难、心理困惑', '013800000000']],
  联系分配: [['张三', 'T001', '会计241班', '2024010001', '2026/9/1', '', '']],
  联系记录: [['张三', 'T001', '寝室', '7号楼-302', '2026.9.15', '寝室走访', '检查卫生']],
  学期: [['2026-2027学年第一学期', '2026-09-01', '2027-01-20']],
  规则: [['', 1, 1, '任一', 1, 7]],
};

describe('roster import', () => {
  it('imports every sheet, reads dates and numbers as SPEC says, and feeds the overdue report', async () => {
    const file = join(dir, 'roster.xlsx');
    await fillRoster(file, ROSTER);
    const data = emptyDatastore('测试学院');
    const summary = await importRoster(data, file, testContext('2026-11-25'));
    expect(summary.sheets['干部']).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(data.cadres.map((c) => [c.name, c.employeeNo, c.shortPhone])).toEqual([
      ['张三', 'T001', '661234'],
      ['李四', null, '662222'],
    ]);
    expect(data.classes[0]).toMatchObject({
      name: '会计241班',
      enrollYear: 2024,
      graduationDate: '2027-06-30',
      headTeacherPhone: '663333',
    });
    expect(data.students[0]).toMatchObject({
      studentNo: '2024010001',
      categories: ['经济困难', '心理困惑'],
      contact: '013800000000',
    });
    expect(data.assignments[0]).toMatchObject({ start: '2026-09-01', end: null });
    expect(data.assignments[0]!.dormIds).toHaveLength(2);
    expect(data.contacts[0]).toMatchObject({ date: '2026-09-15', form: '寝室走访', duty: 'dorm' });
    const rows = overdueReport(data, buildIndexes(data), '2026-10-05').rows;
    expect(rows.map((r) => `${r.status} ${r.duty} ${r.target} ${r.windowStart}`)).toEqual([
      'overdue student 2024010001 周同学 2026-09-01',
      'due class 会计241班 2026-09-01',
      'due dorm 7号楼-301、7号楼-302 2026-10-01',
      'due student 2024010001 周同学 2026-10-01',
    ]);

    // The same roster again updates in place: nothing is duplicated, and nothing counts as updated.
    const again = await importRoster(data, file, testContext('2026-11-25'));
    expect(again.sheets['干部']).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect([
      data.cadres.length,
      data.classes.length,
      data.dorms.length,
      data.students.length,
      data.assignments.length,
      data.contacts.length,
    ]).toEqual([2, 1, 2, 1, 1, 1]);
  });

  it('rejects the whole file, listing every bad row, and leaves the data untouched', async () => {
    const file = join(dir, 'bad.xlsx');
    await fillRoster(file, {
      ...ROSTER,
      干部: [...ROSTER.干部, ['T009', '王五', '经济管理学院', '', '', '', '', '', '临时工']],
      班级: [...ROSTER.班级, ['经济管理学院', '会计241班', 2024, '', '', '', '', '']],
      困难生: [['2024010001', '周同学', '会计999班', '', '', '贫困', '']],
      联系记录: [['张三', 'T001', '寝室', '7号楼-302', '2026-13-01', '', '']],
    });
    const data = emptyDatastore('测试学院');
    const before = structuredClone(data);
    const error = (await importRoster(data, file, testContext('2026-11-25')).then(
      () => ({ message: '', lines: [] }),
      (e: unknown) => e,
    )) as { message: string; lines: string[] };
    expect(error.message.split('\n')[0]).toMatch(/^导入失败：共 \d+ 处错误，数据未改动$/);
    expect(error.lines).toEqual(
      expect.arrayContaining([
        '干部, 第5行, 类别: 应为 科职以上干部 或 普通党员',
        '班级, 第4行, 班级: 与第3行重复（会计241班）',
        '困难生, 第3行, 班级: 找不到班级“会计999班”（请先在“班级”表中列出）',
        expect.stringMatching(/^困难生, 第3行, 类别: 应为 学业困难、经济困难、心理困惑/),
        '联系记录, 第3行, 日期: “2026-13-01”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）',
      ]),
    );
    expect(data).toEqual(before);
  });

  it('the template imports as empty, and a workbook without any roster sheet is refused', async () => {
    const tpl = join(dir, 'empty.xlsx');
    await writeRosterTemplate(tpl);
    const data = emptyDatastore('测试学院');
    expect(await importRoster(data, tpl, testContext())).toEqual({ sheets: {}, absent: [] });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(join(dir, 'other.xlsx'));
    await expect(importRoster(data, join(dir, 'other.xlsx'), testContext())).rejects.toThrow(/没有花名册的工作表/);
  });
});

describe('roster import details', () => {
  it('reads terms, default and college rules, mixed dorms, several categories, Excel date cells and numeric 学号', async () => {
    const file = join(dir, 'details.xlsx');
    await fillRoster(file, {
      ...ROSTER,
      班级: [...ROSTER.班级, ['机电信息学院', '软件241班', 2024, '2027/6/30', '', '', '', '']],
      寝室: [...ROSTER.寝室, ['8号楼', '101', '会计241班, 软件241班', '', '', '混合寝室']],
      困难生: [...ROSTER.困难生, [2024020002, '吴同学', '软件241班', '8号楼', '101', '学业困难,经济困难', 13900000000]],
      联系分配: [
        ['张三', 'T001', '会计241班', '2024010001', new Date(Date.UTC(2026, 8, 1)), '', ''],
        ['李四', '', '软件241班', '2024020002', '2026.9.1', '2026-10-31', '调整'],
      ],
      联系记录: [['张三', 'T001', '班级', '会计241班', new Date(Date.UTC(2026, 9, 8)), '', '']],
      学期: [
        ['2026-2027学年第一学期', '2026-09-01', '2027-01-20'],
        ['2026-2027学年第二学期', '2027/2/24', '2027.7.2'],
      ],
      规则: [
        ['', 2, 1, '任一', 1, 7],
        ['机电信息学院', '', 2, '每个', '', ''],
      ],
    });
    const data = emptyDatastore('测试学院');
    const summary = await importRoster(data, file, testContext('2026-11-25'));
    expect(summary.sheets['学期']).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(data.settings.terms).toEqual([
      { name: '2026-2027学年第一学期', start: '2026-09-01', end: '2027-01-20' },
      { name: '2026-2027学年第二学期', start: '2027-02-24', end: '2027-07-02' },
    ]);
    expect(data.settings.rules.defaults).toEqual({
      classPerTerm: 2,
      dormPerMonth: 1,
      dormScope: 'any',
      studentPerMonth: 1,
      minWindowDays: 7,
    });
    const jd = data.colleges.find((c) => c.name === '机电信息学院')!;
    expect(data.settings.rules.colleges[jd.id]).toEqual({ dormPerMonth: 2, dormScope: 'each' });
    const mixed = data.dorms.find((d) => d.building === '8号楼')!;
    expect(mixed.classIds).toHaveLength(2);
    const wu = data.students.find((s) => s.name === '吴同学')!;
    expect(wu).toMatchObject({
      studentNo: '2024020002',
      categories: ['学业困难', '经济困难'],
      contact: '13900000000',
      dormId: mixed.id,
    });
    expect(data.classes[1]!.graduationDate).toBe('2027-06-30');
    expect(data.assignments.map((a) => [a.start, a.end, a.endReason])).toEqual([
      ['2026-09-01', null, null],
      ['2026-09-01', '2026-10-31', '调整'],
    ]);
    expect(data.contacts).toMatchObject([
      { date: '2026-10-08', form: '座谈会', duty: 'class', enteredBy: 'test', enteredAt: '2026-11-25T10:00:00+08:00' },
    ]);

    const before = structuredClone(data);
    const again = await importRoster(data, file, testContext('2026-11-25'));
    expect(again.sheets['学期']).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(data).toEqual(before);
  });

  it('names assignment conflicts, unknown cadres and bad rules by sheet, row and column', async () => {
    const file = join(dir, 'bad2.xlsx');
    await fillRoster(file, {
      ...ROSTER,
      联系分配: [...ROSTER.联系分配, ['赵六', '', '会计241班', '', '2026-09-01', '', '']],
      联系记录: [['张三', 'T001', '寝室', '7号楼-302', '2026-12-01', '寝室走访', '']],
      规则: [['', 1, 1, '全部', 1, 0]],
      学期: [['学期', '2027-01-20', '2026-09-01']],
    });
    const data = emptyDatastore('测试学院');
    const before = structuredClone(data);
    const error = await importRoster(data, file, testContext('2026-11-25')).catch((e: unknown) => e as ImportError);
    expect(error).toBeInstanceOf(ImportError);
    const lines = (error as ImportError).lines;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^联系分配, 第4行, 干部姓名: 找不到干部“赵六”/),
        expect.stringMatching(/^联系记录, 第3行, 日期: 联系日期 2026-12-01 晚于今天/),
        '规则, 第3行, 寝室范围: 应为 任一 或 每个',
        expect.stringMatching(/^规则, 第3行, 最短窗口天数: /),
        '学期, 第3行, 结束日期: 早于开始日期',
      ]),
    );
    for (const line of lines) expect(line).toMatch(/^[^,]+, (第\d+行|-), [^:]+: .+/);
    expect(data).toEqual(before);
  });

  it('names missing headers and refuses a missing file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('干部').addRow(['工号', '干部姓名']);
    wb.addWorksheet('班级').addRow(['学院', '班级']);
    wb.addWorksheet('寝室').addRow(['寝室楼', '寝室号', '班级']);
    wb.addWorksheet('困难生').addRow(['学号', '姓名', '班级', '类别']);
    const file = join(dir, 'headers.xlsx');
    await wb.xlsx.writeFile(file);
    await expect(importRoster(emptyDatastore('x'), file, testContext())).rejects.toThrow(
      '干部, 第1行, 类别: 缺少表头“类别”',
    );
    await expect(importRoster(emptyDatastore('x'), join(dir, 'nope.xlsx'), testContext())).rejects.toThrow(
      /找不到文件/,
    );
  });

  it('the template has bold headers, grey examples and drop-down lists', async () => {
    const tpl = join(dir, 'tpl-check.xlsx');
    await writeRosterTemplate(tpl);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    const cadres = wb.getWorksheet('干部')!;
    expect(cadres.getCell('A1').font?.bold).toBe(true);
    expect(cadres.getCell('B2').font?.color?.argb).toBe('FF808080');
    expect(cadres.getCell('I3').dataValidation?.formulae).toEqual(['"科职以上干部,普通党员"']);
    expect(wb.getWorksheet('规则')!.getCell('D2').dataValidation?.formulae).toEqual(['"任一,每个"']);
  });
});

describe('round trip', () => {
  it('template → filled roster → import → export form2: every row matches the roster assignments', async () => {
    const { exportForm2 } = await import('../../source/io/exports.js');
    const file = join(dir, 'trip.xlsx');
    await fillRoster(file, {
      ...ROSTER,
      干部: [...ROSTER.干部, ['T003', '王五', '机电信息学院', '', '', '中共党员', '', '', '普通党员']],
      班级: [...ROSTER.班级, ['机电信息学院', '软件241班', 2024, '2027-06-30', '吴老师', '665555', '郑老师', '666666']],
      寝室: [...ROSTER.寝室, ['8号楼', '101', '软件241班', '冯同学', 4, '']],
      联系分配: [...ROSTER.联系分配, ['王五', 'T003', '软件241班', '', '2026-09-01', '', '']],
    });
    const data = emptyDatastore('测试学院');
    await importRoster(data, file, testContext('2026-11-25'));
    const out = join(dir, 'trip-form2.xlsx');
    await exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('附件2')!;
    const rows = [4, 5].map((r) => [2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => sheet.getCell(r, c).value));
    expect(rows).toEqual([
      ['王五', '机电信息学院', '软件241班', '吴老师\n665555', '郑老师\n666666', '', '', '', '8号楼-101'],
      [
        '张三',
        '经济管理学院',
        '会计241班',
        '王老师\n663333',
        '赵老师\n664444',
        '7号楼-301',
        '周同学',
        '013800000000',
        '7号楼-302',
      ],
    ]);
    expect(sheet.getCell(6, 2).value).toBeNull();
  });
});
