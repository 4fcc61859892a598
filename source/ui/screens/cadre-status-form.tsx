// x on a cadre: mark 离职 or 长期请假 from a date; their active assignment ends that day (after y).
import { Box } from 'ink';
import { useState } from 'react';
import type { Cadre } from '../../domain/schema.js';
import { datePlaceholder } from '../../operations/fields.js';
import {
  ABSENCE_STATUSES,
  markCadreStatusOperation,
  type MarkStatusInput,
} from '../../operations/mark-cadre-status.js';
import { Confirm } from '../components/confirm.js';
import { Form } from '../components/form.js';
import { StatusBar } from '../components/status-bar.js';
import { FORM_COMMANDS } from '../keys.js';
import { failureText, useUi } from '../ui-context.js';

export function CadreStatusForm({ cadre, onDone }: { cadre: Cadre; onDone: () => void }) {
  const { today, run, preview, say } = useUi();
  const [values, setValues] = useState<Record<string, string>>({ status: '离职', date: '' });
  const [confirming, setConfirming] = useState<{ question: string; input: MarkStatusInput } | null>(null);
  if (confirming) {
    return (
      <Confirm
        question={confirming.question}
        onYes={() => run(markCadreStatusOperation, confirming.input).then(onDone)}
        onNo={onDone}
      />
    );
  }
  const submit = async () => {
    const input = {
      cadre: { id: cadre.id },
      status: values['status'] as MarkStatusInput['status'],
      date: values['date'],
    };
    const previewed = await preview(markCadreStatusOperation, input);
    if (previewed.ok) setConfirming({ question: previewed.question, input });
    else say(failureText(previewed.error), true);
  };
  return (
    <Box flexDirection="column">
      <Form
        title={`标记 ${cadre.name} 的状态`}
        fields={[
          {
            key: 'status',
            label: '新状态',
            kind: 'choice',
            options: ABSENCE_STATUSES.map((s) => ({ value: s, label: s })),
          },
          { key: 'date', label: '分配最后一天', kind: 'text', placeholder: datePlaceholder(today) },
        ]}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: String(value) }))}
        onSubmit={submit}
        onCancel={onDone}
      />
      <StatusBar commands={FORM_COMMANDS} typing />
    </Box>
  );
}
