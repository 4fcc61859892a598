// 评议考核: how each cadre kept the duties in one term as of a date — owed windows met, and every
// window counted as not met listed (the same windows `overdue` reports for that term and date).
import { minDate, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { collegeName, targetLabel } from './labels.js';
import type { Datastore, Term } from './schema.js';
import type { Duty } from './vocabulary.js';
import { termWindows, windowDays, windowStatus } from './windows.js';

export interface DutyTally {
  /** Owed windows (started by the as-of date) that are met. */
  done: number;
  /** Owed windows that have started by the as-of date. */
  owed: number;
}

/** An owed window not met: `overdue` when it ended before the as-of date, `due` when still open. */
export interface MissedWindow {
  duty: Duty;
  target: string;
  start: IsoDate;
  end: IsoDate;
  status: 'overdue' | 'due';
  /** Days overdue, or days left while open. */
  days: number;
}

export interface CadreAssessment {
  cadreId: string;
  cadre: string;
  employeeNo: string;
  college: string;
  tallies: Record<Duty, DutyTally>;
  /** Met windows / owed windows, 0–100; 100 when nothing was owed. */
  completion: number;
  missed: MissedWindow[];
}

export interface TermAssessment {
  term: Term;
  asOf: IsoDate;
  rows: CadreAssessment[];
  /** Contacts of the listed cadres dated in the term up to the as-of date (0: nothing was logged). */
  contacts: number;
}

const DUTY_ORDER: Record<Duty, number> = { class: 0, dorm: 1, student: 2 };

/** Every window of the term that has started by `asOf`, with contacts counted up to `asOf`. */
export function assessTerm(
  data: Datastore,
  idx: Indexes,
  term: Term,
  asOf: IsoDate,
  collegeId?: string,
): TermAssessment {
  const byCadre = new Map<string, CadreAssessment>();
  for (const w of termWindows(data, idx, term, asOf)) {
    if (collegeId && w.collegeId !== collegeId) continue;
    const status = windowStatus(w, asOf);
    if (status === 'upcoming') continue;
    let a = byCadre.get(w.cadreId);
    if (!a) {
      const cadre = idx.cadreById.get(w.cadreId);
      a = {
        cadreId: w.cadreId,
        cadre: cadre?.name ?? w.cadreId,
        employeeNo: cadre?.employeeNo ?? '',
        college: collegeName(idx, w.collegeId),
        tallies: { class: { done: 0, owed: 0 }, dorm: { done: 0, owed: 0 }, student: { done: 0, owed: 0 } },
        completion: 100,
        missed: [],
      };
      byCadre.set(w.cadreId, a);
    }
    const tally = a.tallies[w.duty];
    tally.owed += 1;
    if (status === 'met') tally.done += 1;
    else {
      const target = w.targetIds.map((t) => targetLabel(idx, w.duty, t)).join('、');
      a.missed.push({ duty: w.duty, target, start: w.start, end: w.end, status, days: windowDays(w, status, asOf) });
    }
  }
  const collator = new Intl.Collator('zh-CN');
  const rows = [...byCadre.values()];
  for (const a of rows) {
    const owed = a.tallies.class.owed + a.tallies.dorm.owed + a.tallies.student.owed;
    const done = a.tallies.class.done + a.tallies.dorm.done + a.tallies.student.done;
    a.completion = owed === 0 ? 100 : Math.round((done / owed) * 1000) / 10;
    a.missed.sort(
      (x, y) =>
        DUTY_ORDER[x.duty] - DUTY_ORDER[y.duty] ||
        (x.start < y.start ? -1 : x.start > y.start ? 1 : x.target < y.target ? -1 : 1),
    );
  }
  rows.sort(
    (x, y) =>
      collator.compare(x.college, y.college) ||
      collator.compare(x.cadre, y.cadre) ||
      (x.employeeNo < y.employeeNo ? -1 : 1),
  );
  const until = minDate(asOf, term.end);
  const contacts = data.contacts.filter(
    (c) => byCadre.has(c.cadreId) && term.start <= c.date && c.date <= until,
  ).length;
  return { term, asOf, rows, contacts };
}
