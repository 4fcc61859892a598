// Closing a hole of the grid: a 困难生 no assignment holds joins the assignment of her class's cadre
// (as the roster import adds her), refused when her class has no cadre or another assignment holds her.
import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import type { Indexes } from './indexes.js';
import { assignmentConflicts } from './invariants.js';
import { studentLabel } from './labels.js';
import type { Assignment, Datastore, Student } from './schema.js';
import { isActiveOn } from './windows.js';

export function coverStudent(
  data: Datastore,
  idx: Indexes,
  studentId: string,
  date: IsoDate,
): { assignment: Assignment; student: Student } {
  const student = idx.studentById.get(studentId);
  if (!student) throw new UserError('找不到该困难生：可能已被其他人删除，请返回列表重试');
  const cls = idx.classById.get(student.classId);
  const assignment = data.assignments.find((a) => a.classId === student.classId && isActiveOn(a, cls, date));
  if (!assignment) throw new UserError(`${cls?.name ?? ''} 在 ${date} 没有联系干部：请先在“分配”中为该班分配干部`);
  if (assignment.studentIds.includes(studentId))
    throw new UserError(`${studentLabel(student)} 已在该班联系干部的分配中`);
  const candidate = { ...assignment, studentIds: [...assignment.studentIds, studentId] };
  const problems = assignmentConflicts(idx, data.assignments, candidate);
  if (problems.length > 0) throw new UserError(problems[0]!.text);
  assignment.studentIds.push(studentId);
  return { assignment, student };
}
