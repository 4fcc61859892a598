// 评议考核: how each cadre kept the duties in one term — owed windows met, missed windows listed.
import { minDate, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { collegeName, targetLabel } from './labels.js';
import type { Datastore, Duty, Term } from './schema.js';
import { termWindows, windowStatus } from './windows.js';

export interface DutyTally {
  done: number;
  owed: number;
}

export interface CadreAssessment {
  cadreId: string;
  cadre: string;
  college: string;
  tallies: Record<Duty, DutyTally>;
  /** Met windows / owed windows, 0–100; 100 when nothing was owed. */
  completion: number;
  missed: string[];
}

/** Windows that have started by `asOf` (default: the term's end, or earlier if the term is still on). */
export function assessTerm(data: Datastore, idx: Indexes, term: Term, asOf: IsoDate, collegeId?: string): CadreAssessment[] {
  const until = minDate(asOf, term.end);
  const byCadre = new Map<string, CadreAssessment>();
  for (const w of termWindows(data, idx, term, until)) {
    if (collegeId && w.collegeId !== collegeId) continue;
    const status = windowStatus(w, until);
    if (status === 'upcoming') continue;
    let a = byCadre.get(w.cadreId);
    if (!a) {
      a = {
        cadreId: w.cadreId,
        cadre: idx.cadreById.get(w.cadreId)?.name ?? w.cadreId,
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
    else if (status === 'overdue') a.missed.push(`${w.start}~${w.end} ${w.targetIds.map((t) => targetLabel(idx, w.duty, t)).join('、')}`);
  }
  const collator = new Intl.Collator('zh-CN');
  const out = [...byCadre.values()];
  for (const a of out) {
    const owed = a.tallies.class.owed + a.tallies.dorm.owed + a.tallies.student.owed;
    const done = a.tallies.class.done + a.tallies.dorm.done + a.tallies.student.done;
    a.completion = owed === 0 ? 100 : Math.round((done / owed) * 1000) / 10;
  }
  return out.sort((x, y) => collator.compare(x.college, y.college) || collator.compare(x.cadre, y.cadre));
}
