// Calendar dates in Asia/Shanghai: arithmetic across months, leap years and the year's end, the
// moment the date turns in Shanghai, and every way a date is typed or stored in a spreadsheet.
import fc from 'fast-check';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  fromExcelSerial,
  isIsoDate,
  maxDate,
  minDate,
  monthEnd,
  monthSlices,
  monthStart,
  parseDateInput,
  parseDateValue,
  shanghaiDateTime,
  spanDays,
  todayInShanghai,
} from '../../source/domain/dates.js';

describe('dates', () => {
  it('isIsoDate accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31'].filter(isIsoDate)).toHaveLength(4);
    expect(
      ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-9-1', '2026-09-01 ', '20260901', ''].filter(
        isIsoDate,
      ),
    ).toEqual([]);
  });

  it('adds days across months and years; counts days between and inclusive spans', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-25', -30)).toBe('2026-10-26');
    expect(daysBetween('2026-11-20', '2026-11-25')).toBe(5);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
    expect(spanDays('2026-09-01', '2026-09-30')).toBe(30);
    expect(spanDays('2026-09-01', '2026-09-01')).toBe(1);
  });

  it('day arithmetic agrees with date-fns on local dates, over years 1–9999 and DST changes (this process runs in Asia/Shanghai, DST 1986–1991)', () => {
    const local = (iso: string) => {
      const d = new Date(2000, 0, 1);
      d.setFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
      return d;
    };
    const date = fc
      .oneof(
        fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 1)), noInvalidDate: true }),
        fc.date({ min: new Date(Date.UTC(1985, 0, 1)), max: new Date(Date.UTC(1992, 11, 31)), noInvalidDate: true }),
      )
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.integer({ min: -1000, max: 1000 }), (a, b, n) => {
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(local(b), local(a)));
        expect(addDays(a, n)).toBe(formatISO(addDaysFns(local(a), n), { representation: 'date' }));
      }),
      { numRuns: 2000 },
    );
  });

  it('month bounds, min and max, and the months of a span clipped to it', () => {
    expect([monthStart('2026-02-14'), monthEnd('2026-02-14'), monthEnd('2028-02-01')]).toEqual([
      '2026-02-01',
      '2026-02-28',
      '2028-02-29',
    ]);
    expect([minDate('2026-09-01', '2026-08-31'), maxDate('2026-09-01', '2026-08-31')]).toEqual([
      '2026-08-31',
      '2026-09-01',
    ]);
    expect(monthSlices('2026-09-15', '2026-11-10')).toEqual([
      { start: '2026-09-15', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-10-31' },
      { start: '2026-11-01', end: '2026-11-10' },
    ]);
    expect(monthSlices('2026-12-20', '2027-01-05').map((m) => m.end)).toEqual(['2026-12-31', '2027-01-05']);
  });

  it('today turns at midnight in Shanghai, not UTC; times are shown on the campus clock', () => {
    expect(todayInShanghai(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(todayInShanghai(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
    expect(shanghaiDateTime(new Date('2026-12-31T16:30:05Z'))).toBe('2027-01-01 00:30:05');
  });

  it("campus clock and today agree with ICU's Asia/Shanghai on real moments, across the 1991 end of summer time and from then to 2100", () => {
    const icuClock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const viaIcu = (m: Date) => icuClock.format(m);
    // Summer time 1991 (UTC+9) and its last second, the first moment of UTC+8 for good, a school day.
    const fixed: Array<[string, string]> = [
      ['1991-06-01T03:00:00Z', '1991-06-01 12:00:00'],
      ['1991-09-14T16:59:59Z', '1991-09-15 01:59:59'],
      ['1991-09-14T17:00:00Z', '1991-09-15 01:00:00'],
      ['2026-11-25T06:30:05Z', '2026-11-25 14:30:05'],
      ['2028-02-28T16:00:00Z', '2028-02-29 00:00:00'],
    ];
    for (const [utc, campus] of fixed) {
      expect(shanghaiDateTime(new Date(utc)), utc).toBe(campus);
      expect(viaIcu(new Date(utc)), utc).toBe(campus);
      expect(todayInShanghai(new Date(utc)), utc).toBe(campus.slice(0, 10));
    }
    const moment = fc.oneof(
      fc.date({ min: new Date('1985-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
      fc.date({ min: new Date('2026-08-31T15:00:00Z'), max: new Date('2027-07-31T17:00:00Z'), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(moment, (m) => {
        expect(shanghaiDateTime(m)).toBe(viaIcu(m));
        expect(todayInShanghai(m)).toBe(viaIcu(m).slice(0, 10));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads dates as typed or stored: separators, 年月日, Excel serials and Date cells; refuses the rest', () => {
    for (const typed of ['2026-09-01', '2026/9/1', '2026.9.1', '2026年9月1日', ' 2026 - 09 - 01 '])
      expect(parseDateValue(typed), typed).toBe('2026-09-01');
    expect(parseDateValue(46266)).toBe('2026-09-01');
    expect(parseDateValue(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
    expect([fromExcelSerial(61), fromExcelSerial(0), fromExcelSerial(Number.NaN)]).toEqual(['1900-03-01', null, null]);
    for (const bad of ['2026-02-30', '9/1', 'tomorrow', '', true, null, {}])
      expect(parseDateValue(bad), String(bad)).toBeNull();
  });

  it('reads relative input against the given today: 今天, 昨天, 前天, -N, month-day of this year', () => {
    const today = '2026-03-01';
    expect(
      ['', '今天', 'today', '昨天', '前天', '-3', '-0', '2-28', '11月20日', '12/31'].map((t) =>
        parseDateInput(t, today),
      ),
    ).toEqual([
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
      '2026-02-28',
      '2026-02-27',
      '2026-02-26',
      '2026-03-01',
      '2026-02-28',
      '2026-11-20',
      '2026-12-31',
    ]);
    expect(['2-29', '-1000', '明天', '+3'].map((t) => parseDateInput(t, today))).toEqual([null, null, null, null]);
    // A contact's date has happened: a month-day still ahead this year is last year's.
    expect(['12/31', '3-1', '2-28'].map((t) => parseDateInput(t, today, true))).toEqual([
      '2025-12-31',
      '2026-03-01',
      '2026-02-28',
    ]);
  });
});
