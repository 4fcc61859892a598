// Add and edit forms for 班级, 寝室 and 困难生, saved through the 保存班级/寝室/困难生 operations: an
// edit sends only the fields it changed, with the values it showed (a field changed underneath is refused).
import { useState } from 'react';
import { dormKey } from '../../domain/indexes.js';
import { type ClassGroup, type Dorm, type Student } from '../../domain/schema.js';
import { STUDENT_CATEGORIES } from '../../domain/vocabulary.js';
import type { Operation } from '../../operations/operation.js';
import {
  recordEdit,
  saveClassOperation,
  saveDormOperation,
  saveStudentOperation,
  type SaveRecordInput,
} from '../../operations/save-record.js';
import type { FieldSpec, FormValues } from '../components/form.js';
import { RecordForm } from '../components/record-form.js';
import { useUi } from '../ui-context.js';

type Fields = Record<string, string | string[]>;
/** A field as a form types it; its label is the operation's. */
type Unlabelled = { [K in FieldSpec['kind']]: Omit<Extract<FieldSpec, { kind: K }>, 'label'> }[FieldSpec['kind']];

/** A roster form: `fields` say how each is typed, the operation's kind gives values and labels. */
function RosterForm<R extends { id: string }, F extends Fields>(props: {
  op: Operation<SaveRecordInput<F>, unknown> & {
    kind: { fieldsOf: (r: R | null, ...rest: never[]) => F; labels: Partial<Record<string, string>> };
  };
  record: R | null;
  title: string;
  fields: Unlabelled[];
  onDone: () => void;
}) {
  const { data, idx, run } = useUi();
  const fieldsOf = props.op.kind.fieldsOf as (r: R | null, d: typeof data, i: typeof idx) => F;
  const [initial] = useState(() => fieldsOf(props.record, data, idx));
  return (
    <RecordForm
      title={props.record === null ? `新增${props.title}` : `编辑${props.title}`}
      fields={props.fields.map((f): FieldSpec => ({ ...f, label: props.op.kind.labels[f.key] ?? f.key }))}
      initial={initial as FormValues}
      onDone={props.onDone}
      save={(values) => run(props.op, recordEdit(props.record?.id ?? null, initial, values as F))}
    />
  );
}

const text = (key: string, placeholder?: string): Unlabelled => ({ key, kind: 'text', placeholder });

export function ClassForm({ cls, onDone }: { cls: ClassGroup | null; onDone: () => void }) {
  const { data } = useUi();
  return (
    <RosterForm
      op={saveClassOperation}
      record={cls}
      title={cls ? `班级 ${cls.name}` : '班级'}
      onDone={onDone}
      fields={[
        { key: 'collegeId', kind: 'choice', options: data.colleges.map((c) => ({ value: c.id, label: c.name })) },
        text('name'),
        text('enrollYear', '如 2025'),
        text('graduationDate', 'YYYY-MM-DD，可空'),
        text('headTeacher'),
        text('headTeacherPhone'),
        text('counselor'),
        text('counselorPhone'),
      ]}
    />
  );
}

export function DormForm({ dorm, onDone }: { dorm: Dorm | null; onDone: () => void }) {
  return (
    <RosterForm
      op={saveDormOperation}
      record={dorm}
      title={dorm ? `寝室 ${dormKey(dorm)}` : '寝室'}
      onDone={onDone}
      fields={[
        text('building', '如 7号楼'),
        text('number', '如 301'),
        text('classNames', '班级名称，混合寝室用、分隔'),
        text('leader'),
        text('size'),
        text('note'),
      ]}
    />
  );
}

export function StudentForm({ student, onDone }: { student: Student | null; onDone: () => void }) {
  return (
    <RosterForm
      op={saveStudentOperation}
      record={student}
      title={student ? `困难生 ${student.name}` : '困难生'}
      onDone={onDone}
      fields={[
        text('studentNo'),
        text('name'),
        text('className', '班级名称'),
        text('dorm', '楼-号，如 7号楼-301，可空'),
        { key: 'categories', kind: 'multi', options: STUDENT_CATEGORIES.map((c) => ({ value: c, label: c })) },
        text('contact'),
      ]}
    />
  );
}
