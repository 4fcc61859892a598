// The three changes of 分配: assign a cadre the class (with dorms and students picked by space),
// hand it to another cadre (reassign), end it (graduation or another reason). Each asks y/n first.
import { Box } from 'ink';
import { useState } from 'react';
import { assign, endAssignment, reassign } from '../../domain/assignments.js';
import { parseDateInput } from '../../domain/dates.js';
import { dormKey } from '../../domain/indexes.js';
import { studentLabel } from '../../domain/labels.js';
import { END_REASONS, type Assignment, type ClassGroup, type EndReason } from '../../domain/schema.js';
import { CadreMatches } from '../components/cadre-matches.js';
import { Confirm } from '../components/confirm.js';
import { Form, type FieldSpec, type FormValues } from '../components/form.js';
import { StatusBar } from '../components/status-bar.js';
import { useCadreSearch } from '../hooks/use-cadre-search.js';
import { FORM_KEYS } from '../keymap.js';
import { useUi } from '../ui-context.js';

export type AssignMode = 'assign' | 'reassign' | 'end';

interface Props {
  mode: AssignMode;
  cls: ClassGroup;
  current: Assignment | null;
  onDone: () => void;
}

const TRANSFER_REASONS = ['调整', '离职', '长期请假'] as const;

export function AssignForm({ mode, cls, current, onDone }: Props) {
  const { idx, today, apply, say, context, active } = useUi();
  const search = useCadreSearch();
  const dorms = idx.dormsByClass.get(cls.id) ?? [];
  const students = idx.studentsByClass.get(cls.id) ?? [];
  const [values, setValues] = useState<FormValues>({
    dorms: current ? current.dormIds : dorms.map((d) => d.id),
    students: current ? current.studentIds : [],
    date: '',
    reason: mode === 'end' ? (cls.graduationDate ? '班级毕业' : '调整') : '调整',
  });
  const [pending, setPending] = useState<{ question: string; run: () => Promise<unknown> } | null>(null);
  if (pending) {
    return <Confirm question={pending.question} onYes={() => void pending.run().then(onDone)} onNo={() => setPending(null)} />;
  }
  const dateField: FieldSpec = {
    key: 'date',
    label: mode === 'assign' ? '开始日期' : mode === 'reassign' ? '移交日期' : '最后一天',
    kind: 'text',
    placeholder: mode === 'end' && cls.graduationDate && values['reason'] === '班级毕业' ? `毕业日期 ${cls.graduationDate}` : `今天 ${today}（可写 昨天、-3、11-20）`,
  };
  const cadreField: FieldSpec = { key: 'cadre', label: mode === 'assign' ? '干部' : '移交给', kind: 'text', placeholder: '姓名/工号/拼音首字母', onLeave: search.settle };
  const fields: FieldSpec[] =
    mode === 'assign'
      ? [
          cadreField,
          { key: 'dorms', label: '寝室', kind: 'multi', options: dorms.map((d) => ({ value: d.id, label: dormKey(d) })) },
          { key: 'students', label: '困难生', kind: 'multi', options: students.map((s) => ({ value: s.id, label: studentLabel(s) })) },
          dateField,
        ]
      : mode === 'reassign'
        ? [cadreField, { key: 'reason', label: '原因', kind: 'choice', options: TRANSFER_REASONS.map((r) => ({ value: r, label: r })) }, dateField]
        : [{ key: 'reason', label: '结束原因', kind: 'choice', options: END_REASONS.map((r) => ({ value: r, label: r })) }, dateField];
  const submit = () => {
    const fallback = mode === 'end' && cls.graduationDate && values['reason'] === '班级毕业' ? cls.graduationDate : today;
    const dateText = String(values['date'] ?? '');
    const date = dateText.trim() === '' ? fallback : parseDateInput(dateText, today);
    if (!date) return say(`日期“${dateText}”无效：可写 2026-11-20、11-20、昨天 或 -3`, true);
    const cadre = search.cadre;
    if (mode !== 'end' && !cadre) return say('请先输入并选择干部', true);
    const reason = String(values['reason']) as EndReason;
    if (mode === 'assign') {
      const dormIds = values['dorms'] as string[];
      const studentIds = values['students'] as string[];
      setPending({
        question: `把 ${cls.name}（寝室 ${dormIds.length} 间、困难生 ${studentIds.length} 名）分配给 ${cadre!.name}，自 ${date} 起`,
        run: () => apply((d) => assign(d, { cadreId: cadre!.id, classId: cls.id, dormIds, studentIds, start: date }, context()), '界面:分配', () => `已把 ${cls.name} 分配给 ${cadre!.name}`),
      });
    } else if (mode === 'reassign') {
      setPending({
        question: `把 ${cls.name} 自 ${date} 起移交给 ${cadre!.name}（原分配于前一天结束，原因：${reason}）`,
        run: () =>
          apply(
            (d) => reassign(d, { classId: cls.id, toCadreId: cadre!.id, date, reason: reason as (typeof TRANSFER_REASONS)[number] }, context()),
            '界面:移交',
            () => `已把 ${cls.name} 移交给 ${cadre!.name}`,
          ),
      });
    } else if (current) {
      const holder = idx.cadreById.get(current.cadreId)?.name ?? '';
      setPending({
        question: `结束 ${holder} 对 ${cls.name} 的联系分配，最后一天 ${date}，原因：${reason}`,
        run: () => apply((d) => endAssignment(d, { cadreId: current.cadreId, date, reason }), '界面:结束分配', () => `已结束 ${holder} 对 ${cls.name} 的联系分配`),
      });
    }
  };
  const title = mode === 'assign' ? `分配 ${cls.name}` : mode === 'reassign' ? `移交 ${cls.name}` : `结束 ${cls.name} 的分配`;
  return (
    <Box flexDirection="column">
      <Form
        title={title}
        fields={fields}
        values={{ ...values, cadre: search.query }}
        onChange={(key, value) => (key === 'cadre' ? search.setQuery(String(value)) : setValues((v) => ({ ...v, [key]: value })))}
        onSubmit={submit}
        onCancel={onDone}
        active={active}
        below={(key) => (key === 'cadre' ? <CadreMatches matches={search.matches} chosen={search.cadre} query={search.query} /> : null)}
      />
      <StatusBar keys={mode === 'assign' ? `空格 勾选  ${FORM_KEYS}` : FORM_KEYS} typing />
    </Box>
  );
}
