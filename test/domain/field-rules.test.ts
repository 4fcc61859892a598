// Each field rule has one answer, declared on the schema: the form (roster-edit), the import and the
// stored data agree on 入学年份's range, a phone's length, list separators and every label.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveClass, saveDorm } from '../../source/domain/roster-edit.js';
import { cadreSchema, classSchema, fieldLabels } from '../../source/domain/schema.js';
import { splitList } from '../../source/domain/vocabulary.js';
import { importRoster } from '../../source/io/roster-import.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { smallSchool, testContext } from '../helpers/fixtures.js';

const classInput = {
  collegeId: 'col_jg',
  name: '数控251班',
  enrollYear: '2025',
  graduationDate: '',
  headTeacher: '',
  headTeacherPhone: '',
  counselor: '',
  counselorPhone: '',
};

async function importRefusal(rows: Record<string, unknown[][]>): Promise<string> {
  const file = await fillRoster(join(mkdtempSync(join(tmpdir(), 'slx-rules-')), 'r.xlsx'), rows);
  return importRoster(smallSchool(), file, testContext('2026-11-25')).then(
    () => '',
    (e: Error) => e.message,
  );
}

describe('field rules', () => {
  it('入学年份 1950–2100 in the form, the import and the stored data', async () => {
    expect(() => saveClass(smallSchool(), null, { ...classInput, enrollYear: '1949' }, testContext())).toThrow(
      '入学年份：年份过早（应在 1950–2100 之间）',
    );
    expect(() => saveClass(smallSchool(), null, { ...classInput, enrollYear: '2101' }, testContext())).toThrow(
      '入学年份：年份过晚',
    );
    expect(() => saveClass(smallSchool(), null, { ...classInput, enrollYear: '二〇二五' }, testContext())).toThrow(
      '入学年份：应为数字',
    );
    expect(await importRefusal({ 班级: [['经济管理学院', '数控251班', 1949, '', '', '', '', '']] })).toContain(
      '班级, 第3行, 入学年份: 年份过早（应在 1950–2100 之间）',
    );
    expect(classSchema.shape.enrollYear.safeParse(1949).success).toBe(false);
  });

  it('a phone is at most 50 characters everywhere', async () => {
    expect(() =>
      saveClass(smallSchool(), null, { ...classInput, headTeacherPhone: '6'.repeat(51) }, testContext()),
    ).toThrow('班主任短号：过长（最多 50 个字符）');
    expect(await importRefusal({ 干部: [['T009', '钱七', '', '', '', '', '6'.repeat(51), '', '普通党员']] })).toContain(
      '手机短号: 过长（最多 50 个字符）',
    );
    expect(cadreSchema.shape.officePhone.safeParse('6'.repeat(50)).success).toBe(true);
  });

  it('lists split on the same separators in a form field and an import cell', () => {
    expect(splitList(' 会计1班、软件1班；物流23班, 会计1班 ')).toEqual(['会计1班', '软件1班', '物流23班', '会计1班']);
    const data = smallSchool();
    const dorm = saveDorm(
      data,
      null,
      { building: '9号楼', number: '909', classNames: '会计1班；软件1班', leader: '', size: '', note: '' },
      testContext(),
    );
    expect(dorm.classIds).toEqual(['cls_kj', 'cls_rj']);
  });

  it('labels come from the schema', () => {
    expect(fieldLabels(cadreSchema)).toMatchObject({
      name: '干部姓名',
      employeeNo: '工号',
      shortPhone: '手机短号',
      collegeId: '归属学院',
    });
  });
});
