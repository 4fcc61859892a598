import { describe, expect, it } from 'vitest';
import { assign, endAssignment, reassign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport, type OverdueRow } from '../../source/domain/overdue.js';
import type { Datastore } from '../../source/domain/schema.js';
import type { Duty } from '../../source/domain/vocabulary.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

const ctx = testContext('2027-07-01');
const report = (data: Datastore, asOf: string) => overdueReport(data, buildIndexes(data), asOf).rows;
const windowsOf = (rows: OverdueRow[], duty: Duty, cadre?: string) =>
  rows
    .filter((r) => r.duty === duty && (!cadre || r.cadre === cadre))
    .map((r) => `${r.windowStart}~${r.windowEnd} ${r.status} ${r.days}`);

describe('duty windows and overdue', () => {
  it('owes nothing for a month whose active part is shorter than minWindowDays (start on the 25th vs the 20th)', () => {
    const late = smallSchool();
    assign(late, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-11-25' }, ctx);
    expect(windowsOf(report(late, '2026-12-02'), 'dorm')).toEqual(['2026-12-01~2026-12-31 due 29']);

    const earlier = smallSchool();
    assign(earlier, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-11-20' }, ctx);
    expect(windowsOf(report(earlier, '2026-12-02'), 'dorm')).toEqual([
      '2026-11-20~2026-11-30 overdue 2',
      '2026-12-01~2026-12-31 due 29',
    ]);
    expect(windowsOf(report(earlier, '2026-12-02'), 'student')).toEqual([
      '2026-11-20~2026-11-30 overdue 2',
      '2026-12-01~2026-12-31 due 29',
    ]);
  });

  it('counts only contacts of the duty, by the cadre, to the targets, inside the window and not after the as-of date', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'dorm', targetId: 'd_102', date: '2026-09-10' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'student', targetId: 's_1', date: '2026-10-31' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-10-20' }, ctx);
    const rows = report(data, '2026-10-15');
    expect(windowsOf(rows, 'dorm')).toEqual(['2026-10-01~2026-10-31 due 16']);
    expect(windowsOf(rows, 'student')).toEqual(['2026-09-01~2026-09-30 overdue 15', '2026-10-01~2026-10-31 due 16']);
    // The class contact of 10-20 does not count yet on 10-15.
    expect(windowsOf(rows, 'class')).toEqual(['2026-09-01~2027-01-20 due 97']);
    expect(windowsOf(report(data, '2026-10-20'), 'class')).toEqual([]);
    const dormRow = rows.find((r) => r.duty === 'dorm')!;
    expect(dormRow.target).toBe('1号楼-101、1号楼-102');
  });

  it('splits a month between two terms and owes nothing in a vacation month', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: [], start: '2026-09-01' }, ctx);
    // January: 1–20 belongs to the autumn term, 25–31 (7 days) to the spring term.
    expect(windowsOf(report(data, '2027-01-10'), 'dorm').at(-1)).toBe('2027-01-01~2027-01-20 due 10');
    expect(windowsOf(report(data, '2027-01-26'), 'dorm')).toEqual(['2027-01-25~2027-01-31 due 5']);
    // July 2027: spring ends on the 2nd, the rest is vacation; on 08-15 the latest term is reported.
    const summer = windowsOf(report(data, '2027-08-15'), 'dorm');
    expect(summer).toContain('2027-06-01~2027-06-30 overdue 46');
    expect(summer.some((w) => w.startsWith('2027-07') || w.startsWith('2027-08'))).toBe(false);
  });

  it('reassignment on the 15th: the old cadre owes up to the 14th, the new one only from the 15th', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    reassign(data, { classId: 'cls_kj', toCadreId: 'c_ls', date: '2026-11-15', reason: '离职' }, ctx);
    expect(data.cadres.find((c) => c.id === 'c_zs')!.status).toBe('离职');
    const rows = report(data, '2026-12-01');
    expect(windowsOf(rows, 'dorm', '张三')).toEqual([
      '2026-09-01~2026-09-30 overdue 62',
      '2026-10-01~2026-10-31 overdue 31',
      '2026-11-01~2026-11-14 overdue 17',
    ]);
    expect(windowsOf(rows, 'dorm', '李四')).toEqual([
      '2026-11-15~2026-11-30 overdue 1',
      '2026-12-01~2026-12-31 due 30',
    ]);
    expect(windowsOf(rows, 'class', '李四')).toEqual(['2026-11-15~2027-01-20 due 50']);
  });

  it('a graduated class ends its assignment: nothing is owed after graduation', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_ww', classId: 'cls_old', studentIds: [], start: '2026-09-01' }, ctx);
    const rows = windowsOf(report(data, '2026-12-01'), 'dorm', '王五');
    expect(rows).toEqual(['2026-09-01~2026-09-30 overdue 62', '2026-10-01~2026-10-15 overdue 47']);
    // The cadre may take a new class after graduation.
    expect(() => assign(data, { cadreId: 'c_ww', classId: 'cls_rj', start: '2026-10-16' }, ctx)).not.toThrow();
  });

  it('dorm scope "each" (a college override) gives one window per dorm', () => {
    const data = smallSchool();
    data.settings.rules.colleges['col_jg'] = { dormScope: 'each', studentPerMonth: 2 };
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'dorm', targetId: 'd_101', date: '2026-09-05' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'student', targetId: 's_1', date: '2026-09-05' }, ctx);
    logContact(data, { cadreId: 'c_ls', duty: 'student', targetId: 's_2', date: '2026-09-05' }, ctx);
    const rows = report(data, '2026-09-30');
    expect(rows.filter((r) => r.cadre === '张三' && r.duty === 'dorm').map((r) => r.target)).toEqual(['1号楼-102']);
    // 经管 requires two talks a month, 机电 (default) one.
    expect(windowsOf(rows, 'student', '张三')).toEqual(['2026-09-01~2026-09-30 due 0']);
    expect(windowsOf(rows, 'student', '李四')).toEqual([]);
  });

  it('sorts overdue first, then days descending, then cadre name', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
    const rows = report(data, '2026-10-10');
    const statuses = rows.map((r) => r.status);
    expect(statuses.indexOf('due')).toBeGreaterThan(statuses.lastIndexOf('overdue'));
    const overdue = rows.filter((r) => r.status === 'overdue');
    expect(overdue.map((r) => r.cadre)).toEqual(['李四', '李四', '张三', '张三']);
    expect(Object.keys(rows[0]!)).toEqual([
      'cadre',
      'cadreId',
      'employeeNo',
      'college',
      'duty',
      'target',
      'windowStart',
      'windowEnd',
      'status',
      'days',
    ]);
  });

  it('reports nothing before the first term', () => {
    const data = smallSchool([AUTUMN]);
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', start: '2026-08-01' }, ctx);
    expect(overdueReport(data, buildIndexes(data), '2026-08-20')).toMatchObject({ term: null, rows: [] });
  });
});

describe('invariants', () => {
  it('refuses a second active assignment for a cadre, a second cadre for a class, and a shared student', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    expect(() => assign(data, { cadreId: 'c_zs', classId: 'cls_rj', start: '2026-10-01' }, ctx)).toThrow(
      /张三（T001） .*已有联系分配/,
    );
    expect(() => assign(data, { cadreId: 'c_ls', classId: 'cls_kj', start: '2026-10-01' }, ctx)).toThrow(
      /班级 会计1班 在同一时期已由其他干部联系/,
    );
    expect(() =>
      assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_1'], start: '2026-10-01' }, ctx),
    ).toThrow(/困难生 2025001 小明 已在另一联系分配中/);
    expect(() =>
      assign(data, { cadreId: 'c_ls', classId: 'cls_rj', dormIds: ['d_101'], start: '2026-10-01' }, ctx),
    ).toThrow(/不属于班级 软件1班/);
    expect(data.assignments).toHaveLength(1);
  });

  it('refuses contacts outside the cadre assignment or in the future', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', start: '2026-09-01' }, testContext('2026-10-01'));
    const today = testContext('2026-10-01');
    expect(() =>
      logContact(data, { cadreId: 'c_zs', duty: 'dorm', targetId: 'd_201', date: '2026-09-05' }, today),
    ).toThrow(/2号楼-201 不在 张三/);
    expect(() =>
      logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-08-05' }, today),
    ).toThrow(/没有有效的联系分配/);
    expect(() =>
      logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-10-02' }, today),
    ).toThrow(/晚于今天/);
    expect(data.contacts).toHaveLength(0);
  });

  it('end refuses to cut off logged contacts and sets the cadre status', () => {
    const data = smallSchool();
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', start: '2026-09-01' }, ctx);
    logContact(data, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-10-20' }, ctx);
    expect(() => endAssignment(data, { cadreId: 'c_zs', date: '2026-10-10', reason: '长期请假' })).toThrow(
      /还有 1 条联系记录/,
    );
    endAssignment(data, { cadreId: 'c_zs', date: '2026-10-31', reason: '长期请假' });
    expect(data.cadres.find((c) => c.id === 'c_zs')!.status).toBe('长期请假');
    expect(() => assign(data, { cadreId: 'c_zs', classId: 'cls_rj', start: '2026-11-01' }, ctx)).toThrow(/长期请假/);
  });
});
