// SPEC's invariants: checked by every mutation before it applies, and over a whole datastore by `check`
// and after an import.
import { dormKey, type Indexes } from './indexes.js';
import { cadreLabel, studentLabel, targetLabel } from './labels.js';
import type { Assignment, Contact, Datastore } from './schema.js';
import { termProblems } from './terms.js';
import { effectiveEnd, isActiveOn } from './windows.js';
import type { IsoDate } from './dates.js';

function overlaps(aStart: IsoDate, aEnd: IsoDate | null, bStart: IsoDate, bEnd: IsoDate | null): boolean {
  return (bEnd === null || aStart <= bEnd) && (aEnd === null || bStart <= aEnd);
}

function periodText(start: IsoDate, end: IsoDate | null): string {
  return `${start} 至 ${end ?? '今后'}`;
}

/** Do two assignments share an active day (their ends clipped at their classes' graduation)? */
export function assignmentsOverlap(idx: Indexes, a: Assignment, b: Assignment): boolean {
  return overlaps(
    a.start,
    effectiveEnd(a, idx.classById.get(a.classId)),
    b.start,
    effectiveEnd(b, idx.classById.get(b.classId)),
  );
}

/** A broken invariant: its line, and the records it is about (those whose change could have broken it). */
export interface Problem {
  text: string;
  about: readonly object[];
}

/**
 * Why `candidate` cannot stand beside the other assignments: a cadre with two active assignments,
 * a class with two cadres, a dorm or student in two assignments at once, dorms not of its class.
 */
export function assignmentConflicts(
  idx: Indexes,
  assignments: readonly Assignment[],
  candidate: Assignment,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (text: string, ...about: Array<object | undefined>) =>
    problems.push({ text, about: [candidate, ...about.filter((r) => r !== undefined)] });
  const cadre = idx.cadreById.get(candidate.cadreId);
  const cls = idx.classById.get(candidate.classId);
  if (!cadre) problem(`联系分配 ${candidate.id} 引用了不存在的干部`);
  if (!cls) problem(`联系分配 ${candidate.id} 引用了不存在的班级`);
  if (!cadre || !cls) return problems;
  const candEnd = effectiveEnd(candidate, cls);
  if (candidate.end !== null && candidate.end < candidate.start) {
    problem(`${cadre.name} 联系 ${cls.name} 的结束日期 ${candidate.end} 早于开始日期 ${candidate.start}`);
  }
  for (const dormId of candidate.dormIds) {
    const dorm = idx.dormById.get(dormId);
    if (!dorm) problem(`联系分配引用了不存在的寝室 ${dormId}`);
    // Said of the assignment too: a roster or form that moved the dorm to another class meets it here.
    else if (!dorm.classIds.includes(cls.id))
      problem(
        `寝室 ${dormKey(dorm)} 不属于班级 ${cls.name}，却在 ${cadreLabel(cadre)} 联系 ${cls.name} 的分配（${periodText(candidate.start, candEnd)}）中：分配只能包括本班的寝室，改寝室的班级前先结束或移交该分配`,
        dorm,
      );
  }
  for (const studentId of candidate.studentIds) {
    if (!idx.studentById.has(studentId)) problem(`联系分配引用了不存在的困难生 ${studentId}`);
  }
  for (const other of assignments) {
    if (other.id === candidate.id || !assignmentsOverlap(idx, candidate, other)) continue;
    const otherCadre = idx.cadreById.get(other.cadreId);
    const otherClass = idx.classById.get(other.classId);
    const otherWho = `${otherCadre?.name ?? other.cadreId} 联系 ${otherClass?.name ?? other.classId}（${periodText(other.start, effectiveEnd(other, otherClass))}）`;
    // Each class's graduation clips its assignment's period: a changed 毕业日期 can make the two overlap.
    const overlap = (text: string) => problem(text, other, cls, otherClass);
    if (other.cadreId === candidate.cadreId) {
      overlap(
        `${cadreLabel(cadre)} 在 ${periodText(candidate.start, candEnd)} 已有联系分配：${otherWho}；请先结束原分配（end）或改用 reassign`,
      );
    }
    if (other.classId === candidate.classId) {
      overlap(`班级 ${cls.name} 在同一时期已由其他干部联系：${otherWho}；请改用 reassign 移交`);
    }
    for (const dormId of candidate.dormIds) {
      if (other.dormIds.includes(dormId)) {
        const dorm = idx.dormById.get(dormId);
        overlap(`寝室 ${dorm ? dormKey(dorm) : dormId} 已在另一联系分配中：${otherWho}`);
      }
    }
    for (const studentId of candidate.studentIds) {
      if (other.studentIds.includes(studentId)) {
        const student = idx.studentById.get(studentId);
        overlap(`困难生 ${student ? studentLabel(student) : studentId} 已在另一联系分配中：${otherWho}`);
      }
    }
  }
  return problems;
}

/** Does the contact target something in an assignment of its cadre active on its date? */
export function contactProblem(
  idx: Indexes,
  contact: Pick<Contact, 'cadreId' | 'duty' | 'targetId' | 'date'>,
): string | null {
  const cadre = idx.cadreById.get(contact.cadreId);
  if (!cadre) return `联系记录引用了不存在的干部 ${contact.cadreId}`;
  const active = (idx.assignmentsByCadre.get(cadre.id) ?? []).filter((a) =>
    isActiveOn(a, idx.classById.get(a.classId), contact.date),
  );
  const target = targetLabel(idx, contact.duty, contact.targetId);
  if (active.length === 0) return `${cadre.name} 在 ${contact.date} 没有有效的联系分配，不能记录对 ${target} 的联系`;
  const covers = active.some((a) =>
    contact.duty === 'class'
      ? a.classId === contact.targetId
      : contact.duty === 'dorm'
        ? a.dormIds.includes(contact.targetId)
        : a.studentIds.includes(contact.targetId),
  );
  if (!covers) return `${target} 不在 ${cadre.name} 于 ${contact.date} 的联系分配中：请检查联系对象或日期`;
  return null;
}

/** The records sharing a key with another, by key. */
function duplicates<T extends object>(items: readonly T[], key: (item: T) => string | null): Array<[string, T[]]> {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), item]);
  }
  return [...byKey].filter(([, same]) => same.length > 1);
}

/** Every broken invariant of a datastore that passed its schema, with the records it is about. */
export function brokenInvariants(data: Datastore, idx: Indexes): Problem[] {
  const problems: Problem[] = [...termProblems(data.settings.terms)];
  const problem = (text: string, ...about: object[]) => problems.push({ text, about });
  for (const [k, same] of duplicates(data.cadres, (c) => c.employeeNo)) problem(`工号 ${k} 重复`, ...same);
  for (const [k, same] of duplicates(data.classes, (c) => c.name)) problem(`班级名称 ${k} 重复`, ...same);
  for (const [k, same] of duplicates(data.dorms, dormKey)) problem(`寝室 ${k} 重复`, ...same);
  for (const [k, same] of duplicates(data.students, (s) => s.studentNo)) problem(`学号 ${k} 重复`, ...same);
  for (const [k, same] of duplicates(data.colleges, (c) => c.name)) problem(`学院 ${k} 重复`, ...same);
  for (const table of [
    data.colleges,
    data.cadres,
    data.classes,
    data.dorms,
    data.students,
    data.assignments,
    data.contacts,
  ] as const) {
    for (const [k, same] of duplicates<{ id: string }>(table, (x) => x.id)) problem(`编号 ${k} 重复`, ...same);
  }
  for (const c of data.cadres) {
    if (c.collegeId !== null && !idx.collegeById.has(c.collegeId)) problem(`干部 ${c.name} 的归属学院不存在`, c);
  }
  for (const c of data.classes) {
    if (!idx.collegeById.has(c.collegeId)) problem(`班级 ${c.name} 的学院不存在`, c);
  }
  for (const d of data.dorms) {
    for (const classId of d.classIds)
      if (!idx.classById.has(classId)) problem(`寝室 ${dormKey(d)} 引用了不存在的班级`, d);
  }
  for (const s of data.students) {
    if (!idx.classById.has(s.classId)) problem(`困难生 ${studentLabel(s)} 的班级不存在`, s);
    if (s.dormId !== null && !idx.dormById.has(s.dormId)) problem(`困难生 ${studentLabel(s)} 的寝室不存在`, s);
  }
  // Each pair once: compare an assignment only with the ones after it.
  const seen: Assignment[] = [];
  for (const a of data.assignments) {
    problems.push(...assignmentConflicts(idx, seen, a));
    seen.push(a);
  }
  for (const c of data.contacts) {
    const why = contactProblem(idx, c);
    if (!why) continue;
    // What a contact needs: an assignment of its cadre covering it, active on its date (its class not graduated).
    const assignments = idx.assignmentsByCadre.get(c.cadreId) ?? [];
    const classes = assignments.map((a) => idx.classById.get(a.classId)).filter((cls) => cls !== undefined);
    problems.push({ text: `联系记录（${c.date}）：${why}`, about: [c, ...assignments, ...classes] });
  }
  return problems;
}

/** Every broken invariant of a datastore that passed its schema, as Chinese lines. */
export function datastoreProblems(data: Datastore, idx: Indexes): string[] {
  return [...new Set(brokenInvariants(data, idx).map((p) => p.text))];
}
