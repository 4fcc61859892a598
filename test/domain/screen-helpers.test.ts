// The pure helpers behind the screens: month grid, completion, choices, roster and settings edits.
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { monthCompletion, termCompletion } from '../../source/domain/completion.js';
import { termBar, termBarHeading } from '../../source/ui/components/term-bar.js';
import { contactChoices, holderOf, targetIdsOfLabel } from '../../source/domain/contact-targets.js';
import { logContact } from '../../source/domain/contacts.js';
import { dutyGrid } from '../../source/domain/duty-grid.js';
import { UserError } from '../../source/domain/errors.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { markCadreStatus, saveCadre } from '../../source/domain/roster-edit.js';
import { saveRules, saveTerm } from '../../source/domain/settings-edit.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

function school() {
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
  logContact(data, { cadreId: 'c_zs', duty: 'dorm', targetId: 'd_102', date: '2026-11-03' }, ctx);
  return { data, ctx };
}

describe('screen helpers', () => {
  it('dutyGrid: one row per target, a status per owed month, the class over the term', () => {
    const { data } = school();
    const idx = buildIndexes(data);
    const grid = dutyGrid(data, idx, [data.assignments[0]!], AUTUMN, '2026-11-25');
    expect(grid.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(grid.rows.map((r) => [r.duty, r.target, r.term])).toEqual([
      ['class', '会计1班', 'due'],
      ['dorm', '1号楼-101、1号楼-102', null],
      ['student', '2025001 小明', null],
    ]);
    expect(grid.rows[1]!.months).toEqual({
      '2026-09': 'overdue',
      '2026-10': 'overdue',
      '2026-11': 'met',
      '2026-12': 'upcoming',
      '2027-01': 'upcoming',
    });
  });

  it("monthCompletion counts this month's monthly windows per college", () => {
    const { data } = school();
    expect(monthCompletion(data, buildIndexes(data), '2026-11-25')).toEqual([
      { collegeId: 'col_jg', owed: 2, met: 1 },
      { collegeId: 'col_jd', owed: 0, met: 0 },
    ]);
    // After the term (winter break), 首页 reports on it: January's windows were owed; February has none.
    expect(monthCompletion(data, buildIndexes(data), '2027-01-21')).toEqual([
      { collegeId: 'col_jg', owed: 2, met: 0 },
      { collegeId: 'col_jd', owed: 0, met: 0 },
    ]);
    expect(monthCompletion(data, buildIndexes(data), '2027-02-10').every((c) => c.owed === 0)).toBe(true);
  });

  it("termCompletion counts each month of the term so far; 首页 draws it as blocks and 评议考核's rate", () => {
    const { data, ctx } = school();
    logContact(data, { cadreId: 'c_zs', duty: 'student', targetId: 's_1', date: '2026-09-10' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'dorm', targetId: 'd_101', date: '2026-09-11' }, ctx);
    const term = termCompletion(data, buildIndexes(data), '2026-11-25');
    expect(term[0]).toEqual({
      collegeId: 'col_jg',
      months: [
        { month: '2026-09', owed: 2, met: 2 },
        { month: '2026-10', owed: 2, met: 0 },
        { month: '2026-11', owed: 2, met: 1 },
      ],
      classes: { owed: 1, met: 0 },
    });
    // The rate counts the term's class window too, as 评议考核's 完成率 does: 3 of 7.
    expect(termBar(term[0]!)).toBe('█▁▅ 43%');
    expect(termBarHeading(term[0]!.months)).toBe('本学期 9–11月');
    expect(termBar(term[1]!)).toBe('···');
    // After the term, until the next, its picture stays: the months of the term it reports on, no later.
    const after = termCompletion(data, buildIndexes(data), '2027-02-10');
    expect(after[0]!.months).toEqual([
      { month: '2026-09', owed: 2, met: 2 },
      { month: '2026-10', owed: 2, met: 0 },
      { month: '2026-11', owed: 2, met: 1 },
      { month: '2026-12', owed: 2, met: 0 },
      { month: '2027-01', owed: 2, met: 0 },
    ]);
    expect(termBarHeading(after[0]!.months)).toBe('本学期 9–1月');
  });

  it("contactChoices offers the active assignment's targets; none before it started", () => {
    const { data } = school();
    const idx = buildIndexes(data);
    const choices = contactChoices(idx, 'c_zs', '2026-11-25');
    expect(choices.targets.dorm?.map((t) => t.label)).toEqual(['1号楼-101', '1号楼-102']);
    expect(contactChoices(idx, 'c_zs', '2026-08-01').targets).toEqual({});
    expect(holderOf(data, idx, 'student', 's_1', '2026-11-25')?.cadreId).toBe('c_zs');
    expect(targetIdsOfLabel(idx, 'student', '2025001 小明')).toEqual(['s_1']);
    expect(targetIdsOfLabel(idx, 'dorm', '1号楼-101、1号楼-102')).toEqual(['d_101', 'd_102']);
  });

  it('saveCadre refuses a duplicate 工号 and a status change that would skip endAssignment', () => {
    const { data, ctx } = school();
    const base = { ...data.cadres[0]!, name: '赵六', employeeNo: 'T002' };
    expect(() => saveCadre(data, null, base, ctx)).toThrow(/工号 T002 已被其他干部使用/);
    expect(() => saveCadre(data, 'c_zs', { ...data.cadres[0]!, status: '离职' }, ctx)).toThrow(UserError);
    expect(saveCadre(data, null, { ...base, employeeNo: ' ' }, ctx).employeeNo).toBeNull();
  });

  it('markCadreStatus ends the active assignment, or only sets the status', () => {
    const { data } = school();
    expect(markCadreStatus(data, 'c_zs', '离职', '2026-11-20')).toContain('于 2026-11-20 结束');
    expect(data.assignments[0]).toMatchObject({ end: '2026-11-20', endReason: '离职' });
    expect(markCadreStatus(data, 'c_ww', '长期请假', '2026-11-20')).toContain('无有效分配需要结束');
    expect(data.cadres.find((c) => c.id === 'c_ww')?.status).toBe('长期请假');
  });

  it('saveTerm and saveRules validate what was typed', () => {
    const { data } = school();
    expect(() => saveTerm(data, null, { name: 'x', start: '2026-10-01', end: '2026-12-01' }, '2026-11-25')).toThrow(
      /日期重叠/,
    );
    expect(() => saveTerm(data, 0, { name: 'x', start: '', end: '2026-12-01' }, '2026-11-25')).toThrow(/YYYY-MM-DD/);
    expect(() =>
      saveTerm(data, 0, { name: `${AUTUMN.name}\u001b[2J`, start: AUTUMN.start, end: AUTUMN.end }, '2026-11-25'),
    ).toThrow('学期名称含有控制字符 U+001B：请删除不可见字符后再保存');
    const rules = { classPerTerm: '2', dormPerMonth: '1', dormScope: 'any', studentPerMonth: '1', minWindowDays: '7' };
    saveRules(data, 'col_jg', rules);
    expect(data.settings.rules.colleges['col_jg']).toEqual({ classPerTerm: 2 });
    saveRules(data, 'col_jg', { ...rules, classPerTerm: '1' });
    expect(data.settings.rules.colleges['col_jg']).toBeUndefined();
    expect(() => saveRules(data, null, { ...rules, minWindowDays: 'a' })).toThrow(/最短窗口天数：应为数字/);
  });
});
