// A form for one roster record: keeps the typed values, saves through `save`, closes when it worked.
import { Box } from 'ink';
import { useState } from 'react';
import { FORM_COMMANDS } from '../keys.js';
import type { ApplyOutcome } from '../ui-context.js';
import { Form, type FieldSpec, type FormValues } from './form.js';
import { StatusBar } from './status-bar.js';

interface Props {
  title: string;
  fields: FieldSpec[];
  initial: FormValues;
  save: (values: FormValues) => Promise<ApplyOutcome<unknown>>;
  onDone: () => void;
}

export function RecordForm({ title, fields, initial, save, onDone }: Props) {
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    const outcome = await save(values);
    setSaving(false);
    if (outcome.ok) onDone();
  };
  return (
    <Box flexDirection="column">
      <Form
        title={title}
        fields={fields}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        onSubmit={submit}
        onCancel={onDone}
      />
      <StatusBar
        commands={fields.some((f) => f.kind === 'multi') ? ['toggle', ...FORM_COMMANDS] : FORM_COMMANDS}
        typing
        note={saving ? '正在保存……' : undefined}
      />
    </Box>
  );
}
