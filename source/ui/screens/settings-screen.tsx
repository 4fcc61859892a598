// 设置: the terms and each college's duty rules; Enter edits the selected row, a adds a term, n starts
// a new academic year (year-form.tsx).
import { Box } from 'ink';
import { useState } from 'react';
import { rulesFor } from '../../domain/rules.js';
import { safeText } from '../../domain/safe-text.js';
import { dutyRulesSchema, fieldLabel, fieldLabels, termSchema } from '../../domain/schema.js';
import { DORM_SCOPE_LABELS, DORM_SCOPES } from '../../domain/vocabulary.js';
import type { RulesInput } from '../../domain/settings-edit.js';
import { saveRulesOperation, saveTermOperation } from '../../operations/settings.js';
import type { FieldSpec, FormValues } from '../components/form.js';
import { RecordForm } from '../components/record-form.js';
import { ListView } from '../components/list-view.js';
import { StatusBar } from '../components/status-bar.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { WithKeys } from '../keyboard.js';
import { useUi } from '../ui-context.js';
import { Line } from '../components/layout.js';
import { YearForm } from './year-form.js';

type Row = { kind: 'term'; index: number } | { kind: 'rules'; collegeId: string | null };
type Editing = { kind: 'term'; index: number | null } | { kind: 'rules'; collegeId: string | null };

const RULE_FIELDS = (['classPerTerm', 'dormPerMonth', 'studentPerMonth', 'minWindowDays'] as const).map(
  (key) => [key, fieldLabel(dutyRulesSchema, key)] as const,
);
const TERM = fieldLabels(termSchema);

export function SettingsScreen() {
  const { data, back } = useUi();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [newYear, setNewYear] = useState(false);
  const rows: Row[] = [
    ...data.settings.terms.map((_, index): Row => ({ kind: 'term', index })),
    { kind: 'rules', collegeId: null },
    ...data.colleges.map((c): Row => ({ kind: 'rules', collegeId: c.id })),
  ];
  const nav = useListNav(rows.length, 10);
  if (newYear) return <YearForm onDone={() => setNewYear(false)} />;
  if (editing) return <SettingsForm editing={editing} onDone={() => setEditing(null)} />;
  const visible = rows.slice(nav.top, nav.top + nav.height).map((row) => {
    if (row.kind === 'term') {
      const t = data.settings.terms[row.index]!;
      return { 项目: '学期', 名称: safeText(t.name), 内容: `${t.start} 至 ${t.end}` };
    }
    const r = rulesFor(data.settings, row.collegeId ?? '');
    const name = row.collegeId === null ? '全校默认' : (data.colleges.find((c) => c.id === row.collegeId)?.name ?? '');
    const own = row.collegeId !== null && data.settings.rules.colleges[row.collegeId] ? '（本院细则）' : '';
    return {
      项目: '规则',
      名称: safeText(name) + own,
      内容: `班级${r.classPerTerm}/学期 寝室${r.dormPerMonth}/月(${DORM_SCOPE_LABELS[r.dormScope]}) 困难生${r.studentPerMonth}/月 窗口≥${r.minWindowDays}天`,
    };
  });
  return (
    <WithKeys
      onKey={(input, key, is) => {
        const row = rows[nav.selected];
        if (nav.onKey(input, key, is)) return;
        if (is('back')) back();
        else if (is('addTerm')) setEditing({ kind: 'term', index: null });
        else if (is('startYear')) setNewYear(true);
        else if (is('editRow') && row)
          setEditing(
            row.kind === 'term' ? { kind: 'term', index: row.index } : { kind: 'rules', collegeId: row.collegeId },
          );
      }}
    >
      <Box flexDirection="column">
        <Line bold>设置 · 学期与考核规则（次数：班级每学期、寝室与困难生每月）</Line>
        <ListView
          visible={visible}
          total={rows.length}
          selected={nav.selected}
          top={nav.top}
          empty="（尚无设置）"
          maxWidth={60}
        />
        <StatusBar commands={['move', 'editRow', 'addTerm', 'startYear', 'back']} />
      </Box>
    </WithKeys>
  );
}

function SettingsForm({ editing, onDone }: { editing: Editing; onDone: () => void }) {
  const { data, run } = useUi();
  const term = editing.kind === 'term' && editing.index !== null ? data.settings.terms[editing.index] : undefined;
  const rules = editing.kind === 'rules' ? rulesFor(data.settings, editing.collegeId ?? '') : undefined;
  const initial: Record<string, string> = rules
    ? { ...Object.fromEntries(RULE_FIELDS.map(([k]) => [k, String(rules[k])])), dormScope: rules.dormScope }
    : { name: term?.name ?? '', start: term?.start ?? '', end: term?.end ?? '' };
  const fields: FieldSpec[] =
    editing.kind === 'term'
      ? [
          { key: 'name', label: TERM.name, kind: 'text', placeholder: '如 2027-2028学年第一学期' },
          { key: 'start', label: TERM.start, kind: 'text', placeholder: 'YYYY-MM-DD' },
          { key: 'end', label: TERM.end, kind: 'text', placeholder: 'YYYY-MM-DD' },
        ]
      : [
          ...RULE_FIELDS.slice(0, 2).map(([key, label]): FieldSpec => ({ key, label, kind: 'text' })),
          {
            key: 'dormScope',
            label: fieldLabel(dutyRulesSchema, 'dormScope'),
            kind: 'choice',
            options: DORM_SCOPES.map((s) => ({ value: s, label: DORM_SCOPE_LABELS[s] })),
          },
          ...RULE_FIELDS.slice(2).map(([key, label]): FieldSpec => ({ key, label, kind: 'text' })),
        ];
  const save = (v: FormValues) => {
    const value = (key: string) => String(v[key] ?? '');
    return editing.kind === 'term'
      ? run(saveTermOperation, { index: editing.index, name: value('name'), start: value('start'), end: value('end') })
      : run(saveRulesOperation, {
          collegeId: editing.collegeId,
          rules: Object.fromEntries(Object.keys(initial).map((k) => [k, value(k)])) as RulesInput,
        });
  };
  const title =
    editing.kind === 'term'
      ? term
        ? `编辑学期 ${term.name}`
        : '新增学期'
      : `编辑规则 · ${editing.collegeId === null ? '全校默认' : (data.colleges.find((c) => c.id === editing.collegeId)?.name ?? '')}`;
  return <RecordForm title={title} fields={fields} initial={initial} save={save} onDone={onDone} />;
}
