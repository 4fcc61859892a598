// Add and edit forms for 班级, 寝室 and 困难生, saved through the roster-edit domain functions.
import { dormKey } from '../../domain/indexes.js';
import { saveClass, saveDorm, saveStudent } from '../../domain/roster-edit.js';
import { STUDENT_CATEGORIES, type ClassGroup, type Dorm, type Student, type StudentCategory } from '../../domain/schema.js';
import type { FieldSpec, FormValues } from '../components/form.js';
import { RecordForm } from '../components/record-form.js';
import { useUi } from '../ui-context.js';

const text = (key: string, label: string, placeholder?: string): FieldSpec => ({ key, label, kind: 'text', placeholder });
const str = (v: FormValues, key: string) => String(v[key] ?? '');

export function ClassForm({ cls, onDone }: { cls: ClassGroup | null; onDone: () => void }) {
  const { data, apply, context } = useUi();
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
    <RecordForm
      title={cls ? `编辑班级 ${cls.name}` : '新增班级'}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(v) =>
        apply(
          (d) =>
            saveClass(
              d,
              cls?.id ?? null,
              {
                collegeId: str(v, 'collegeId'),
                name: str(v, 'name'),
                enrollYear: str(v, 'enrollYear'),
                graduationDate: str(v, 'graduationDate'),
                headTeacher: str(v, 'headTeacher'),
                headTeacherPhone: str(v, 'headTeacherPhone'),
                counselor: str(v, 'counselor'),
                counselorPhone: str(v, 'counselorPhone'),
              },
              context(),
            ),
          cls ? '界面:编辑班级' : '界面:新增班级',
          (c) => `已保存班级 ${c.name}`,
        )
      }
    />
  );
}

export function DormForm({ dorm, onDone }: { dorm: Dorm | null; onDone: () => void }) {
  const { idx, apply, context } = useUi();
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
    <RecordForm
      title={dorm ? `编辑寝室 ${dormKey(dorm)}` : '新增寝室'}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(v) =>
        apply(
          (d) =>
            saveDorm(
              d,
              dorm?.id ?? null,
              { building: str(v, 'building'), number: str(v, 'number'), classNames: str(v, 'classNames'), leader: str(v, 'leader'), size: str(v, 'size'), note: str(v, 'note') },
              context(),
            ),
          dorm ? '界面:编辑寝室' : '界面:新增寝室',
          (r) => `已保存寝室 ${dormKey(r)}`,
        )
      }
    />
  );
}

export function StudentForm({ student, onDone }: { student: Student | null; onDone: () => void }) {
  const { idx, apply, context } = useUi();
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
    <RecordForm
      title={student ? `编辑困难生 ${student.name}` : '新增困难生'}
      fields={fields}
      initial={initial}
      onDone={onDone}
      save={(v) =>
        apply(
          (d) =>
            saveStudent(
              d,
              student?.id ?? null,
              {
                studentNo: str(v, 'studentNo'),
                name: str(v, 'name'),
                className: str(v, 'className'),
                dorm: str(v, 'dorm'),
                categories: (v['categories'] as StudentCategory[] | undefined) ?? [],
                contact: str(v, 'contact'),
              },
              context(),
            ),
          student ? '界面:编辑困难生' : '界面:新增困难生',
          (s) => `已保存困难生 ${s.studentNo} ${s.name}`,
        )
      }
    />
  );
}
