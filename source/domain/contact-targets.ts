// What a cadre can be credited with on a date: the duties and targets of the assignment active then.
import type { IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { targetLabel } from './labels.js';
import { type Assignment, type Datastore } from './schema.js';
import { DUTIES, type Duty } from './vocabulary.js';
import { isActiveOn } from './windows.js';

export interface TargetChoice {
  id: string;
  label: string;
}

export interface ContactChoices {
  assignment: Assignment | null;
  /** Only the duties that have a target, in the order 班级, 寝室, 困难生. */
  targets: Partial<Record<Duty, TargetChoice[]>>;
}

/** The assignment the cadre holds on `date`, if any. */
export function activeAssignment(idx: Indexes, cadreId: string, date: IsoDate): Assignment | null {
  return (
    (idx.assignmentsByCadre.get(cadreId) ?? []).find((a) => isActiveOn(a, idx.classById.get(a.classId), date)) ?? null
  );
}

export function contactChoices(idx: Indexes, cadreId: string, date: IsoDate): ContactChoices {
  const assignment = activeAssignment(idx, cadreId, date);
  if (!assignment) return { assignment: null, targets: {} };
  const ids: Record<Duty, string[]> = {
    class: [assignment.classId],
    dorm: assignment.dormIds,
    student: assignment.studentIds,
  };
  const targets: Partial<Record<Duty, TargetChoice[]>> = {};
  for (const duty of DUTIES) {
    if (ids[duty].length > 0) targets[duty] = ids[duty].map((id) => ({ id, label: targetLabel(idx, duty, id) }));
  }
  return { assignment, targets };
}

/** The target ids behind an overdue row's target text (labels joined by 、), unknown labels skipped. */
export function targetIdsOfLabel(idx: Indexes, duty: Duty, text: string): string[] {
  const ids: string[] = [];
  for (const label of text.split('、')) {
    const id =
      duty === 'class'
        ? idx.classByName.get(label)?.id
        : duty === 'dorm'
          ? idx.dormByKey.get(label)?.id
          : idx.studentByNo.get(label.split(' ')[0]!)?.id;
    if (id) ids.push(id);
  }
  return ids;
}

/** The assignment active on `date` that holds the class, dorm or student. */
export function holderOf(
  data: Datastore,
  idx: Indexes,
  duty: Duty,
  targetId: string,
  date: IsoDate,
): Assignment | null {
  const holds = (a: Assignment) =>
    duty === 'class'
      ? a.classId === targetId
      : duty === 'dorm'
        ? a.dormIds.includes(targetId)
        : a.studentIds.includes(targetId);
  return data.assignments.find((a) => holds(a) && isActiveOn(a, idx.classById.get(a.classId), date)) ?? null;
}
