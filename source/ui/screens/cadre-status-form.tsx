// x on a cadre: mark 离职 or 长期请假 from a date; their active assignment ends that day (after y).
import { Box } from 'ink';
import { useState } from 'react';
import { activeAssignment } from '../../domain/contact-targets.js';
import { parseDateInput } from '../../domain/dates.js';
import { markCadreStatus } from '../../domain/roster-edit.js';
import type { Cadre } from '../../domain/schema.js';
import { Confirm } from '../components/confirm.js';
import { Form } from '../components/form.js';
import { useUi } from '../ui-context.js';

type Status = '离职' | '长期请假';

export function CadreStatusForm({ cadre, onDone }: { cadre: Cadre; onDone: () => void }) {
  const { idx, today, apply, say, active } = useUi();
  const [values, setValues] = useState<Record<string, string>>({ status: '离职', date: '' });
  const [confirming, setConfirming] = useState<{ status: Status; date: string } | null>(null);
  if (confirming) {
    const assignment = activeAssignment(idx, cadre.id, confirming.date);
    const cls = assignment ? idx.classById.get(assignment.classId)?.name : undefined;
    return (
      <Confirm
        question={`把 ${cadre.name} 标记为${confirming.status}${cls ? `，并结束其联系分配（${cls}），最后一天 ${confirming.date}` : ''}？`}
        onYes={() =>
          void apply((d) => markCadreStatus(d, cadre.id, confirming.status, confirming.date), '界面:标记干部状态', (s) => s).then(onDone)
        }
        onNo={onDone}
      />
    );
  }
  return (
    <Box flexDirection="column">
      <Form
        title={`标记 ${cadre.name} 的状态`}
        fields={[
          { key: 'status', label: '新状态', kind: 'choice', options: (['离职', '长期请假'] as const).map((s) => ({ value: s, label: s })) },
          { key: 'date', label: '分配最后一天', kind: 'text', placeholder: `今天 ${today}（可写 昨天、-3、11-20）` },
        ]}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: String(value) }))}
        onSubmit={() => {
          const date = parseDateInput(values['date']!, today);
          if (!date) return say(`日期“${values['date']}”无效`, true);
          setConfirming({ status: values['status'] as Status, date });
        }}
        onCancel={onDone}
        active={active}
      />
    </Box>
  );
}
