// Adding or editing a cadre: every field of the 干部 sheet, saved through saveCadre.
import { useState } from 'react';
import { saveCadre } from '../../domain/roster-edit.js';
import { CADRE_CATEGORIES, CADRE_STATUSES, type Cadre, type CadreCategory, type CadreStatus } from '../../domain/schema.js';
import { Form, type FieldSpec } from '../components/form.js';
import { useUi } from '../ui-context.js';

const TEXT_FIELDS = [
  ['name', '干部姓名'],
  ['employeeNo', '工号'],
  ['department', '所在部门'],
  ['title', '职务'],
  ['politicalStatus', '政治面貌'],
  ['shortPhone', '手机短号'],
  ['officePhone', '办公电话'],
] as const;

const SCHOOL_WIDE = '';

export function CadreForm({ cadre, onDone }: { cadre: Cadre | null; onDone: (saved: Cadre | null) => void }) {
  const { data, apply, context, active } = useUi();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    name: cadre?.name ?? '',
    employeeNo: cadre?.employeeNo ?? '',
    department: cadre?.department ?? '',
    title: cadre?.title ?? '',
    politicalStatus: cadre?.politicalStatus ?? '中共党员',
    shortPhone: cadre?.shortPhone ?? '',
    officePhone: cadre?.officePhone ?? '',
    collegeId: cadre?.collegeId ?? data.colleges[0]?.id ?? SCHOOL_WIDE,
    category: cadre?.category ?? '普通党员',
    status: cadre?.status ?? '在岗',
  }));
  const fields: FieldSpec[] = [
    ...TEXT_FIELDS.map(([key, label]): FieldSpec => ({ key, label, kind: 'text' })),
    {
      key: 'collegeId',
      label: '归属学院',
      kind: 'choice',
      options: [...data.colleges.map((c) => ({ value: c.id, label: c.name })), { value: SCHOOL_WIDE, label: '全校统筹（组织部/学工部）' }],
    },
    { key: 'category', label: '类别', kind: 'choice', options: CADRE_CATEGORIES.map((c) => ({ value: c, label: c })) },
    { key: 'status', label: '状态', kind: 'choice', options: CADRE_STATUSES.map((c) => ({ value: c, label: c })) },
  ];
  const submit = async () => {
    const input = {
      name: values['name']!,
      employeeNo: values['employeeNo'] || null,
      collegeId: values['collegeId'] || null,
      department: values['department']!,
      title: values['title']!,
      politicalStatus: values['politicalStatus']!,
      shortPhone: values['shortPhone']!,
      officePhone: values['officePhone']!,
      category: values['category'] as CadreCategory,
      status: values['status'] as CadreStatus,
    };
    const outcome = await apply(
      (d) => saveCadre(d, cadre?.id ?? null, input, context()),
      cadre ? '界面:编辑干部' : '界面:新增干部',
      (c) => `${cadre ? '已保存' : '已新增'}干部 ${c.name}`,
    );
    if (outcome.ok) onDone(outcome.result);
  };
  return (
    <Form
      title={cadre ? `编辑干部 ${cadre.name}` : '新增干部'}
      fields={fields}
      values={values}
      onChange={(key, value) => setValues((v) => ({ ...v, [key]: String(value) }))}
      onSubmit={() => void submit()}
      onCancel={() => onDone(null)}
      active={active}
    />
  );
}
