// Adding or editing a cadre: every field of the 干部 sheet, saved through the 保存干部 operation
// (an edit sends only the fields it changed).
import { useState } from 'react';
import { type Cadre } from '../../domain/schema.js';
import { CADRE_CATEGORIES, CADRE_STATUSES } from '../../domain/vocabulary.js';
import { recordEdit, saveCadreOperation, type CadreFields } from '../../operations/save-record.js';
import { Form, type FieldSpec } from '../components/form.js';
import { useUi } from '../ui-context.js';

const TEXT_FIELDS = [
  'name',
  'employeeNo',
  'department',
  'title',
  'politicalStatus',
  'shortPhone',
  'officePhone',
] as const;
const { fieldsOf, labels } = saveCadreOperation.kind;
const SCHOOL_WIDE = '';

export function CadreForm({ cadre, onDone }: { cadre: Cadre | null; onDone: (saved: Cadre | null) => void }) {
  const { data, idx, run } = useUi();
  const [initial] = useState(() => fieldsOf(cadre, data, idx));
  const [values, setValues] = useState<CadreFields>(initial);
  const fields: FieldSpec[] = [
    ...TEXT_FIELDS.map((key): FieldSpec => ({ key, label: labels[key], kind: 'text' })),
    {
      key: 'collegeId',
      label: labels.collegeId,
      kind: 'choice',
      options: [
        ...data.colleges.map((c) => ({ value: c.id, label: c.name })),
        { value: SCHOOL_WIDE, label: '全校统筹（组织部/学工部）' },
      ],
    },
    {
      key: 'category',
      label: labels.category,
      kind: 'choice',
      options: CADRE_CATEGORIES.map((c) => ({ value: c, label: c })),
    },
    {
      key: 'status',
      label: labels.status,
      kind: 'choice',
      options: CADRE_STATUSES.map((c) => ({ value: c, label: c })),
    },
  ];
  const submit = async () => {
    const outcome = await run(saveCadreOperation, recordEdit(cadre?.id ?? null, initial, values));
    if (outcome.ok) onDone(outcome.result.record);
  };
  return (
    <Form
      title={cadre ? `编辑干部 ${cadre.name}` : '新增干部'}
      fields={fields}
      values={values}
      onChange={(key, value) => setValues((v) => ({ ...v, [key]: String(value) }))}
      onSubmit={submit}
      onCancel={() => onDone(null)}
    />
  );
}
