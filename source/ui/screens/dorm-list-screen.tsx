// 寝室: the searchable list; Enter shows the dorm, its classes, the assignment holding it and its visits;
// a adds, e edits.
import { dormKey } from '../../domain/indexes.js';
import { safeText } from '../../domain/safe-text.js';
import type { Dorm } from '../../domain/schema.js';
import { RecordListScreen } from '../components/record-list-screen.js';
import { TargetDetail } from '../components/target-detail.js';
import { DormForm } from './roster-forms.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';

export function DormListScreen() {
  const { data, idx } = useUi();
  const classNames = (d: Dorm) => d.classIds.map((c) => idx.classById.get(c)?.name ?? '').join('、');
  return (
    <RecordListScreen
      title="寝室"
      items={data.dorms}
      find={(id) => idx.dormById.get(id)}
      search={(d) => ({ names: [d.leader, classNames(d)], codes: [dormKey(d)] })}
      row={(d) => ({
        寝室: safeText(dormKey(d)),
        班级: safeText(classNames(d)),
        寝室长: safeText(d.leader),
        人数: d.size ?? '',
        备注: safeText(d.note),
      })}
      lastContact="dorm"
      detail={(d, commands) => <DormDetail dorm={d} commands={commands} />}
      form={(d, done) => <DormForm dorm={d} onDone={done} />}
    />
  );
}

function DormDetail({ dorm, commands }: { dorm: Dorm; commands: CommandName[] }) {
  const { idx } = useUi();
  return (
    <TargetDetail
      commands={commands}
      duty="dorm"
      targetId={dorm.id}
      header={
        <>
          {safeText(dormKey(dorm))} · 班级{' '}
          {safeText(dorm.classIds.map((c) => idx.classById.get(c)?.name ?? '').join('、'))} · 寝室长{' '}
          {safeText(dorm.leader)} · {dorm.size ?? '—'} 人{dorm.classIds.length > 1 ? ' · 混合寝室' : ''}{' '}
          {safeText(dorm.note)}
        </>
      }
    />
  );
}
