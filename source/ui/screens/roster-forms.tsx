// Add and edit forms for 班级, 寝室 and 困难生, saved through the roster-edit domain functions.
import type { ChangeContext } from '../../domain/context.js';
import { dormKey } from '../../domain/indexes.js';
import { saveClass, saveDorm, saveStudent } from '../../domain/roster-edit.js';
import { STUDENT_CATEGORIES, type ClassGroup, type Datastore, type Dorm, type Student, type StudentCategory } from '../../domain/schema.js';
import type { FieldSpec, FormValues } from '../components/form.js';
import { RecordForm } from '../components/record-form.js';
import { useUi } from '../ui-context.js';

const text = (key: string, label: string, placeholder?: string): FieldSpec => ({ key, label, kind: 'text', placeholder });

/** The typed text of the named fields, as the roster-edit functions take them. */
function texts<K extends string>(v: FormValues, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, String(v[k] ?? '')])) as Record<K, string>;
}

/** A form whose save runs `save` as one change, journalled as 界面:新增/编辑 + the record's kind. */
function RosterForm<R>(props: {
  kind: string;
  editing: string | null;
  fields: FieldSpec[];
  initial: FormValues;
  save: (data: Datastore, values: FormValues, ctx: ChangeContext) => R;
  saved: (record: R) => string;
  onDone: () => void;
}) {
  const { apply, context } = useUi();
  return (
    <RecordForm
      title={props.editing === null ? `新增${props.kind}` : `编辑${props.kind} ${props.editing}`}
      fields={props.fields}
      initial={props.initial}
      onDone={props.onDone}
      save={(v) => apply((d) => props.save(d, v, context()), `界面:${props.editing === null ? '新增' : '编辑'}${props.kind}`, props.saved)}
    />
  );
}

const CLASS_TEXTS = ['name', 'enrollYear', 'graduationDate', 'headTeacher', 'headTeacherPhone', 'counselor', 'counselorPhone'] as const;

export function ClassForm({ cls, onDone }: { cls: ClassGroup | null; onDone: () => void }) {
  const { data } = useUi();
  const fields: FieldSpec[] = [
    { key: 'collegeId', label: '学院', kind: 'choice', options: data.colleges.map((c) => ({ value: c.id, label: c.name })) },
    text('name', '班级名称'),
    text('enrollYear', '入学年份', '如 2025'),
    text('graduationDate', '毕业日期', 'YYYY-MM-DD，可空'),
    text('headTeacher', '班主任'),
    text('headTeacherPhone', '班主任短号'),
    text('counselor', '辅导员'),
    text('counselorPhone', '辅导员短号'),
  ];
  const initial: FormValues = {
    collegeId: cls?.collegeId ?? data.colleges[0]?.id ?? '',
    name: cls?.name ?? '',
    enrollYear: cls?.enrollYear === null || cls === null ? '' : String(cls.enrollYear),
    graduationDate: cls?.graduationDate ?? '',
    headTeacher: cls?.headTeacher ?? '',
    headTeacherPhone: cls?.headTeacherPhone ?? '',
    counselor: cls?.counselor ?? '',
    counselorPhone: cls?.counselorPhone ?? '',
  };
  return (
    <RosterForm
      kind="班级"
      editing={cls ? cls.name : null}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(d, v, ctx) => saveClass(d, cls?.id ?? null, { collegeId: String(v['collegeId'] ?? ''), ...texts(v, CLASS_TEXTS) }, ctx)}
      saved={(c) => `已保存班级 ${c.name}`}
    />
  );
}

const DORM_TEXTS = ['building', 'number', 'classNames', 'leader', 'size', 'note'] as const;

export function DormForm({ dorm, onDone }: { dorm: Dorm | null; onDone: () => void }) {
  const { idx } = useUi();
  const fields: FieldSpec[] = [
    text('building', '寝室楼', '如 7号楼'),
    text('number', '寝室号', '如 301'),
    text('classNames', '班级', '班级名称，混合寝室用、分隔'),
    text('leader', '寝室长'),
    text('size', '寝室人数'),
    text('note', '备注'),
  ];
  const initial: FormValues = {
    building: dorm?.building ?? '',
    number: dorm?.number ?? '',
    classNames: (dorm?.classIds ?? []).map((c) => idx.classById.get(c)?.name ?? '').join('、'),
    leader: dorm?.leader ?? '',
    size: dorm?.size === null || dorm === null ? '' : String(dorm.size),
    note: dorm?.note ?? '',
  };
  return (
    <RosterForm
      kind="寝室"
      editing={dorm ? dormKey(dorm) : null}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(d, v, ctx) => saveDorm(d, dorm?.id ?? null, texts(v, DORM_TEXTS), ctx)}
      saved={(r) => `已保存寝室 ${dormKey(r)}`}
    />
  );
}

const STUDENT_TEXTS = ['studentNo', 'name', 'className', 'dorm', 'contact'] as const;

export function StudentForm({ student, onDone }: { student: Student | null; onDone: () => void }) {
  const { idx } = useUi();
  const dorm = student?.dormId ? idx.dormById.get(student.dormId) : undefined;
  const fields: FieldSpec[] = [
    text('studentNo', '学号'),
    text('name', '姓名'),
    text('className', '班级', '班级名称'),
    text('dorm', '寝室', '楼-号，如 7号楼-301，可空'),
    { key: 'categories', label: '类别', kind: 'multi', options: STUDENT_CATEGORIES.map((c) => ({ value: c, label: c })) },
    text('contact', '联系方式'),
  ];
  const initial: FormValues = {
    studentNo: student?.studentNo ?? '',
    name: student?.name ?? '',
    className: student ? (idx.classById.get(student.classId)?.name ?? '') : '',
    dorm: dorm ? dormKey(dorm) : '',
    categories: student?.categories ?? [],
    contact: student?.contact ?? '',
  };
  return (
    <RosterForm
      kind="困难生"
      editing={student ? student.name : null}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(d, v, ctx) =>
        saveStudent(d, student?.id ?? null, { ...texts(v, STUDENT_TEXTS), categories: (v['categories'] as StudentCategory[] | undefined) ?? [] }, ctx)
      }
      saved={(s) => `已保存困难生 ${s.studentNo} ${s.name}`}
    />
  );
}
