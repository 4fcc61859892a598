// Hostile roster cells: megabyte strings, impossible dates, duplicate keys, terminal escapes,
// formulas. Each bad cell is named as `sheet, 第N行, column: reason` and the datastore stays untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { safeText } from '../../source/domain/safe-text.js';
import { datastoreSchema, emptyDatastore, type Datastore } from '../../source/domain/schema.js';
import { exportForm2 } from '../../source/io/exports.js';
import { ImportError, importRoster } from '../../source/io/roster-import.js';
import { testContext } from '../helpers/fixtures.js';
import { writeRoster } from '../helpers/hostile-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-hostile-cells-'));
let n = 0;

/** A template filled below its grey example row (row 3 onwards), as a secretary does (or an attacker). */
async function roster(rows: Record<string, unknown[][]>): Promise<string> {
  const file = join(dir, `r${(n += 1)}.xlsx`);
  await writeRoster(file, rows);
  return file;
}

const BASE = {
  干部: [['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', '661234', '', '科职以上干部']],
  班级: [['经济管理学院', '会计241班', 2024, '2027-06-30', '王老师', '663333', '赵老师', '664444']],
  寝室: [['7号楼', '301', '会计241班', '钱同学', 6, '']],
  困难生: [['2024010001', '周同学', '会计241班', '7号楼', '301', '经济困难', '']],
};

/** The error lines of a refused import; the datastore must be exactly as before. */
async function refused(file: string, data: Datastore = emptyDatastore('测试学院')): Promise<string[]> {
  const before = structuredClone(data);
  const error = await importRoster(data, file, testContext('2026-11-25')).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(data).toEqual(before);
  const lines = (error as ImportError).lines;
  for (const line of lines) {
    expect(line).toMatch(/^[^,]+, (第\d+行|-), [^:]+: .+/);
    expect(line.length).toBeLessThan(300);
    expect(safeText(line)).toBe(line);
  }
  return lines;
}

async function imported(file: string): Promise<Datastore> {
  const data = emptyDatastore('测试学院');
  await importRoster(data, file, testContext('2026-11-25'));
  expect(datastoreSchema.safeParse(data).success).toBe(true);
  return data;
}

describe('hostile cells', () => {
  it('refuses very long text with the limit of the field', async () => {
    // Varied text: a megabyte of one repeated character compresses past the zip-bomb ratio and is refused as such.
    let seed = 7;
    const mb = Array.from({ length: 1024 * 1024 }, () =>
      String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000)),
    ).join('');
    const lines = await refused(
      await roster({
        ...BASE,
        干部: [
          ['T001', mb, '经济管理学院', '', '', '', '', '', '科职以上干部'],
          ['T'.repeat(51), '李四', '', '', '', '', '6'.repeat(51), '', '普通党员'],
        ],
        寝室: [['7号楼', '301', '会计241班', '', 6, 'x'.repeat(2001)]],
        联系记录: [['张三', 'T001', '班级', '会计241班', '2026-10-08', '', 'y'.repeat(5000)]],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '干部, 第3行, 干部姓名: 过长（最多 100 个字符）',
        '干部, 第4行, 工号: 过长（最多 50 个字符）',
        '干部, 第4行, 手机短号: 过长（最多 50 个字符）',
        '寝室, 第3行, 备注: 过长（最多 2000 个字符）',
        '联系记录, 第3行, 备注: 过长（最多 2000 个字符）',
      ]),
    );
    // One reason per cell: a refused cell is not also “不能为空”.
    expect(lines.filter((l) => l.startsWith('干部, 第3行, 干部姓名:'))).toHaveLength(1);
  });

  it('refuses impossible dates: 2026-02-30, a 13th month, 2027-02-29', async () => {
    const lines = await refused(
      await roster({
        ...BASE,
        学期: [
          ['第一学期', '2026-02-30', '2027-01-20'],
          ['第二学期', '2027-02-29', '2026.13.1'],
        ],
        联系分配: [['张三', 'T001', '会计241班', '', '2026/2/30', '', '']],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '学期, 第3行, 开始日期: “2026-02-30”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）',
        '学期, 第4行, 开始日期: “2027-02-29”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）',
        '学期, 第4行, 结束日期: “2026.13.1”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）',
        '联系分配, 第3行, 开始日期: “2026/2/30”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）',
      ]),
    );
  });

  it('says “应为数字” for text in a number column (found by fuzzing: zod said “实际接收 NaN”)', async () => {
    const lines = await refused(
      await roster({
        ...BASE,
        班级: [['经济管理学院', '会计241班', '二〇二四', '', '', '', '', '']],
        寝室: [['7号楼', '301', '会计241班', '', '六', '']],
        规则: [['', '一次', 1, '任一', '1e400', 7]],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '班级, 第3行, 入学年份: 应为数字',
        '寝室, 第3行, 寝室人数: 应为数字',
        '规则, 第3行, 班级每学期次数: 应为数字',
      ]),
    );
    for (const line of lines) expect(line).not.toMatch(/NaN|Infinity/);
  });

  it('refuses duplicate keys inside one file, naming both rows', async () => {
    const lines = await refused(
      await roster({
        干部: [
          ...BASE.干部,
          ['T001', '张三丰', '经济管理学院', '', '', '', '', '', '普通党员'],
          ['', '李四', '', '', '', '', '', '', '普通党员'],
          ['', '李四', '', '', '', '', '', '', '普通党员'],
        ],
        班级: BASE.班级,
        // 301 typed as a number in one row and as text in the other is still the same dorm.
        寝室: [
          ...BASE.寝室,
          ['7号楼', 301, '会计241班', '', '', ''],
          ['1-2', '3', '会计241班', '', '', ''],
          ['1', '2-3', '会计241班', '', '', ''],
        ],
        困难生: [...BASE.困难生, [2024010001, '吴同学', '会计241班', '', '', '学业困难', '']],
        学期: [
          ['第一学期', '2026-09-01', '2027-01-20'],
          ['第一学期', '2026-09-02', '2027-01-20'],
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '干部, 第4行, 工号: 与第3行重复（T001）',
        '干部, 第6行, 干部姓名: 与第5行重复（李四，全校统筹）',
        '寝室, 第4行, 寝室号: 与第3行重复（7号楼-301）',
        '寝室, 第6行, 寝室号: 与第5行重复（1-2-3）',
        '困难生, 第4行, 学号: 与第3行重复（2024010001）',
        '学期, 第4行, 学期名称: 与第3行重复（第一学期）',
      ]),
    );
  });

  it('refuses terminal escapes and control characters in names; keeps line breaks in notes', async () => {
    const lines = await refused(
      await roster({
        ...BASE,
        干部: [
          ['T001', '\u001b[31m张三\u001b[0m', '经济管理学院', '', '', '', '', '', '科职以上干部'],
          ['T002', '\u001b]0;pwned\u0007李四', '', '', '', '', '', '', '普通党员'],
          ['T003', '王\r五', '', '', '', '', '', '', '普通党员'],
          ['T004', '赵\u0000六', '', '', '', '', '', '', '普通党员'],
          ['T005', '孙\u009b31m七', '', '', '', '', '', '', '普通党员'],
          ['T006', '周\u007f八', '', '', '', '', '', '', '普通党员'],
          ['T007', '吴\u202e九', '', '', '', '', '', '', '普通党员'],
        ],
      }),
    );
    const cadreLines = lines.filter((l) => l.startsWith('干部, '));
    expect(cadreLines).toEqual([
      '干部, 第3行, 干部姓名: 含有控制字符 U+001B：请删除不可见字符后再导入',
      '干部, 第4行, 干部姓名: 含有控制字符 U+001B：请删除不可见字符后再导入',
      '干部, 第5行, 干部姓名: 含有换行：请删除不可见字符后再导入',
      '干部, 第6行, 干部姓名: 含有控制字符 U+0000：请删除不可见字符后再导入',
      '干部, 第7行, 干部姓名: 含有控制字符 U+009B：请删除不可见字符后再导入',
      '干部, 第8行, 干部姓名: 含有控制字符 U+007F：请删除不可见字符后再导入',
      '干部, 第9行, 干部姓名: 含有控制字符 U+202E：请删除不可见字符后再导入',
    ]);

    const data = await imported(
      await roster({ ...BASE, 寝室: [['7号楼', '301', '会计241班', '', 6, '混合寝室\r\n外语系两人\t（临时）']] }),
    );
    expect(data.dorms[0]!.note).toBe('混合寝室\n外语系两人\t（临时）');
  });

  it('takes a formula cell’s cached result as text, and refuses formulas without one or with an error', async () => {
    const data = await imported(
      await roster({
        ...BASE,
        干部: [
          [
            { formula: 'TEXT(1,"T000")', result: 'T001' },
            { formula: 'A1', result: '张三' },
            '经济管理学院',
            '',
            '',
            '',
            { formula: '661000+234', result: 661234 },
            '',
            '科职以上干部',
          ],
        ],
        学期: [
          [
            '第一学期',
            { formula: 'DATE(2026,9,1)', result: new Date(Date.UTC(2026, 8, 1)) },
            { formula: 'DATE(2027,1,20)', result: 46407 },
          ],
        ],
      }),
    );
    expect(data.cadres[0]).toMatchObject({ employeeNo: 'T001', name: '张三', shortPhone: '661234' });
    expect(data.settings.terms).toEqual([{ name: '第一学期', start: '2026-09-01', end: '2027-01-20' }]);

    const lines = await refused(
      await roster({
        ...BASE,
        干部: [
          ['T001', { formula: 'B9' }, '', '', '', '', '', '', '普通党员'],
          ['T002', { formula: 'VLOOKUP(1,A:A,2)', result: { error: '#N/A' } }, '', '', '', '', '', '', '普通党员'],
          ['T003', { error: '#REF!' }, '', '', '', '', '', '', '普通党员'],
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '干部, 第3行, 干部姓名: 是没有计算结果的公式：请在 Excel 中打开并保存，或把公式“粘贴为数值”后再导入',
        '干部, 第4行, 干部姓名: 公式结果是错误值 #N/A：请改正公式或粘贴为数值后再导入',
        '干部, 第5行, 干部姓名: 是错误值 #REF!：请改正后再导入',
      ]),
    );
  });

  it('stores text that looks like a formula as text, and exports it as text, never as a formula', async () => {
    const evil = '=HYPERLINK("http://evil.example","点我")';
    const data = await imported(
      await roster({
        ...BASE,
        干部: [['T001', evil, '经济管理学院', '', '', '', '+86 661234', '', '科职以上干部']],
        班级: [['经济管理学院', '会计241班', 2024, '', '@SUM(1)', '', '-1+1', '']],
        联系分配: [['', 'T001', '会计241班', '', '2026-09-01', '', '']],
      }),
    );
    expect(data.cadres[0]).toMatchObject({ name: evil, shortPhone: '+86 661234' });
    expect(data.classes[0]).toMatchObject({ headTeacher: '@SUM(1)', counselor: '-1+1' });
    const out = join(dir, 'form2.xlsx');
    await exportForm2(data, buildIndexes(data), { out, asOf: '2026-11-25' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('附件2')!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.some((c) => c.value === evil && c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });
});

describe('safeText', () => {
  it('neutralises C0, DEL, C1 and lone surrogates, keeps pairs, CJK and emoji', () => {
    expect(safeText('\u001b[31m红\u001b]0;t\u0007\r\n\u0000\u007f\u0080\u009b\u009f')).toBe(
      '\ufffd[31m红\ufffd]0;t\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd',
    );
    expect(safeText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(safeText('张三😀\u00a0')).toBe('张三😀\u00a0');
    // Bidirectional overrides would show 张三\u202e备注 with 备注 reversed and everything after it on the line.
    expect(safeText('张三\u202e注备\u202c \u2066x\u2069\u200f')).toBe('张三\ufffd注备\ufffd \ufffdx\ufffd\ufffd');
  });
});
