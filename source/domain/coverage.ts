// The grid's holes on a date (issue 26, 三、5 网格化管理): a class in school with no cadre owes nothing and
// so is never overdue, a dorm or 困难生 in no assignment is never visited, a free cadre waits unnoticed.
// Each list here is what no duty report can show; an assignment about to end is where the next hole is.
import { addDays, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { cadreName, collegeName, targetLabel } from './labels.js';
import type { Assignment, Cadre, ClassGroup, Datastore } from './schema.js';
import type { EndReason } from './vocabulary.js';
import { effectiveEnd, isActiveOn } from './windows.js';

/** How far ahead an assignment's end is shown as coming. */
export const ENDING_WITHIN_DAYS = 30;

/** Since when a cadre is free: the day after her last assignment ended, and why it ended. */
export interface FreeSince {
  date: IsoDate;
  reason: EndReason;
}

export interface Coverage {
  asOf: IsoDate;
  /** Classes in school with no cadre. */
  classes: ClassGroup[];
  /** Dorms of a class in school that no active assignment holds. */
  dorms: Array<{ dormId: string; classIds: string[] }>;
  /** 困难生 of a class in school in no active assignment. */
  students: Array<{ studentId: string; classId: string }>;
  /** 在岗 cadres with no active assignment; since null: never assigned (or only from a later day). */
  freeCadres: Array<{ cadre: Cadre; since: FreeSince | null }>;
  /** Active assignments whose last day comes within ENDING_WITHIN_DAYS. */
  ending: Array<{ assignment: Assignment; end: IsoDate; reason: EndReason }>;
}

export function inSchool(cls: ClassGroup, date: IsoDate): boolean {
  return cls.graduationDate === null || date <= cls.graduationDate;
}

/** Why an assignment's last day is its last: the class's graduation when that comes first. */
export function endReasonOf(assignment: Assignment, cls: ClassGroup | undefined): EndReason {
  const graduation = cls?.graduationDate ?? null;
  if (graduation !== null && (assignment.end === null || graduation <= assignment.end)) return '班级毕业';
  return assignment.endReason ?? '调整';
}

/**
 * The holes on `asOf` within `colleges` (null: every college; a cadre arranged school-wide counts only
 * then). A dorm shared with another college's class counts when one of its classes is in `colleges`.
 */
export function coverage(
  data: Datastore,
  idx: Indexes,
  asOf: IsoDate,
  colleges: ReadonlySet<string> | null = null,
): Coverage {
  const within = (collegeId: string | null) =>
    colleges === null ? true : collegeId !== null && colleges.has(collegeId);
  const active = data.assignments.filter((a) => isActiveOn(a, idx.classById.get(a.classId), asOf));
  const heldClasses = new Set(active.map((a) => a.classId));
  const heldDorms = new Set(active.flatMap((a) => a.dormIds));
  const heldStudents = new Set(active.flatMap((a) => a.studentIds));
  const busy = new Set(active.map((a) => a.cadreId));
  const open = (classId: string) => {
    const cls = idx.classById.get(classId);
    return cls !== undefined && inSchool(cls, asOf) && within(cls.collegeId);
  };

  const classes = data.classes.filter((c) => open(c.id) && !heldClasses.has(c.id));
  const dorms = data.dorms
    .filter((d) => !heldDorms.has(d.id) && d.classIds.some(open))
    .map((d) => ({ dormId: d.id, classIds: d.classIds.filter(open) }));
  const students = data.students
    .filter((s) => open(s.classId) && !heldStudents.has(s.id))
    .map((s) => ({ studentId: s.id, classId: s.classId }));

  // A college's cadre counts only where her college is held: a college user's part of the data holds
  // another college's cadre once assigned to her classes, but not where that cadre works now.
  const free = (c: Cadre) =>
    c.status === '在岗' &&
    !busy.has(c.id) &&
    within(c.collegeId) &&
    (c.collegeId === null || idx.collegeById.has(c.collegeId));
  const freeCadres = data.cadres.filter(free).map((cadre) => ({ cadre, since: freeSince(idx, cadre.id, asOf) }));

  const horizon = addDays(asOf, ENDING_WITHIN_DAYS);
  const ending = active.flatMap((assignment) => {
    const cls = idx.classById.get(assignment.classId);
    const end = effectiveEnd(assignment, cls);
    if (end === null || end > horizon || !cls || !within(cls.collegeId)) return [];
    return [{ assignment, end, reason: endReasonOf(assignment, cls) }];
  });
  ending.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  return { asOf, classes, dorms, students, freeCadres, ending };
}

/** The day after the cadre's latest assignment ended before `asOf`, with its reason; null: none ended. */
function freeSince(idx: Indexes, cadreId: string, asOf: IsoDate): FreeSince | null {
  let latest: FreeSince | null = null;
  for (const a of idx.assignmentsByCadre.get(cadreId) ?? []) {
    const cls = idx.classById.get(a.classId);
    const end = effectiveEnd(a, cls);
    if (end === null || end >= asOf) continue;
    const date = addDays(end, 1);
    if (latest === null || date > latest.date) latest = { date, reason: endReasonOf(a, cls) };
  }
  return latest;
}

/** The number of holes (classes, dorms, 困难生 without a cadre) per college id. */
export function holesByCollege(c: Coverage, idx: Indexes): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (collegeId: string | undefined) => {
    if (collegeId !== undefined) counts.set(collegeId, (counts.get(collegeId) ?? 0) + 1);
  };
  for (const cls of c.classes) add(cls.collegeId);
  for (const d of c.dorms)
    for (const college of new Set(d.classIds.map((id) => idx.classById.get(id)?.collegeId))) add(college);
  for (const s of c.students) add(idx.classById.get(s.classId)?.collegeId);
  return counts;
}

/** The holes as `coverage --json` prints them and every list shows them: names, not ids. */
export interface CoverageRows {
  asOf: IsoDate;
  classes: Array<{ class: string; college: string }>;
  dorms: Array<{ dorm: string; classes: string[] }>;
  /** name: 学号 姓名, as overdue names a 困难生. */
  students: Array<{ name: string; class: string }>;
  freeCadres: Array<{ cadre: string; employeeNo: string | null; college: string; since: FreeSince | null }>;
  ending: Array<{ cadre: string; employeeNo: string | null; class: string; end: IsoDate; reason: EndReason }>;
}

export function coverageRows(c: Coverage, idx: Indexes): CoverageRows {
  const className = (id: string) => idx.classById.get(id)?.name ?? id;
  return {
    asOf: c.asOf,
    classes: c.classes.map((cls) => ({ class: cls.name, college: collegeName(idx, cls.collegeId) })),
    dorms: c.dorms.map((d) => ({ dorm: targetLabel(idx, 'dorm', d.dormId), classes: d.classIds.map(className) })),
    students: c.students.map((s) => ({ name: targetLabel(idx, 'student', s.studentId), class: className(s.classId) })),
    freeCadres: c.freeCadres.map(({ cadre, since }) => ({
      cadre: cadreName(idx, cadre),
      employeeNo: cadre.employeeNo,
      college: collegeName(idx, cadre.collegeId),
      since,
    })),
    ending: c.ending.map(({ assignment, end, reason }) => {
      const cadre = idx.cadreById.get(assignment.cadreId);
      return {
        cadre: cadre ? cadreName(idx, cadre) : assignment.cadreId,
        employeeNo: cadre?.employeeNo ?? null,
        class: className(assignment.classId),
        end,
        reason,
      };
    }),
  };
}
