// The three changes of 分配: assign a cadre the class (with dorms and students picked by space),
// hand it to another cadre (reassign), end it (graduation or another reason). Each asks y/n first.
import { Box } from 'ink';
import { useState } from 'react';
import { addDays, parseDateInput } from '../../domain/dates.js';
import { dormKey } from '../../domain/indexes.js';
import { studentLabel } from '../../domain/labels.js';
import { type Assignment, type ClassGroup } from '../../domain/schema.js';
import type { Succession } from '../../domain/succession.js';
import { END_REASONS, TRANSFER_REASONS } from '../../domain/vocabulary.js';
import { assignOperation, endDateDefault, endOperation, reassignOperation } from '../../operations/assignments.js';
import { datePlaceholder } from '../../operations/fields.js';
import { CadreMatches } from '../components/cadre-matches.js';
import { Confirm } from '../components/confirm.js';
import { Form, type FieldSpec, type FormValues } from '../components/form.js';
import { StatusBar } from '../components/status-bar.js';
import { useCadreSearch } from '../hooks/use-cadre-search.js';
import { FORM_COMMANDS } from '../keys.js';
import type { Operation } from '../../operations/operation.js';
import { failureText, useUi } from '../ui-context.js';

export type AssignMode = 'assign' | 'reassign' | 'end';

interface Props {
  mode: AssignMode;
  cls: ClassGroup;
  current: Assignment | null;
  /** Assigning a successor: the date offered, the predecessor's dorms and students ticked. */
  succession?: Succession | null;
  /** Cadres the search lists first (the college's free ones, from 网格). */
  preferred?: readonly string[];
  onDone: () => void;
}

export function AssignForm({ mode, cls, current, succession = null, preferred, onDone }: Props) {
  const { idx, today, run, preview, say } = useUi();
  const search = useCadreSearch(undefined, preferred);
  const dorms = idx.dormsByClass.get(cls.id) ?? [];
  const students = idx.studentsByClass.get(cls.id) ?? [];
  const carried = succession?.predecessor ?? current;
  const [values, setValues] = useState<FormValues>({
    dorms: carried ? carried.dormIds : dorms.map((d) => d.id),
    students: carried ? carried.studentIds : [],
    date: succession?.from ?? '',
    reason: mode === 'end' ? (cls.graduationDate ? '班级毕业' : '调整') : '调整',
  });
  const [pending, setPending] = useState<{ question: string; run: () => Promise<unknown> } | null>(null);
  const reason = String(values['reason']);
  if (pending) {
    return (
      <Confirm question={pending.question} onYes={() => pending.run().then(onDone)} onNo={() => setPending(null)} />
    );
  }
  const dateField: FieldSpec = {
    key: 'date',
    label: mode === 'assign' ? '开始日期' : mode === 'reassign' ? '移交日期' : '最后一天',
    kind: 'text',
    placeholder: datePlaceholder(today, mode === 'end' ? endDateDefault(cls, reason, today) : undefined),
  };
  const cadreField: FieldSpec = {
    key: 'cadre',
    label: mode === 'assign' ? '干部' : '移交给',
    kind: 'text',
    placeholder: '姓名/工号/拼音首字母',
    onLeave: search.settle,
    pick: search.pick,
  };
  const fields: FieldSpec[] =
    mode === 'assign'
      ? [
          cadreField,
          {
            key: 'dorms',
            label: '寝室',
            kind: 'multi',
            options: dorms.map((d) => ({ value: d.id, label: dormKey(d) })),
          },
          {
            key: 'students',
            label: '困难生',
            kind: 'multi',
            options: students.map((s) => ({ value: s.id, label: studentLabel(s) })),
          },
          dateField,
        ]
      : mode === 'reassign'
        ? [
            cadreField,
            {
              key: 'reason',
              label: '原因',
              kind: 'choice',
              options: TRANSFER_REASONS.map((r) => ({ value: r, label: r })),
            },
            dateField,
          ]
        : [
            {
              key: 'reason',
              label: '结束原因',
              kind: 'choice',
              options: END_REASONS.map((r) => ({ value: r, label: r })),
            },
            dateField,
          ];
  // Each change is previewed on the file as it is now: the question says what it will do, or the reason it cannot.
  const confirm = async <I, R>(op: Operation<I, R>, input: I, warning = '') => {
    const previewed = await preview(op, input);
    if (previewed.ok) setPending({ question: warning + previewed.question, run: () => run(op, input) });
    else say(failureText(previewed.error), true);
  };
  // A successor starting later than offered, or without some of the predecessor's students: said before y.
  const uncovered = (start: string, studentIds: string[]) => {
    if (!succession) return '';
    const first = parseDateInput(start, today);
    const gap =
      first && first > succession.from
        ? `${cls.name} 在 ${succession.from} 至 ${addDays(first, -1)} 将没有联系干部。`
        : '';
    const left = succession.predecessor.studentIds
      .filter((id) => !studentIds.includes(id))
      .map((id) => idx.studentById.get(id));
    const dropped =
      left.length > 0
        ? `未勾选的困难生 ${left.map((s) => (s ? studentLabel(s) : '')).join('、')} 将没有联系干部。`
        : '';
    return gap + dropped;
  };
  const submit = () => {
    const date = String(values['date'] ?? '');
    const cadre = search.cadre;
    if (mode !== 'end' && !cadre) return say('请先输入并选择干部', true);
    if (mode === 'assign') {
      const dorms = (values['dorms'] as string[]).map((id) => ({ id }));
      const studentIds = values['students'] as string[];
      const students = studentIds.map((id) => ({ id }));
      return confirm(
        assignOperation,
        { cadre: { id: cadre!.id }, class: { id: cls.id }, dorms, students, start: date },
        uncovered(date, studentIds),
      );
    }
    if (mode === 'reassign')
      return confirm(reassignOperation, { class: { id: cls.id }, to: { id: cadre!.id }, date, reason });
    if (current) return confirm(endOperation, { cadre: { id: current.cadreId }, class: { id: cls.id }, date, reason });
  };
  const title =
    mode === 'assign'
      ? succession
        ? `安排 ${cls.name} 的接任（自 ${succession.from} 起）`
        : `分配 ${cls.name}${preferred?.length ? '（本院空闲干部在前）' : ''}`
      : mode === 'reassign'
        ? `移交 ${cls.name}`
        : `结束 ${cls.name} 的分配`;
  return (
    <Box flexDirection="column">
      <Form
        title={title}
        fields={fields}
        values={{ ...values, cadre: search.query }}
        onChange={(key, value) =>
          key === 'cadre' ? search.setQuery(String(value)) : setValues((v) => ({ ...v, [key]: value }))
        }
        onSubmit={submit}
        onCancel={onDone}
        below={(key) =>
          key === 'cadre' ? <CadreMatches matches={search.matches} chosen={search.cadre} query={search.query} /> : null
        }
      />
      <StatusBar commands={mode === 'assign' ? ['toggle', ...FORM_COMMANDS] : FORM_COMMANDS} typing />
    </Box>
  );
}
