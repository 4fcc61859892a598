// The duties of assignments in one term as a grid: one row per duty target, one cell per month. A cadre's
// grid holds every assignment of hers in the term, an ended one too (its windows are still owed).
import { monthSlices, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { targetLabel } from './labels.js';
import { rulesFor } from './rules.js';
import type { Assignment, Datastore, Term } from './schema.js';
import type { Duty } from './vocabulary.js';
import { assignmentWindows, windowStatus, type WindowStatus } from './windows.js';

export interface DutyGridRow {
  duty: Duty;
  target: string;
  /** The term-long class window's status; null for monthly duties. */
  term: WindowStatus | null;
  /** By month 'YYYY-MM'; absent when nothing is owed that month. */
  months: Record<string, WindowStatus>;
}

export interface DutyGrid {
  months: string[];
  rows: DutyGridRow[];
}

export function dutyGrid(
  data: Datastore,
  idx: Indexes,
  assignments: readonly Assignment[],
  term: Term,
  asOf: IsoDate,
): DutyGrid {
  const months = monthSlices(term.start, term.end).map((m) => m.start.slice(0, 7));
  const rows = new Map<string, DutyGridRow>();
  for (const assignment of [...assignments].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    const cls = idx.classById.get(assignment.classId);
    if (!cls) continue;
    for (const w of assignmentWindows(assignment, cls, rulesFor(data.settings, cls.collegeId), term, idx, asOf)) {
      const target = w.targetIds.map((t) => targetLabel(idx, w.duty, t)).join('、');
      const key = `${w.duty}|${target}`;
      const row = rows.get(key) ?? { duty: w.duty, target, term: null, months: {} };
      rows.set(key, row);
      if (w.duty === 'class') row.term = windowStatus(w, asOf);
      else row.months[w.start.slice(0, 7)] = windowStatus(w, asOf);
    }
  }
  return { months, rows: [...rows.values()] };
}
