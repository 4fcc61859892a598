// Closing a hole of the grid: a 困难生 or a dorm no assignment holds joins the assignment of her (its)
// class's cadre (as the roster import adds her), refused when the class has no cadre or another
// assignment holds it. A dorm shared by classes joins the assignment that started first.
import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import { dormKey, type Indexes } from './indexes.js';
import { assignmentConflicts } from './invariants.js';
import { studentLabel } from './labels.js';
import type { Assignment, Datastore, Dorm, Student } from './schema.js';
import { isActiveOn } from './windows.js';

/** The list `key` of the assignment of one of `classIds` active on `date`, with `id` added. */
function joinHolder(
  data: Datastore,
  idx: Indexes,
  classIds: readonly string[],
  date: IsoDate,
  key: 'dormIds' | 'studentIds',
  id: string,
  what: string,
): Assignment {
  const holders = data.assignments
    .filter((a) => classIds.includes(a.classId) && isActiveOn(a, idx.classById.get(a.classId), date))
    .sort((a, b) => a.start.localeCompare(b.start));
  const assignment = holders[0];
  const classes = classIds.map((c) => idx.classById.get(c)?.name ?? '').join('、');
  if (!assignment) throw new UserError(`${classes} 在 ${date} 没有联系干部：请先在“分配”中为该班分配干部`);
  if (assignment[key].includes(id)) throw new UserError(`${what} 已在该班联系干部的分配中`);
  const problems = assignmentConflicts(idx, data.assignments, { ...assignment, [key]: [...assignment[key], id] });
  if (problems.length > 0) throw new UserError(problems[0]!.text);
  assignment[key].push(id);
  return assignment;
}

export function coverStudent(
  data: Datastore,
  idx: Indexes,
  studentId: string,
  date: IsoDate,
): { assignment: Assignment; student: Student } {
  const student = idx.studentById.get(studentId);
  if (!student) throw new UserError('找不到该困难生：可能已被其他人删除，请返回列表重试');
  const assignment = joinHolder(data, idx, [student.classId], date, 'studentIds', studentId, studentLabel(student));
  return { assignment, student };
}

export function coverDorm(
  data: Datastore,
  idx: Indexes,
  dormId: string,
  date: IsoDate,
): { assignment: Assignment; dorm: Dorm } {
  const dorm = idx.dormById.get(dormId);
  if (!dorm) throw new UserError('找不到该寝室：可能已被其他人删除，请返回列表重试');
  const assignment = joinHolder(data, idx, dorm.classIds, date, 'dormIds', dormId, `寝室 ${dormKey(dorm)}`);
  return { assignment, dorm };
}
