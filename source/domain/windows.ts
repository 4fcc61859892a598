// Duty windows (SPEC "Duties and what overdue means"): for each assignment and term, the periods in
// which a duty is owed, each clipped to the term and to the assignment's active days.
import { daysBetween, maxDate, minDate, monthSlices, spanDays, type IsoDate } from './dates.js';
import { contactDatesOf, countDatesIn, type Indexes } from './indexes.js';
import { rulesFor } from './rules.js';
import type { Assignment, ClassGroup, Datastore, DutyRules, Term } from './schema.js';
import type { Duty } from './vocabulary.js';

export interface DutyWindow {
  assignment: Assignment;
  cadreId: string;
  /** The college of the assignment's class, whose rules apply. */
  collegeId: string;
  duty: Duty;
  /** One target, or several for a dorm window with scope "any". */
  targetIds: string[];
  start: IsoDate;
  end: IsoDate;
  required: number;
  /** Counted contacts dated in the window and not after the as-of date. */
  done: number;
}

export type WindowStatus = 'met' | 'overdue' | 'due' | 'upcoming';

/** The last day the assignment is active: its end, or the class's graduation, whichever is first. */
export function effectiveEnd(assignment: Assignment, cls: ClassGroup | undefined): IsoDate | null {
  const graduation = cls?.graduationDate ?? null;
  if (assignment.end === null) return graduation;
  return graduation === null ? assignment.end : minDate(assignment.end, graduation);
}

export function isActiveOn(assignment: Assignment, cls: ClassGroup | undefined, date: IsoDate): boolean {
  const end = effectiveEnd(assignment, cls);
  return assignment.start <= date && (end === null || date <= end);
}

/**
 * A day as the overdue rule compares days: an ISO date (termWindows) or a day number (the overdue
 * digest's, overdue-digest.ts: dayNumber). Both order as time does, so the rule below is written once
 * for both.
 */
export type Day = IsoDate | number;

/** The overdue rule: a window is met by its required contacts, else overdue after its end, due from its start. */
export function statusOf<D extends Day>(start: D, end: D, required: number, done: number, asOf: D): WindowStatus {
  if (done >= required) return 'met';
  if (end < asOf) return 'overdue';
  if (start <= asOf) return 'due';
  return 'upcoming';
}

export function windowStatus(w: Pick<DutyWindow, 'start' | 'end' | 'required' | 'done'>, asOf: IsoDate): WindowStatus {
  return statusOf(w.start, w.end, w.required, w.done, asOf);
}

/** The last day whose contacts count for a window on `asOf`: its end, or `asOf` while it runs. */
export function countedUpTo<D extends Day>(end: D, asOf: D): D {
  return end < asOf ? end : asOf;
}

/** Days overdue (as-of − end) or days left (end − as-of), by status. */
export function windowDays<D extends Day>(w: { end: D }, status: 'overdue' | 'due', asOf: D): number {
  const [from, to] = status === 'overdue' ? [w.end, asOf] : [asOf, w.end];
  return typeof from === 'number' ? (to as number) - from : daysBetween(from, to as IsoDate);
}

function counted(
  idx: Indexes,
  cadreId: string,
  duty: Duty,
  targetIds: readonly string[],
  start: IsoDate,
  end: IsoDate,
  asOf: IsoDate,
): number {
  const to = countedUpTo(end, asOf);
  let n = 0;
  for (const t of targetIds) n += countDatesIn(contactDatesOf(idx, cadreId, duty, t), start, to);
  return n;
}

/** Every owed window of one assignment in one term. */
export function assignmentWindows(
  assignment: Assignment,
  cls: ClassGroup,
  rules: DutyRules,
  term: Term,
  idx: Indexes,
  asOf: IsoDate,
): DutyWindow[] {
  const activeEnd = effectiveEnd(assignment, cls);
  const start = maxDate(assignment.start, term.start);
  const end = activeEnd === null ? term.end : minDate(activeEnd, term.end);
  if (start > end) return [];
  const owed = (s: IsoDate, e: IsoDate) => spanDays(s, e) >= rules.minWindowDays;
  const out: DutyWindow[] = [];
  const make = (duty: Duty, targetIds: string[], s: IsoDate, e: IsoDate, required: number): DutyWindow => ({
    assignment,
    cadreId: assignment.cadreId,
    collegeId: cls.collegeId,
    duty,
    targetIds,
    start: s,
    end: e,
    required,
    done: counted(idx, assignment.cadreId, duty, targetIds, s, e, asOf),
  });

  if (rules.classPerTerm > 0 && owed(start, end)) out.push(make('class', [cls.id], start, end, rules.classPerTerm));

  const months = monthSlices(start, end).filter((m) => owed(m.start, m.end));
  if (rules.dormPerMonth > 0 && assignment.dormIds.length > 0) {
    for (const m of months) {
      if (rules.dormScope === 'any')
        out.push(make('dorm', [...assignment.dormIds], m.start, m.end, rules.dormPerMonth));
      else for (const d of assignment.dormIds) out.push(make('dorm', [d], m.start, m.end, rules.dormPerMonth));
    }
  }
  if (rules.studentPerMonth > 0) {
    for (const m of months) {
      for (const s of assignment.studentIds) out.push(make('student', [s], m.start, m.end, rules.studentPerMonth));
    }
  }
  return out;
}

/** Every owed window of every assignment in the term, with contacts counted up to `asOf`. */
export function termWindows(data: Datastore, idx: Indexes, term: Term, asOf: IsoDate): DutyWindow[] {
  const out: DutyWindow[] = [];
  for (const assignment of data.assignments) {
    const cls = idx.classById.get(assignment.classId);
    if (!cls) continue;
    const windows = assignmentWindows(assignment, cls, rulesFor(data.settings, cls.collegeId), term, idx, asOf);
    for (const w of windows) out.push(w);
  }
  return out;
}
