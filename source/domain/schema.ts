// The datastore's shape: every entity of SPEC.md as a zod schema, the single source of the types. The
// words a field may take, their labels and the fixed values are in vocabulary.ts, which loads without zod;
// the fields all schemas share and the contact's schema are in contact-schema.ts.
import * as z from 'zod';
import { isIsoDate } from './dates.js';
import { contactSchema, DATE_MESSAGE, ID_MAX, TEXT_MAX, TEXT_TOO_LONG } from './contact-schema.js';
import {
  CADRE_CATEGORIES,
  CADRE_STATUSES,
  DEFAULT_RULES,
  DORM_SCOPES,
  END_REASONS,
  LOGIN_PATTERN,
  ROLES,
  SCHEMA_VERSION,
  SSH_KEY_PATTERN,
  STUDENT_CATEGORIES,
} from './vocabulary.js';

export { contactSchema, type Contact } from './contact-schema.js';

export const isoDateSchema = z.string().refine(isIsoDate, { message: DATE_MESSAGE });
const id = z.string().min(1).max(ID_MAX);
const text = z.string().max(TEXT_MAX, TEXT_TOO_LONG);
const name = z.string().trim().min(1, '不能为空').max(100, '过长（最多 100 个字符）');
const phone = z.string().max(50, '过长（最多 50 个字符）');
const count = z.number().int('应为整数').min(0, '不能为负').max(100, '过大（最多 100）');

// Each field's rules are declared once, here: its type and limits (with the message a secretary reads)
// and its label (zod metadata). Forms, the roster import, save messages and `check` all read them.

/** The field with its label, the name forms and messages give it. */
const labelled = <T extends z.ZodType>(schema: T, label: string): T => schema.meta({ label }) as T;

/** The label of an object schema's field (its key when it has none). */
export function fieldLabel(object: { shape: Record<string, z.ZodType> }, key: string): string {
  const field = object.shape[key];
  const label = field ? z.globalRegistry.get(field)?.['label'] : undefined;
  return typeof label === 'string' ? label : key;
}

/** Every field's label of an object schema. */
export function fieldLabels<S extends Record<string, z.ZodType>>(object: {
  shape: S;
}): Record<keyof S & string, string> {
  return Object.fromEntries(Object.keys(object.shape).map((k) => [k, fieldLabel(object, k)])) as Record<
    keyof S & string,
    string
  >;
}

/** A number as typed (a form field, a spreadsheet cell), held to the field's own rules. */
export function typedNumber<T extends z.ZodType<number, number>>(schema: T) {
  return z.coerce.number({ error: '应为数字' }).pipe(schema);
}

export const collegeSchema = z.object({ id, name });

export const cadreSchema = z.object({
  id,
  employeeNo: labelled(z.string().trim().min(1, '不能为空').max(50, '过长（最多 50 个字符）').nullable(), '工号'),
  name: labelled(name, '干部姓名'),
  /** 归属学院: the 二级学院 that arranges the cadre; null = arranged school-wide (公共教学部, 图书馆). */
  collegeId: labelled(id.nullable(), '归属学院'),
  department: labelled(text, '所在部门'),
  title: labelled(text, '职务'),
  politicalStatus: labelled(text, '政治面貌'),
  shortPhone: labelled(phone, '手机短号'),
  officePhone: labelled(phone, '办公电话'),
  category: labelled(z.enum(CADRE_CATEGORIES), '类别'),
  status: labelled(z.enum(CADRE_STATUSES), '状态'),
});

export const classSchema = z.object({
  id,
  collegeId: labelled(id, '学院'),
  name: labelled(name, '班级名称'),
  enrollYear: labelled(
    z
      .number()
      .int('应为整数年份')
      .min(1950, '年份过早（应在 1950–2100 之间）')
      .max(2100, '年份过晚（应在 1950–2100 之间）')
      .nullable(),
    '入学年份',
  ),
  graduationDate: labelled(isoDateSchema.nullable(), '毕业日期'),
  headTeacher: labelled(text, '班主任'),
  headTeacherPhone: labelled(phone, '班主任短号'),
  counselor: labelled(text, '辅导员'),
  counselorPhone: labelled(phone, '辅导员短号'),
});

// Limits made stricter after data was saved under the old ones: phones were held to 2000 characters
// and 入学年份 to 1900–2200. A datastore is read with the old limits (storedCadreSchema,
// storedClassSchema), so such a value is kept, never refused as damage; `check` names each one
// (outOfLimitValues) and a form or an import asks for a valid value (cadreSchema, classSchema).
const storedPhone = z.string().max(2000, '过长（最多 2000 个字符）');
const storedYear = z.number().int('应为整数年份').min(1900).max(2200).nullable();
export const storedCadreSchema = cadreSchema.extend({ shortPhone: storedPhone, officePhone: storedPhone });
export const storedClassSchema = classSchema.extend({
  enrollYear: storedYear,
  headTeacherPhone: storedPhone,
  counselorPhone: storedPhone,
});

export const dormSchema = z.object({
  id,
  building: labelled(name, '寝室楼'),
  number: labelled(name, '寝室号'),
  /** The classes living there; more than one makes it a 混合寝室. */
  classIds: labelled(z.array(id), '班级'),
  leader: labelled(text, '寝室长'),
  size: labelled(count.nullable(), '寝室人数'),
  note: labelled(text, '备注'),
});

export const studentSchema = z.object({
  id,
  studentNo: labelled(name, '学号'),
  name: labelled(name, '姓名'),
  classId: labelled(id, '班级'),
  dormId: labelled(id.nullable(), '寝室'),
  categories: labelled(z.array(z.enum(STUDENT_CATEGORIES)).min(1, '至少一个类别'), '类别'),
  contact: labelled(text, '联系方式'),
});

export const assignmentSchema = z.object({
  id,
  cadreId: id,
  classId: id,
  /** Resolved when the assignment is made: the class's dorms, or the ones chosen. */
  dormIds: z.array(id),
  studentIds: z.array(id),
  start: isoDateSchema,
  /** Last active day, inclusive; null while open-ended. */
  end: isoDateSchema.nullable(),
  endReason: z.enum(END_REASONS).nullable(),
});

export const termSchema = z.object({
  name: labelled(name, '学期名称'),
  start: labelled(isoDateSchema, '开始日期'),
  end: labelled(isoDateSchema, '结束日期'),
});

export const dutyRulesSchema = z.object({
  classPerTerm: labelled(count, '班级每学期次数'),
  dormPerMonth: labelled(count, '寝室每月次数'),
  dormScope: labelled(z.enum(DORM_SCOPES), '寝室范围'),
  studentPerMonth: labelled(count, '困难生每月次数'),
  minWindowDays: labelled(z.number().int('应为整数').min(1, '至少 1 天').max(366, '过大（最多 366）'), '最短窗口天数'),
});

/** A college's group robot (企业微信/钉钉, issue 25): its address and 加签 secret are secrets (robots.ts masks them). */
export const robotSchema = z.object({
  url: z.string().min(1).max(2000),
  secret: z.string().min(1).max(200).nullable(),
  /** The 催办 sent to it: the date and the content's SHA-256, newest last. */
  sent: z.array(z.object({ date: isoDateSchema, hash: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export const settingsSchema = z.object({
  schoolName: name,
  terms: z.array(termSchema),
  rules: z.object({
    defaults: dutyRulesSchema,
    /** Overrides by college id ("具体考核细则由二级学院制定"). */
    colleges: z.record(z.string(), dutyRulesSchema.partial()),
  }),
  /** By college id; absent in files written before robots (read as none). */
  robots: z.record(z.string(), robotSchema).optional(),
});

export const userSchema = z.object({
  id,
  login: z.string().regex(LOGIN_PATTERN, '登录名应为小写字母、数字、_ 或 -，以字母或 _ 开头，最多 32 个字符'),
  name,
  role: z.enum(ROLES),
  /** The 二级学院 a `college` user works for; a `viewer` sees these only (none: every college); empty for `school`. */
  collegeIds: z.array(id),
  keys: z.array(z.string().regex(SSH_KEY_PATTERN, 'SSH 公钥格式无效')),
});

export const datastoreSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: settingsSchema,
  colleges: z.array(collegeSchema),
  cadres: z.array(storedCadreSchema),
  classes: z.array(storedClassSchema),
  dorms: z.array(dormSchema),
  students: z.array(studentSchema),
  assignments: z.array(assignmentSchema),
  contacts: z.array(contactSchema),
  /** The secretaries who may use this datastore through the service account (issue 14). */
  users: z.array(userSchema),
});

export type User = z.infer<typeof userSchema>;
export type College = z.infer<typeof collegeSchema>;
export type Cadre = z.infer<typeof cadreSchema>;
export type ClassGroup = z.infer<typeof classSchema>;
export type Dorm = z.infer<typeof dormSchema>;
export type Student = z.infer<typeof studentSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Term = z.infer<typeof termSchema>;
export type DutyRules = z.infer<typeof dutyRulesSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Robot = z.infer<typeof robotSchema>;
export type Datastore = z.infer<typeof datastoreSchema>;

export function emptyDatastore(schoolName: string, terms: Term[] = []): Datastore {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { schoolName, terms, rules: { defaults: { ...DEFAULT_RULES }, colleges: {} } },
    colleges: [],
    cadres: [],
    classes: [],
    dorms: [],
    students: [],
    assignments: [],
    contacts: [],
    users: [],
  };
}
