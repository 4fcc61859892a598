// Duty windows of one assignment in one term: clipped to the term, the assignment and graduation,
// short windows dropped, dorms by scope, and each window's status and days on a given date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../source/domain/dates.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { type Assignment, type DutyRules } from '../../source/domain/schema.js';
import { DEFAULT_RULES } from '../../source/domain/vocabulary.js';
import { dayNumber, isoOfDay } from '../../source/domain/overdue-digest.js';
import {
  assignmentWindows,
  countedUpTo,
  effectiveEnd,
  isActiveOn,
  statusOf,
  windowDays,
  windowStatus,
} from '../../source/domain/windows.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';

const assignment = (start: IsoDate, end: IsoDate | null = null): Assignment => ({
  id: 'a',
  cadreId: 'c_zs',
  classId: 'cls_kj',
  dormIds: ['d_101', 'd_102'],
  studentIds: ['s_1'],
  start,
  end,
  endReason: end ? '调整' : null,
});

function windows(
  a: Assignment,
  rules: Partial<DutyRules> = {},
  graduationDate: IsoDate | null = null,
  asOf: IsoDate = '2026-11-25',
) {
  const data = smallSchool([AUTUMN]);
  const cls = { ...data.classes.find((c) => c.id === 'cls_kj')!, graduationDate };
  data.contacts.push({
    id: 'ct',
    cadreId: 'c_zs',
    duty: 'dorm',
    targetId: 'd_102',
    date: '2026-10-08',
    form: '寝室走访',
    note: '',
    enteredAt: 'x',
    enteredBy: 'x',
  });
  return assignmentWindows(a, cls, { ...DEFAULT_RULES, ...rules }, AUTUMN, buildIndexes(data), asOf).map(
    (w) => `${w.duty} ${w.targetIds.join('+')} ${w.start}~${w.end} ${w.done}/${w.required}`,
  );
}

describe('windows', () => {
  it('one class window for the term, and per month one dorm window (任一) and one per student', () => {
    expect(windows(assignment('2026-09-01'))).toEqual([
      'class cls_kj 2026-09-01~2027-01-20 0/1',
      'dorm d_101+d_102 2026-09-01~2026-09-30 0/1',
      'dorm d_101+d_102 2026-10-01~2026-10-31 1/1',
      'dorm d_101+d_102 2026-11-01~2026-11-30 0/1',
      'dorm d_101+d_102 2026-12-01~2026-12-31 0/1',
      'dorm d_101+d_102 2027-01-01~2027-01-20 0/1',
      'student s_1 2026-09-01~2026-09-30 0/1',
      'student s_1 2026-10-01~2026-10-31 0/1',
      'student s_1 2026-11-01~2026-11-30 0/1',
      'student s_1 2026-12-01~2026-12-31 0/1',
      'student s_1 2027-01-01~2027-01-20 0/1',
    ]);
  });

  it('clipped to the assignment and to graduation; windows shorter than minWindowDays are not owed', () => {
    // 10-26 to 11-05: October has 6 days (< 7, not owed), November 5 (not owed); the class window is 11 days.
    expect(windows(assignment('2026-10-26', '2026-11-05'))).toEqual(['class cls_kj 2026-10-26~2026-11-05 0/1']);
    expect(windows(assignment('2026-09-01'), {}, '2026-10-10').filter((w) => w.startsWith('dorm'))).toEqual([
      'dorm d_101+d_102 2026-09-01~2026-09-30 0/1',
      'dorm d_101+d_102 2026-10-01~2026-10-10 1/1',
    ]);
    expect(windows(assignment('2027-02-01'))).toEqual([]);
  });

  it('每个 dorm: one window per dorm; rules of 0 owe nothing; contacts after the as-of date do not count', () => {
    const each = windows(assignment('2026-10-01', '2026-10-31'), {
      dormScope: 'each',
      classPerTerm: 0,
      studentPerMonth: 0,
    });
    expect(each).toEqual(['dorm d_101 2026-10-01~2026-10-31 0/1', 'dorm d_102 2026-10-01~2026-10-31 1/1']);
    expect(
      windows(
        assignment('2026-10-01', '2026-10-31'),
        { dormScope: 'each', classPerTerm: 0, studentPerMonth: 0 },
        null,
        '2026-10-07',
      )[1],
    ).toBe('dorm d_102 2026-10-01~2026-10-31 0/1');
  });

  it('the active end is the earlier of the end and graduation; active on its first and last day only', () => {
    const cls = smallSchool().classes[0]!;
    expect(effectiveEnd(assignment('2026-09-01'), cls)).toBeNull();
    expect(effectiveEnd(assignment('2026-09-01', '2027-06-30'), { ...cls, graduationDate: '2027-01-15' })).toBe(
      '2027-01-15',
    );
    const a = assignment('2026-09-01', '2026-10-31');
    expect(['2026-08-31', '2026-09-01', '2026-10-31', '2026-11-01'].map((d) => isActiveOn(a, cls, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('status on a date: met, overdue after the end, due within, upcoming before; days overdue or left', () => {
    const w = { start: '2026-11-01', end: '2026-11-30', required: 1, done: 0 };
    expect(['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01'].map((d) => windowStatus(w, d))).toEqual([
      'upcoming',
      'due',
      'due',
      'overdue',
    ]);
    expect(windowStatus({ ...w, done: 1 }, '2026-12-01')).toBe('met');
    expect([windowDays(w, 'due', '2026-11-25'), windowDays(w, 'overdue', '2026-12-03')]).toEqual([5, 3]);
  });

  it('the rule is one: on day numbers (the overdue digest) it answers as on dates, status and days alike', () => {
    const day = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') });
    fc.assert(
      fc.property(day, day, day, fc.nat(3), fc.nat(3), (a, b, today, required, done) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const status = statusOf(start, end, required, done, today);
        expect(windowStatus({ start: isoOfDay(start), end: isoOfDay(end), required, done }, isoOfDay(today))).toBe(
          status,
        );
        expect(countedUpTo(isoOfDay(end), isoOfDay(today))).toBe(isoOfDay(countedUpTo(end, today)));
        if (status === 'overdue' || status === 'due')
          expect(windowDays({ end }, status, today)).toBe(windowDays({ end: isoOfDay(end) }, status, isoOfDay(today)));
      }),
    );
  });
});
