// Adding and editing roster entries from the UI, with the checks the import makes
// (required names, unique 工号) and status changes that end the assignment they interrupt.
import { endAssignment } from './assignments.js';
import { activeAssignment } from './contact-targets.js';
import type { ChangeContext } from './context.js';
import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import { buildIndexes } from './indexes.js';
import { datastoreProblems } from './invariants.js';
import { findClass, findDorm } from './lookup.js';
import { normalizeName } from './names.js';
import type { z } from 'zod';
import {
  cadreSchema,
  fieldLabel,
  typedNumber,
  classSchema,
  dormSchema,
  studentSchema,
  type Cadre,
  type ClassGroup,
  type Datastore,
  type Dorm,
  type Student,
} from './schema.js';
import { splitList, type StudentCategory } from './vocabulary.js';
import { parseDateValue } from './dates.js';

export type CadreInput = Omit<Cadre, 'id'>;

/** Adds a cadre (id null) or replaces an existing one's fields; returns the saved cadre. */
export function saveCadre(data: Datastore, id: string | null, input: CadreInput, ctx: ChangeContext): Cadre {
  const employeeNo = input.employeeNo?.trim() || null;
  if (employeeNo && data.cadres.some((c) => c.employeeNo === employeeNo && c.id !== id)) {
    throw new UserError(`工号 ${employeeNo} 已被其他干部使用：工号必须唯一`);
  }
  const existing = id === null ? undefined : data.cadres.find((c) => c.id === id);
  if (id !== null && !existing) throw new UserError('找不到该干部：可能已被其他人修改，请返回列表重试');
  if (
    existing &&
    existing.status === '在岗' &&
    input.status !== '在岗' &&
    activeAssignment(buildIndexes(data), existing.id, ctx.today)
  ) {
    throw new UserError(`${existing.name} 有有效的联系分配：请在干部列表按 x 标记${input.status}，以同时结束其分配`);
  }
  const parsed = cadreSchema.safeParse({
    ...input,
    name: normalizeName(input.name),
    employeeNo,
    id: existing?.id ?? ctx.newId('cad'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${fieldLabel(cadreSchema, String(issue.path[0]))}：${issue.message}`);
  }
  if (existing) Object.assign(existing, parsed.data);
  else data.cadres.push(parsed.data);
  return parsed.data;
}

/**
 * Marks a cadre 离职 or 长期请假. When they hold an assignment on `date`, it ends on that day
 * with that reason (endAssignment sets the status); otherwise only the status changes.
 */
export function markCadreStatus(data: Datastore, cadreId: string, status: '离职' | '长期请假', date: IsoDate): string {
  const idx = buildIndexes(data);
  const cadre = data.cadres.find((c) => c.id === cadreId);
  if (!cadre) throw new UserError('找不到该干部');
  const assignment = activeAssignment(idx, cadreId, date);
  if (!assignment) {
    cadre.status = status;
    return `${cadre.name} 已标记为${status}（无有效分配需要结束）`;
  }
  endAssignment(data, { cadreId, date, reason: status }, idx);
  return `${cadre.name} 已标记为${status}，其联系分配（${idx.classById.get(assignment.classId)?.name ?? ''}）于 ${date} 结束`;
}

/** Puts `record` in `table` (replacing the one with its id), then refuses it if it broke an invariant. */
function put<T extends { id: string }>(data: Datastore, table: T[], record: T): T {
  const before = new Set(datastoreProblems(data, buildIndexes(data)));
  const at = table.findIndex((r) => r.id === record.id);
  if (at >= 0) table[at] = record;
  else table.push(record);
  const added = datastoreProblems(data, buildIndexes(data)).filter((p) => !before.has(p));
  if (added.length > 0) throw new UserError(`未保存：${added[0]}`);
  return record;
}

function parsed<T>(
  result:
    { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } },
  schema: { shape: Record<string, z.ZodType> },
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UserError(`${fieldLabel(schema, String(issue.path[0]))}：${issue.message}`);
}

/** A number field as typed ('' is none), held to the schema's rules for it. */
function typedField(
  text: string,
  schema: { shape: Record<string, z.ZodType> },
  key: string,
  rules: z.ZodType<number, number>,
): number | null {
  const t = text.trim();
  if (t === '') return null;
  const r = typedNumber(rules).safeParse(t);
  if (!r.success) throw new UserError(`${fieldLabel(schema, key)}：${r.error.issues[0]?.message ?? '无效'}`);
  return r.data;
}

function existingId(table: ReadonlyArray<{ id: string }>, id: string | null, what: string): void {
  if (id !== null && !table.some((r) => r.id === id))
    throw new UserError(`找不到该${what}：可能已被其他人修改，请返回列表重试`);
}

export interface ClassInput {
  collegeId: string;
  name: string;
  enrollYear: string;
  graduationDate: string;
  headTeacher: string;
  headTeacherPhone: string;
  counselor: string;
  counselorPhone: string;
}

export function saveClass(data: Datastore, id: string | null, input: ClassInput, ctx: ChangeContext): ClassGroup {
  existingId(data.classes, id, '班级');
  const year = input.enrollYear.trim();
  const graduation = input.graduationDate.trim();
  const graduationDate = graduation === '' ? null : parseDateValue(graduation);
  if (graduation !== '' && !graduationDate)
    throw new UserError(`毕业日期“${graduation}”无效：请写成 YYYY-MM-DD，如 2027-06-30`);
  const record = parsed(
    classSchema.safeParse({
      ...input,
      id: id ?? ctx.newId('cls'),
      name: input.name.trim(),
      enrollYear: typedField(year, classSchema, 'enrollYear', classSchema.shape.enrollYear.unwrap()),
      graduationDate,
    }),
    classSchema,
  );
  return put(data, data.classes, record);
}

export interface DormInput {
  building: string;
  number: string;
  /** 班级名称, several joined by 、 or , */
  classNames: string;
  leader: string;
  size: string;
  note: string;
}

export function saveDorm(data: Datastore, id: string | null, input: DormInput, ctx: ChangeContext): Dorm {
  existingId(data.dorms, id, '寝室');
  const idx = buildIndexes(data);
  const names = splitList(input.classNames);
  if (names.length === 0) throw new UserError('班级：至少填写一个住在该寝室的班级');
  const size = input.size.trim();
  const record = parsed(
    dormSchema.safeParse({
      ...input,
      id: id ?? ctx.newId('dorm'),
      building: input.building.trim(),
      number: input.number.trim(),
      classIds: [...new Set(names.map((n) => findClass(idx, n).id))],
      size: typedField(size, dormSchema, 'size', dormSchema.shape.size.unwrap()),
    }),
    dormSchema,
  );
  return put(data, data.dorms, record);
}

export interface StudentInput {
  studentNo: string;
  name: string;
  className: string;
  /** 楼-号, or empty. */
  dorm: string;
  categories: StudentCategory[];
  contact: string;
}

export function saveStudent(data: Datastore, id: string | null, input: StudentInput, ctx: ChangeContext): Student {
  existingId(data.students, id, '困难生');
  const idx = buildIndexes(data);
  const record = parsed(
    studentSchema.safeParse({
      id: id ?? ctx.newId('stu'),
      studentNo: input.studentNo.trim(),
      name: normalizeName(input.name),
      classId: findClass(idx, input.className).id,
      dormId: input.dorm.trim() === '' ? null : findDorm(idx, input.dorm).id,
      categories: input.categories,
      contact: input.contact,
    }),
    studentSchema,
  );
  return put(data, data.students, record);
}
