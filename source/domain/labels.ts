// How entities are named to the user: in tables, messages, the overdue JSON and the forms.
import { dormKey, type Indexes } from './indexes.js';
import { normalizeName } from './names.js';
import type { Cadre, Student } from './schema.js';
import type { Duty } from './vocabulary.js';

export function studentLabel(s: Pick<Student, 'studentNo' | 'name'>): string {
  return `${s.studentNo} ${s.name}`;
}

export function cadreLabel(c: Pick<Cadre, 'name' | 'employeeNo'>): string {
  return c.employeeNo ? `${c.name}（${c.employeeNo}）` : c.name;
}

/** The cadre's name, with the 工号 when another cadre has the same name: 李明（T002）. */
export function cadreName(idx: Indexes, cadre: Pick<Cadre, 'name' | 'employeeNo'>): string {
  return (idx.cadresByName.get(normalizeName(cadre.name))?.length ?? 0) > 1 ? cadreLabel(cadre) : cadre.name;
}

/** cadreName by id ('' for an unknown id). */
export function cadreNameById(idx: Indexes, cadreId: string): string {
  const cadre = idx.cadreById.get(cadreId);
  return cadre ? cadreName(idx, cadre) : '';
}

/** The target's label as SPEC's overdue JSON shows it: 班级名称 | 寝室楼-寝室号 | 学号 姓名. */
export function targetLabel(idx: Indexes, duty: Duty, targetId: string): string {
  if (duty === 'class') return idx.classById.get(targetId)?.name ?? targetId;
  if (duty === 'dorm') {
    const dorm = idx.dormById.get(targetId);
    return dorm ? dormKey(dorm) : targetId;
  }
  const student = idx.studentById.get(targetId);
  return student ? studentLabel(student) : targetId;
}

export function collegeName(idx: Indexes, collegeId: string | null): string {
  if (collegeId === null) return '全校统筹';
  return idx.collegeById.get(collegeId)?.name ?? collegeId;
}
