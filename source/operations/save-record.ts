// 保存干部/班级/寝室/困难生: a roster form's save. The form sends only the fields it changed, each with
// the value it showed when opened; the save refuses, naming the other value, when one of those fields
// was changed underneath it (another secretary's edit, an import in another process), and leaves every
// field it did not change as it is now on disk. A set of names (a 混合寝室's classes) is merged instead.
import { isDeepStrictEqual } from 'node:util';
import type { ChangeContext } from '../domain/context.js';
import { UserError } from '../domain/errors.js';
import { buildIndexes, dormKey, type Indexes } from '../domain/indexes.js';
import { saveCadre, saveClass, saveDorm, saveStudent } from '../domain/roster-edit.js';
import { controlCharacterIn, safeText } from '../domain/safe-text.js';
import {
  cadreSchema,
  classSchema,
  dormSchema,
  fieldLabel,
  fieldLabels,
  studentSchema,
  type Cadre,
  type ClassGroup,
  type Datastore,
  type Dorm,
  type Student,
} from '../domain/schema.js';
import { splitList, type CadreCategory, type CadreStatus, type StudentCategory } from '../domain/vocabulary.js';
import { changeOperation, type Operation } from './operation.js';

type FieldValue = string | string[];
type Fields = Record<string, FieldValue>;

export interface SaveRecordInput<F extends Fields> {
  /** The record edited; null adds one. */
  id: string | null;
  /** The fields the user changed, as typed. */
  changed: Partial<F>;
  /** Those fields' values when the form opened. */
  original: Partial<F>;
}

export interface SavedRecord<R> {
  record: R;
  added: boolean;
}

/** What a form sends: for a new record every value; for an edit the fields that differ from `initial`. */
export function recordEdit<F extends Fields>(id: string | null, initial: F, values: F): SaveRecordInput<F> {
  const keys = (Object.keys(values) as Array<keyof F>).filter(
    (k) => id === null || !isDeepStrictEqual(values[k], initial[k]),
  );
  const pick = (from: F) => Object.fromEntries(keys.map((k) => [k, from[k]])) as Partial<F>;
  return { id, changed: pick(values), original: id === null ? {} : pick(initial) };
}

interface RecordKind<R extends { id: string }, F extends Fields> {
  name: string;
  /** 干部, 班级…: in messages. */
  what: string;
  table: (data: Datastore) => R[];
  /** The record's fields as its form shows them (null: a new record's defaults). */
  fieldsOf: (record: R | null, data: Datastore, idx: Indexes) => F;
  labels: Partial<Record<string, string>> & Record<keyof F & string, string>;
  save: (data: Datastore, id: string | null, fields: F, ctx: ChangeContext) => R;
  /** How messages name the record. */
  title: (record: R) => string;
  /**
   * Fields naming a set (a dorm's classes): the names the form added and removed apply to the set as it
   * is now, so the others stay — another's change to them, or a college's classes the form does not show.
   */
  sets?: Array<keyof F & string>;
}

/** `now` with what the form took out of `original` taken out and what it put in put in. */
function mergeSet(now: string, original: string, changed: string): string {
  const [was, wanted] = [new Set(splitList(original)), new Set(splitList(changed))];
  const kept = splitList(now).filter((n) => wanted.has(n) || !was.has(n));
  return [...kept, ...[...wanted].filter((n) => !kept.includes(n))].join('、');
}

const str = (v: FieldValue | undefined) => (Array.isArray(v) ? v.join('、') : (v ?? ''));

const shown = (v: FieldValue | undefined) => safeText(str(v));

/** The fields that may hold line breaks and tabs, as their import columns (备注, 联系方式) may. */
const MULTILINE_FIELDS = new Set(['note', 'contact']);

function saveRecordOperation<R extends { id: string }, F extends Fields>(kind: RecordKind<R, F>) {
  const op = changeOperation<SaveRecordInput<F>, SavedRecord<R>>({
    name: kind.name,
    hints: () => ({ contacts: 'none' }),
    apply(data, input, ctx) {
      const idx = buildIndexes(data);
      const existing = input.id === null ? null : (kind.table(data).find((r) => r.id === input.id) ?? null);
      if (input.id !== null && !existing)
        throw new UserError(`找不到该${kind.what}：可能已被其他人删除，请返回列表重试`);
      for (const key of Object.keys(input.changed) as Array<keyof F & string>) {
        // What import refuses (roster-cells.ts), a form refuses: another secretary's terminal would obey it.
        const control = controlCharacterIn(str(input.changed[key]), MULTILINE_FIELDS.has(key));
        if (control) throw new UserError(`未保存：${kind.labels[key]}含有${control}：请删除不可见字符后再保存`);
      }
      const current = kind.fieldsOf(existing, data, idx);
      const changed: Partial<F> = { ...input.changed };
      if (existing) {
        for (const key of Object.keys(input.changed) as Array<keyof F & string>) {
          const now = current[key];
          if (kind.sets?.includes(key)) {
            changed[key] = mergeSet(str(now), str(input.original[key]), str(input.changed[key])) as F[typeof key];
          } else if (!isDeepStrictEqual(now, input.original[key]) && !isDeepStrictEqual(now, input.changed[key])) {
            throw new UserError(
              `未保存：${kind.labels[key]}已被其他人改为“${shown(now)}”（打开表单时为“${shown(input.original[key])}”）：请按 Esc 返回，重新打开后再修改`,
            );
          }
        }
      }
      const record = kind.save(data, input.id, { ...current, ...changed }, ctx);
      return { record, added: existing === null };
    },
    done: ({ record, added }) => `${added ? '已新增' : '已保存'}${kind.what} ${kind.title(record)}`,
  });
  return Object.assign(op, { kind }) as Operation<SaveRecordInput<F>, SavedRecord<R>> & { kind: RecordKind<R, F> };
}

export type CadreFields = Record<
  | 'name'
  | 'employeeNo'
  | 'department'
  | 'title'
  | 'politicalStatus'
  | 'shortPhone'
  | 'officePhone'
  | 'collegeId'
  | 'category'
  | 'status',
  string
>;

export const saveCadreOperation = saveRecordOperation<Cadre, CadreFields>({
  name: '保存干部',
  what: '干部',
  table: (data) => data.cadres,
  fieldsOf: (c, data) => ({
    name: c?.name ?? '',
    employeeNo: c?.employeeNo ?? '',
    department: c?.department ?? '',
    title: c?.title ?? '',
    politicalStatus: c?.politicalStatus ?? '中共党员',
    shortPhone: c?.shortPhone ?? '',
    officePhone: c?.officePhone ?? '',
    // '' is 全校统筹 (no college).
    collegeId: c ? (c.collegeId ?? '') : (data.colleges[0]?.id ?? ''),
    category: c?.category ?? '普通党员',
    status: c?.status ?? '在岗',
  }),
  labels: fieldLabels(cadreSchema),
  save: (data, id, f, ctx) =>
    saveCadre(
      data,
      id,
      {
        ...f,
        employeeNo: f.employeeNo || null,
        collegeId: f.collegeId || null,
        category: f.category as CadreCategory,
        status: f.status as CadreStatus,
      },
      ctx,
    ),
  title: (c) => c.name,
});

export type ClassFields = Record<
  | 'collegeId'
  | 'name'
  | 'enrollYear'
  | 'graduationDate'
  | 'headTeacher'
  | 'headTeacherPhone'
  | 'counselor'
  | 'counselorPhone',
  string
>;

export const saveClassOperation = saveRecordOperation<ClassGroup, ClassFields>({
  name: '保存班级',
  what: '班级',
  table: (data) => data.classes,
  fieldsOf: (c, data) => ({
    collegeId: c?.collegeId ?? data.colleges[0]?.id ?? '',
    name: c?.name ?? '',
    enrollYear: c?.enrollYear == null ? '' : String(c.enrollYear),
    graduationDate: c?.graduationDate ?? '',
    headTeacher: c?.headTeacher ?? '',
    headTeacherPhone: c?.headTeacherPhone ?? '',
    counselor: c?.counselor ?? '',
    counselorPhone: c?.counselorPhone ?? '',
  }),
  labels: fieldLabels(classSchema),
  save: (data, id, f, ctx) => saveClass(data, id, f, ctx),
  title: (c) => c.name,
});

export type DormFields = Record<'building' | 'number' | 'classNames' | 'leader' | 'size' | 'note', string>;

export const saveDormOperation = saveRecordOperation<Dorm, DormFields>({
  name: '保存寝室',
  what: '寝室',
  table: (data) => data.dorms,
  fieldsOf: (d, _data, idx) => ({
    building: d?.building ?? '',
    number: d?.number ?? '',
    classNames: (d?.classIds ?? []).map((c) => idx.classById.get(c)?.name ?? '').join('、'),
    leader: d?.leader ?? '',
    size: d?.size == null ? '' : String(d.size),
    note: d?.note ?? '',
  }),
  // The form types the classes by name and the dorm as 楼-号: those fields are labelled as the ids they stand for.
  labels: { ...fieldLabels(dormSchema), classNames: fieldLabel(dormSchema, 'classIds') },
  save: (data, id, f, ctx) => saveDorm(data, id, f, ctx),
  title: dormKey,
  sets: ['classNames'],
});

export type StudentFields = Record<'studentNo' | 'name' | 'className' | 'dorm' | 'contact', string> & {
  categories: string[];
};

export const saveStudentOperation = saveRecordOperation<Student, StudentFields>({
  name: '保存困难生',
  what: '困难生',
  table: (data) => data.students,
  fieldsOf: (s, _data, idx) => {
    const dorm = s?.dormId ? idx.dormById.get(s.dormId) : undefined;
    return {
      studentNo: s?.studentNo ?? '',
      name: s?.name ?? '',
      className: s ? (idx.classById.get(s.classId)?.name ?? '') : '',
      dorm: dorm ? dormKey(dorm) : '',
      categories: s?.categories ?? [],
      contact: s?.contact ?? '',
    };
  },
  labels: {
    ...fieldLabels(studentSchema),
    className: fieldLabel(studentSchema, 'classId'),
    dorm: fieldLabel(studentSchema, 'dormId'),
  },
  save: (data, id, f, ctx) =>
    saveStudent(data, id, { ...f, dorm: str(f.dorm), categories: f.categories as StudentCategory[] }, ctx),
  title: (s) => `${s.studentNo} ${s.name}`,
});
