// Finding what the user named (姓名 or 工号, 班级名称, 楼-号, 学号), with messages that say how to fix a miss.
import { UserError } from './errors.js';
import type { Indexes } from './indexes.js';
import { foldSpacesAndParentheses, normalizeName } from './names.js';
import type { Cadre, ClassGroup, College, Dorm, Student } from './schema.js';
import type { Duty } from './vocabulary.js';

/** The records a user names by what she types (姓名 or 工号, 班级名称, 楼-号, 学号). */
export type NamedTable = 'colleges' | 'cadres' | 'classes' | 'dorms' | 'students';

/** Nothing (in the data at hand) is what she typed: for a college user, perhaps another college's record. */
export class NotFoundError extends UserError {
  constructor(
    message: string,
    readonly table: NamedTable,
    readonly typed: string,
  ) {
    super(message);
  }
}

export function findCadre(idx: Indexes, nameOrNo: string): Cadre {
  const key = nameOrNo.trim();
  const byNo = idx.cadreByEmployeeNo.get(key);
  if (byNo) return byNo;
  const byName = idx.cadresByName.get(normalizeName(key)) ?? [];
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    const nos = byName.map((c) => c.employeeNo ?? '无工号').join('、');
    throw new UserError(`有 ${byName.length} 位干部名为“${key}”（工号 ${nos}）：请改用工号指定`);
  }
  throw new NotFoundError(`找不到干部“${key}”：请检查姓名或工号，或先在“干部”表中导入该干部`, 'cadres', key);
}

export function findClass(idx: Indexes, name: string): ClassGroup {
  const cls = idx.classByName.get(name.trim());
  if (!cls)
    throw new NotFoundError(
      `找不到班级“${name.trim()}”${classSuggestion(idx, name) ?? '：请检查班级名称，或先在“班级”表中导入该班级'}`,
      'classes',
      name.trim(),
    );
  return cls;
}

/**
 * `：是否指“国贸241（1）班”？…` when a class's name differs from `name` only in the width of its
 * parentheses or spaces (国贸241(1)班 for 国贸241（1）班); undefined when none does.
 */
export function classSuggestion(idx: Indexes, name: string): string | undefined {
  const folded = foldSpacesAndParentheses(name).trim();
  for (const cls of idx.classByName.values()) {
    if (foldSpacesAndParentheses(cls.name).trim() === folded) return `：是否指“${cls.name}”？（全角、半角不同）`;
  }
  return undefined;
}

export function findCollege(idx: Pick<Indexes, 'collegeByName'>, name: string): College {
  const college = idx.collegeByName.get(name.trim());
  if (!college) {
    const known = [...idx.collegeByName.keys()].join('、') || '（尚无学院）';
    throw new NotFoundError(`找不到学院“${name.trim()}”：已有的学院有 ${known}`, 'colleges', name.trim());
  }
  return college;
}

export function findDorm(idx: Indexes, key: string): Dorm {
  const dorm = idx.dormByKey.get(key.trim());
  if (!dorm)
    throw new NotFoundError(`找不到寝室“${key.trim()}”：请按“寝室楼-寝室号”书写，如 7号楼-301`, 'dorms', key.trim());
  return dorm;
}

export function findStudent(idx: Indexes, studentNo: string): Student {
  const student = idx.studentByNo.get(studentNo.trim());
  if (!student)
    throw new NotFoundError(
      `找不到学号为“${studentNo.trim()}”的困难生：请检查学号，或先在“困难生”表中导入`,
      'students',
      studentNo.trim(),
    );
  return student;
}

/** The target id for a duty from how the user names it: 班级名称, 楼-号 or 学号. */
export function findTarget(idx: Indexes, duty: Duty, text: string): string {
  if (duty === 'class') return findClass(idx, text).id;
  if (duty === 'dorm') return findDorm(idx, text).id;
  return findStudent(idx, text).id;
}

const DUTY_BY_LABEL: Record<string, Duty> = { 班级: 'class', 寝室: 'dorm', 困难生: 'student' };

export function parseDutyLabel(label: string): Duty {
  const duty = DUTY_BY_LABEL[label.trim()];
  if (!duty) throw new UserError(`类型“${label}”无效：应为 班级、寝室 或 困难生`);
  return duty;
}
