// 首页's figure: per 二级学院, how many of this month's owed dorm and student windows are already met.
import { monthEnd, monthStart, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { dayNumber, eachWindow, type OverdueDigest } from './overdue-digest.js';
import type { Datastore } from './schema.js';
import { termContaining } from './terms.js';
import { termWindows, windowStatus } from './windows.js';

export interface CollegeCompletion {
  collegeId: string;
  owed: number;
  met: number;
}

function emptyRows(colleges: Datastore['colleges']): Map<string, CollegeCompletion> {
  return new Map(colleges.map((c) => [c.id, { collegeId: c.id, owed: 0, met: 0 }]));
}

/** Windows of the month containing `asOf` (monthly duties only), counted as of `asOf`; empty outside terms. */
export function monthCompletion(data: Datastore, idx: Indexes, asOf: IsoDate): CollegeCompletion[] {
  const term = termContaining(data.settings.terms, asOf);
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
export function monthCompletionFromDigest(digest: OverdueDigest, colleges: Datastore['colleges'], asOf: IsoDate): CollegeCompletion[] {
  const out = emptyRows(colleges);
  if (!termContaining(digest.terms, asOf)) return [...out.values()];
  const today = dayNumber(asOf);
  const first = dayNumber(monthStart(asOf));
  const last = dayNumber(monthEnd(asOf));
  for (const line of digest.lines) {
    const row = line.duty === 'class' ? undefined : out.get(line.collegeId);
    if (!row) continue;
    eachWindow(line, today, (start, _end, required, done) => {
      if (start < first || start > last) return;
      row.owed += 1;
      if (done >= required) row.met += 1;
    });
  }
  return [...out.values()];
}
