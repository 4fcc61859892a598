// How an operation's input names a record: as the user typed it (姓名 or 工号, 班级名称, 楼-号, 学号),
// or by id once a screen has picked it. Each operation resolves its own references on the data it changes.
import { UserError } from '../domain/errors.js';
import type { Indexes } from '../domain/indexes.js';
import { findCadre, findClass, findDorm, findStudent, findTarget } from '../domain/lookup.js';
import type { Cadre, ClassGroup, Dorm, Student } from '../domain/schema.js';
import type { Duty } from '../domain/vocabulary.js';

export type Ref = string | { id: string };

const gone = (what: string) => new UserError(`找不到该${what}：可能已被其他人修改，请返回列表重试`);

export function cadreOf(idx: Indexes, ref: Ref): Cadre {
  if (typeof ref === 'string') return findCadre(idx, ref);
  const cadre = idx.cadreById.get(ref.id);
  if (!cadre) throw gone('干部');
  return cadre;
}

export function classOf(idx: Indexes, ref: Ref): ClassGroup {
  if (typeof ref === 'string') return findClass(idx, ref);
  const cls = idx.classById.get(ref.id);
  if (!cls) throw gone('班级');
  return cls;
}

export function dormOf(idx: Indexes, ref: Ref): Dorm {
  if (typeof ref === 'string') return findDorm(idx, ref);
  const dorm = idx.dormById.get(ref.id);
  if (!dorm) throw gone('寝室');
  return dorm;
}

export function studentOf(idx: Indexes, ref: Ref): Student {
  if (typeof ref === 'string') return findStudent(idx, ref);
  const student = idx.studentById.get(ref.id);
  if (!student) throw gone('困难生');
  return student;
}

/** The id of a duty's target: 班级名称, 楼-号 or 学号 by duty, or an id. */
export function targetOf(idx: Indexes, duty: Duty, ref: Ref): string {
  if (typeof ref === 'string') return findTarget(idx, duty, ref);
  if (duty === 'class') return classOf(idx, ref).id;
  if (duty === 'dorm') return dormOf(idx, ref).id;
  return studentOf(idx, ref).id;
}
