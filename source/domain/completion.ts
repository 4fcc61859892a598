// 首页's figures: per 二级学院, how many of this month's (and each month of the term's) owed dorm and
// student windows are already met — of the term the date reports on (reportingTerm): after a term ends,
// until the next begins, 首页 still shows the term its overdue counts are of.
import { addDays, minDate, monthEnd, monthStart, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { dayNumber, eachWindow, isoOfDay, type OverdueDigest } from './overdue-digest.js';
import type { Datastore } from './schema.js';
import { reportingTerm } from './terms.js';
import { termWindows, windowStatus } from './windows.js';

export interface CollegeCompletion {
  collegeId: string;
  owed: number;
  met: number;
}

function emptyRows(colleges: Datastore['colleges']): Map<string, CollegeCompletion> {
  return new Map(colleges.map((c) => [c.id, { collegeId: c.id, owed: 0, met: 0 }]));
}

/** Windows of the month containing `asOf` (monthly duties only), counted as of `asOf`; empty before any term. */
export function monthCompletion(data: Datastore, idx: Indexes, asOf: IsoDate): CollegeCompletion[] {
  const term = reportingTerm(data.settings.terms, asOf);
  const out = emptyRows(data.colleges);
  if (!term) return [...out.values()];
  const month = monthStart(asOf);
  for (const w of termWindows(data, idx, term, asOf)) {
    if (w.duty === 'class' || monthStart(w.start) !== month) continue;
    const row = out.get(w.collegeId);
    if (!row) continue;
    row.owed += 1;
    if (windowStatus(w, asOf) === 'met') row.met += 1;
  }
  return [...out.values()];
}

/**
 * monthCompletion read from the whole school's overdue digest of the term reporting on `asOf`
 * (digestAnswers): its windows are termWindows', each with the dates that count for it.
 */
export function monthCompletionFromDigest(
  digest: OverdueDigest,
  colleges: Datastore['colleges'],
  asOf: IsoDate,
): CollegeCompletion[] {
  const out = emptyRows(colleges);
  if (!reportingTerm(digest.terms, asOf)) return [...out.values()];
  const today = dayNumber(asOf);
  const first = dayNumber(monthStart(asOf));
  const last = dayNumber(monthEnd(asOf));
  for (const line of digest.lines) {
    const row = line.duty === 'class' ? undefined : out.get(line.collegeId);
    if (!row) continue;
    eachWindow(line, today, (start, _end, status) => {
      if (start < first || start > last) return;
      row.owed += 1;
      if (status === 'met') row.met += 1;
    });
  }
  return [...out.values()];
}

/**
 * A college's monthly windows per month of the term, from its first month to the as-of date's, and its
 * class windows (one per assignment a term): with them the term's rate is 评议考核's 完成率.
 */
export interface CollegeTermCompletion {
  collegeId: string;
  months: Array<{ month: string; owed: number; met: number }>;
  classes: { owed: number; met: number };
}

type Counts = { owed: number; met: number };

/** The term's months up to the as-of date or its end ('YYYY-MM'), each with every college at zero. */
function termRows(
  colleges: Datastore['colleges'],
  terms: Datastore['settings']['terms'],
  asOf: IsoDate,
): Map<string, Map<string, Counts>> | null {
  const term = reportingTerm(terms, asOf);
  if (!term) return null;
  const months: string[] = [];
  const last = minDate(asOf, term.end);
  for (let m = monthStart(term.start); m <= last; m = addDays(monthEnd(m), 1)) months.push(m.slice(0, 7));
  return new Map(colleges.map((c) => [c.id, new Map(months.map((m) => [m, { owed: 0, met: 0 }]))]));
}

function termResult(
  rows: Map<string, Map<string, Counts>> | null,
  classes: Map<string, Counts>,
  colleges: Datastore['colleges'],
): CollegeTermCompletion[] {
  return colleges.map((c) => ({
    collegeId: c.id,
    months: [...(rows?.get(c.id) ?? new Map<string, Counts>())].map(([month, n]) => ({
      month,
      ...n,
    })),
    classes: classes.get(c.id) ?? { owed: 0, met: 0 },
  }));
}

/** Counts one window of `collegeId` in `counts`. */
function count(counts: Map<string, Counts>, collegeId: string, met: boolean): void {
  const n = counts.get(collegeId) ?? { owed: 0, met: 0 };
  n.owed += 1;
  if (met) n.met += 1;
  counts.set(collegeId, n);
}

/** 首页's picture of the term: monthCompletion for each month of the term so far, counted as of `asOf`. */
export function termCompletion(data: Datastore, idx: Indexes, asOf: IsoDate): CollegeTermCompletion[] {
  const rows = termRows(data.colleges, data.settings.terms, asOf);
  const term = reportingTerm(data.settings.terms, asOf);
  const classes = new Map<string, Counts>();
  if (rows && term) {
    for (const w of termWindows(data, idx, term, asOf)) {
      const met = windowStatus(w, asOf) === 'met';
      if (w.duty === 'class') {
        if (rows.has(w.collegeId)) count(classes, w.collegeId, met);
        continue;
      }
      const cell = rows.get(w.collegeId)?.get(w.start.slice(0, 7));
      if (!cell) continue;
      cell.owed += 1;
      if (met) cell.met += 1;
    }
  }
  return termResult(rows, classes, data.colleges);
}

/** termCompletion read from the overdue digest, as monthCompletionFromDigest reads monthCompletion. */
export function termCompletionFromDigest(
  digest: OverdueDigest,
  colleges: Datastore['colleges'],
  asOf: IsoDate,
): CollegeTermCompletion[] {
  const rows = termRows(colleges, digest.terms, asOf);
  const classes = new Map<string, Counts>();
  if (rows) {
    const today = dayNumber(asOf);
    for (const line of digest.lines) {
      const months = rows.get(line.collegeId);
      if (!months) continue;
      eachWindow(line, today, (start, _end, status) => {
        if (line.duty === 'class') return count(classes, line.collegeId, status === 'met');
        const cell = months.get(isoOfDay(start).slice(0, 7));
        if (!cell) return;
        cell.owed += 1;
        if (status === 'met') cell.met += 1;
      });
    }
  }
  return termResult(rows, classes, colleges);
}
