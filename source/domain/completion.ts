// 首页's figure: per 二级学院, how many of this month's owed dorm and student windows are already met.
import { monthStart, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import type { Datastore } from './schema.js';
import { termContaining } from './terms.js';
import { termWindows, windowStatus } from './windows.js';

export interface CollegeCompletion {
  collegeId: string;
  owed: number;
  met: number;
}

/** Windows of the month containing `asOf` (monthly duties only), counted as of `asOf`; empty outside terms. */
export function monthCompletion(data: Datastore, idx: Indexes, asOf: IsoDate): CollegeCompletion[] {
  const term = termContaining(data.settings.terms, asOf);
  const out = new Map(data.colleges.map((c) => [c.id, { collegeId: c.id, owed: 0, met: 0 }]));
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
