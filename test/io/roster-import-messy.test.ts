// A messy roster as secretaries really type it: padded names, rows typed over the grey example,
// the same file imported twice, a class name with half-width parentheses in one sheet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { findCadre } from '../../source/domain/lookup.js';
import { saveCadre, saveStudent } from '../../source/domain/roster-edit.js';
import { emptyDatastore } from '../../source/domain/schema.js';
import { filterByQuery, loadPinyin, searchKeys } from '../../source/domain/search.js';
import { describeImport, ImportError, importRoster } from '../../source/io/roster-import.js';
import { writeRosterTemplate } from '../../source/io/roster-template.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { smallSchool, testContext } from '../helpers/fixtures.js';

// The terminal UI loads pinyin-pro when a list first searches (ui/hooks/use-pinyin.ts).
await loadPinyin();

const dir = mkdtempSync(join(tmpdir(), 'slx-messy-'));

const ROSTER = {
  干部: [
    ['T001', '赵　磊', '经济管理学院', '教务处', '科长', '中共党员', '661234', '', '科职以上干部'],
    ['', ' 钱 多多 ', '经济管理学院', '', '', '中共党员', '', '', '普通党员'],
  ],
  班级: [['经济管理学院', '国贸241（1）班', 2024, '2027-06-30', '', '', '', '']],
  寝室: [['7号楼', '301', '国贸241（1）班', '', 6, '']],
  困难生: [['2024010001', '周　同学', '国贸241（1）班', '7号楼', '301', '经济困难', '']],
};

async function importError(data: ReturnType<typeof emptyDatastore>, file: string): Promise<ImportError> {
  const error = await importRoster(data, file, testContext('2026-11-25')).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('a messy roster', () => {
  it('names padded with full-width or inner spaces are stored normalised and found by name, 拼音首字母 and 工号', async () => {
    const file = await fillRoster(join(dir, 'names.xlsx'), ROSTER);
    const data = emptyDatastore('测试学院');
    await importRoster(data, file, testContext('2026-11-25'));
    expect(data.cadres.map((c) => c.name)).toEqual(['赵磊', '钱多多']);
    expect(data.students[0]!.name).toBe('周同学');
    const idx = buildIndexes(data);
    expect(findCadre(idx, '赵磊').employeeNo).toBe('T001');
    expect(findCadre(idx, '赵　磊').employeeNo).toBe('T001');
    const keys = searchKeys(data.cadres, (c) => ({ names: [c.name] }));
    expect(filterByQuery(data.cadres, keys, 'zl').map((c) => c.name)).toEqual(['赵磊']);
    expect(filterByQuery(data.cadres, keys, '赵磊').map((c) => c.name)).toEqual(['赵磊']);
  });

  it('a datastore written before normalisation (赵　磊 stored as typed) is still found by 赵磊 and zl', () => {
    const data = emptyDatastore('测试学院');
    data.cadres.push({
      id: 'c1',
      employeeNo: null,
      name: '赵　磊',
      collegeId: null,
      department: '',
      title: '',
      politicalStatus: '',
      shortPhone: '',
      officePhone: '',
      category: '普通党员',
      status: '在岗',
    });
    expect(findCadre(buildIndexes(data), '赵磊').id).toBe('c1');
    expect(
      filterByQuery(
        data.cadres,
        searchKeys(data.cadres, (c) => ({ names: [c.name] })),
        'zl',
      ),
    ).toHaveLength(1);
  });

  it('the 干部 and 困难生 forms save names normalised too', () => {
    const data = smallSchool();
    const input = { ...data.cadres[0]!, employeeNo: 'T100', name: '　李 明（大）' };
    expect(saveCadre(data, null, input, testContext()).name).toBe('李明(大)');
    const student = saveStudent(
      data,
      null,
      { studentNo: '2025009', name: '王　小二', className: '会计1班', dorm: '', categories: ['学业困难'], contact: '' },
      testContext(),
    );
    expect(student.name).toBe('王小二');
  });

  it('a row typed over the grey example row is imported; the untouched example row is not', async () => {
    const tpl = join(dir, 'grey-tpl.xlsx');
    await writeRosterTemplate(tpl);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    const typed = (sheet: string, values: string[]) =>
      values.forEach(
        (v, i) =>
          (wb
            .getWorksheet(sheet)!
            .getRow(2)
            .getCell(i + 1).value = v),
      );
    typed('干部', ['T101', '孙丽', '经济管理学院', '学工处', '科员', '中共党员', '', '', '普通党员']);
    typed('班级', ['经济管理学院', '会计242班', '2024', '2027-06-30', '李老师', '662345', '王老师', '663456']);
    // 寝室 and 困难生 keep the template's example rows, untouched.
    await wb.xlsx.writeFile(join(dir, 'grey.xlsx'));
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(join(dir, 'grey.xlsx'));
    expect(check.getWorksheet('干部')!.getCell('B2').font?.color?.argb).toBe('FF808080');

    const data = emptyDatastore('测试学院');
    const summary = await importRoster(data, join(dir, 'grey.xlsx'), testContext('2026-11-25'));
    expect(data.cadres.map((c) => c.name)).toEqual(['孙丽']);
    expect(data.classes.map((c) => c.name)).toEqual(['会计242班']);
    expect(summary.sheets['寝室']).toBeUndefined();
    expect(summary.sheets['困难生']).toBeUndefined();
  });

  it('re-importing an unchanged roster reports 更新 0; a changed field is one 更新', async () => {
    const file = await fillRoster(join(dir, 'twice.xlsx'), {
      ...ROSTER,
      联系分配: [['赵磊', 'T001', '国贸241（1）班', '2024010001', '2026-09-01', '', '']],
      联系记录: [['赵磊', 'T001', '寝室', '7号楼-301', '2026-09-15', '寝室走访', '']],
      学期: [['2026-2027学年第一学期', '2026-09-01', '2027-01-20']],
      规则: [
        ['', 1, 1, '任一', 1, 7],
        ['经济管理学院', '', 2, '', '', ''],
      ],
    });
    const data = emptyDatastore('测试学院');
    await importRoster(data, file, testContext('2026-11-25'));
    const before = structuredClone(data);
    const again = await importRoster(data, file, testContext('2026-11-25'));
    expect(Object.values(again.sheets).map((n) => n.added + n.updated)).toEqual(
      Object.values(again.sheets).map(() => 0),
    );
    expect(describeImport(again)).toBe(
      '班级 新增 0、更新 0、未变 1；寝室 新增 0、更新 0、未变 1；困难生 新增 0、更新 0、未变 1；干部 新增 0、更新 0、未变 2；' +
        '学期 新增 0、更新 0、未变 1；规则 新增 0、更新 0、未变 2；联系分配 新增 0、更新 0、未变 1；联系记录 新增 0、更新 0、未变 1',
    );
    expect(data).toEqual(before);

    const edited = await fillRoster(join(dir, 'edited.xlsx'), {
      ...ROSTER,
      干部: [ROSTER.干部[0]!.map((v, i) => (i === 4 ? '副处长' : v)), ROSTER.干部[1]!],
    });
    const third = await importRoster(data, edited, testContext('2026-11-25'));
    expect(third.sheets['干部']).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(data.cadres[0]!.title).toBe('副处长');
  });

  it('a class name differing only in full/half-width parentheses gives one error with a suggestion, not a cascade', async () => {
    const file = await fillRoster(join(dir, 'parens.xlsx'), {
      ...ROSTER,
      寝室: [['7号楼', '301', '国贸241(1)班', '', 6, '']],
    });
    const data = emptyDatastore('测试学院');
    const error = await importError(data, file);
    expect(error.lines).toEqual([
      '寝室, 第3行, 班级: 找不到班级“国贸241(1)班”：是否指“国贸241（1）班”？（全角、半角不同）',
    ]);
    expect(data.cadres).toEqual([]);
  });
});
