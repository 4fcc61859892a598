// 困难生: the searchable list (姓名, 学号, 拼音首字母); Enter shows the student, who is in contact and the talks;
// a adds, e edits.
import { dormKey } from '../../domain/indexes.js';
import { safeText } from '../../domain/safe-text.js';
import type { Student } from '../../domain/schema.js';
import { RecordListScreen } from '../components/record-list-screen.js';
import { TargetDetail } from '../components/target-detail.js';
import { StudentForm } from './roster-forms.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';

export function StudentListScreen() {
  const { data, idx } = useUi();
  const dormOf = (s: Student) => {
    const d = s.dormId ? idx.dormById.get(s.dormId) : undefined;
    return d ? dormKey(d) : '';
  };
  return (
    <RecordListScreen
      title="困难生"
      items={data.students}
      find={(id) => idx.studentById.get(id)}
      search={(s) => ({ names: [s.name], codes: [s.studentNo] })}
      row={(s) => ({
        学号: safeText(s.studentNo),
        姓名: safeText(s.name),
        班级: safeText(idx.classById.get(s.classId)?.name ?? ''),
        寝室: safeText(dormOf(s)),
        类别: s.categories.join('、'),
      })}
      lastContact="student"
      detail={(s, commands) => <StudentDetail student={s} commands={commands} />}
      form={(s, done) => <StudentForm student={s} onDone={done} />}
    />
  );
}

function StudentDetail({ student, commands }: { student: Student; commands: CommandName[] }) {
  const { idx } = useUi();
  return (
    <TargetDetail
      commands={commands}
      duty="student"
      targetId={student.id}
      header={
        <>
          {safeText(student.studentNo)} {safeText(student.name)} ·{' '}
          {safeText(idx.classById.get(student.classId)?.name ?? '')} · {student.categories.join('、')} · 联系方式{' '}
          {safeText(student.contact) || '—'}
        </>
      }
    />
  );
}
