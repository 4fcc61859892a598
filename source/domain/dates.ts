// Calendar dates as 'YYYY-MM-DD' strings (Asia/Shanghai). Strings compare in date order,
// which keeps the hot paths (window counting) free of Date objects.
// date-fns by subpath: the package index loads every function and locale (~90 ms of each command's start).
import { endOfMonth } from 'date-fns/endOfMonth';
import { formatISO } from 'date-fns/formatISO';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';

export type IsoDate = string;

export const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a calendar date (setFullYear: `new Date(y, …)` reads years below 100 as 19xx). */
function localDate(year: number, month: number, day: number): Date {
  const d = new Date(2000, 0, 1);
  d.setFullYear(year, month - 1, day);
  return d;
}

function toDate(iso: IsoDate): Date {
  return localDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function fromDate(d: Date): IsoDate {
  return formatISO(d, { representation: 'date' });
}

// A load checks every contact's date; a school has a few thousand distinct ones, so answers are kept.
const checked = new Map<string, boolean>();

export function isIsoDate(text: string): boolean {
  const known = checked.get(text);
  if (known !== undefined) return known;
  const m = ISO_RE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(localDate(Number(m[1]), month, 1));
  if (checked.size < 100_000) checked.set(text, valid);
  return valid;
}

// Day arithmetic runs hundreds of thousands of times when the 首页 or overdue is computed: on one UTC
// Date, whose days are all 24 h long, instead of date-fns on local dates, which asks the zone's offset
// twice per call (the same calendar result, ~5x the time). setUTCFullYear: Date.UTC reads 0–99 as 19xx.
const utcDay = new Date(0);

function setUtcDay(iso: IsoDate, plusDays = 0): Date {
  utcDay.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + plusDays);
  return utcDay;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar date a Date shows in UTC. */
function utcIsoDate(d: Date): IsoDate {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return utcIsoDate(setUtcDay(iso, days));
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const from = setUtcDay(a).getTime();
  return Math.round((setUtcDay(b).getTime() - from) / 86_400_000);
}

/** Inclusive length of [start, end] in days. */
export function spanDays(start: IsoDate, end: IsoDate): number {
  return daysBetween(start, end) + 1;
}

export function monthEnd(iso: IsoDate): IsoDate {
  return fromDate(endOfMonth(toDate(iso)));
}

export function monthStart(iso: IsoDate): IsoDate {
  return `${iso.slice(0, 7)}-01`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Calendar months [start, end] clipped to the range, in order. */
export function monthSlices(start: IsoDate, end: IsoDate): Array<{ start: IsoDate; end: IsoDate }> {
  const slices: Array<{ start: IsoDate; end: IsoDate }> = [];
  let cursor = start;
  while (cursor <= end) {
    const sliceEnd = minDate(monthEnd(cursor), end);
    slices.push({ start: cursor, end: sliceEnd });
    cursor = addDays(sliceEnd, 1);
  }
  return slices;
}

// China has kept UTC+8 without daylight saving since its last summer time ended, 1991-09-15 01:00 CST
// (1991-09-14 17:00 UTC; tzdata's Asia/Shanghai, which the test compares with). From then on a campus
// clock is UTC + 8 h, read off one Date with no time-zone data: a process's first Intl time-zone
// formatter loads ICU's zone data, ~28 ms of a `log` (its backup's name) at school scale. Moments before
// it, which only a hand-edited file holds, still go through Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 14, 17);
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The moment's Shanghai wall-clock fields as a UTC date, or null before the fixed offset (or invalid). */
function shanghaiWallClock(moment: Date): Date | null {
  const t = moment.getTime();
  return t >= FIXED_OFFSET_SINCE ? new Date(t + SHANGHAI_OFFSET_MS) : null;
}

/** Today's calendar date in Asia/Shanghai, whatever the machine's zone. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const wall = shanghaiWallClock(now);
  if (wall) return utcIsoDate(wall);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: SCHOOL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** `2026-11-25 14:30:05`: a moment as a clock on the campus shows it (journal and backup times). */
export function shanghaiDateTime(moment: Date): string {
  const wall = shanghaiWallClock(moment);
  if (wall)
    return `${utcIsoDate(wall)} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`;
  const clock = new Intl.DateTimeFormat('en-CA', {
    timeZone: SCHOOL_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(clock.formatToParts(moment).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

function ymd(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Excel's 1900 date system counts 29 February 1900, which never was (serial 60): serials before it are
 * one day later than the epoch above says, and 60 itself is no date.
 */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const d = new Date(EXCEL_EPOCH_UTC + (day < 60 ? day + 1 : day) * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date as a secretary types it or as a spreadsheet stores it:
 * 2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日, an Excel serial number or a Date cell.
 * Returns null when it is not a real calendar date.
 */
export function parseDateValue(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // exceljs gives date cells as UTC midnight of the calendar date.
    return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromExcelSerial(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A date typed in the UI or on the command line, relative to today:
 * 今天, 昨天, 前天, -3 (three days ago), 11-20 or 11/20 (this year), or any form of parseDateValue.
 * `past`: a date that has happened (a contact), so 12-28 typed in January is last year's.
 */
export function parseDateInput(text: string, today: IsoDate, past = false): IsoDate | null {
  const t = text.trim();
  if (t === '' || t === '今天' || t === 'today') return today;
  if (t === '昨天') return addDays(today, -1);
  if (t === '前天') return addDays(today, -2);
  const rel = /^-(\d{1,3})$/.exec(t);
  if (rel) return addDays(today, -Number(rel[1]));
  const md = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (md) {
    const year = Number(today.slice(0, 4));
    const date = ymd(year, Number(md[1]), Number(md[2]));
    return past && date !== null && date > today ? ymd(year - 1, Number(md[1]), Number(md[2])) : date;
  }
  return parseDateValue(t);
}
