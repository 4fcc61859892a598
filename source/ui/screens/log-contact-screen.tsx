// 记录联系, the fastest path: cadre by a few keystrokes, then duty, target, date and 形式 default
// from the cadre's active assignment; Enter on 备注 saves through the 记录联系 operation.
import { Box } from 'ink';
import { useState } from 'react';
import { contactChoices } from '../../domain/contact-targets.js';
import { DEFAULT_FORM } from '../../domain/contacts.js';
import { parseDateInput } from '../../domain/dates.js';
import { CONTACT_FORMS, DUTIES, DUTY_LABELS, type ContactForm, type Duty } from '../../domain/vocabulary.js';
import { datePlaceholder } from '../../operations/fields.js';
import { DuplicateContactError, logContactOperation } from '../../operations/log-contact.js';
import { CadreMatches } from '../components/cadre-matches.js';
import { Confirm } from '../components/confirm.js';
import { Form, type FieldSpec } from '../components/form.js';
import { StatusBar } from '../components/status-bar.js';
import { useCadreSearch } from '../hooks/use-cadre-search.js';
import { FORM_COMMANDS } from '../keys.js';
import type { LogPreset } from '../routes.js';
import { useUi } from '../ui-context.js';

export function LogContactScreen({ preset }: { preset?: LogPreset }) {
  const [round, setRound] = useState(0);
  // A new round after each save starts an empty form for the next contact.
  return (
    <LogContactForm key={round} preset={round === 0 ? preset : undefined} onSaved={() => setRound((r) => r + 1)} />
  );
}

function LogContactForm({ preset, onSaved }: { preset?: LogPreset; onSaved: () => void }) {
  const { idx, today, run, say, back } = useUi();
  const search = useCadreSearch(preset?.cadreId);
  const [duty, setDuty] = useState<Duty | undefined>(preset?.duty);
  const [targetId, setTargetId] = useState<string | undefined>(preset?.targetId);
  const [dateText, setDateText] = useState(preset?.window?.end ?? '');
  const [form, setForm] = useState<ContactForm | undefined>();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  /** The question when the operation found the same contact (cadre, target, date) already recorded. */
  const [duplicate, setDuplicate] = useState<string | null>(null);

  const date = parseDateInput(dateText, today, true);
  const choices = search.cadre
    ? contactChoices(idx, search.cadre.id, date ?? today)
    : { assignment: null, targets: {} };
  const duties = DUTIES.filter((d) => choices.targets[d]);
  const effDuty = duty && duties.includes(duty) ? duty : duties[0];
  const targets = effDuty ? choices.targets[effDuty]! : [];
  const effTarget = targets.find((t) => t.id === targetId)?.id ?? targets[0]?.id;
  const effForm = form ?? (effDuty ? DEFAULT_FORM[effDuty] : CONTACT_FORMS[0]);

  const fields: FieldSpec[] = [
    {
      key: 'cadre',
      label: '干部',
      kind: 'text',
      placeholder: '姓名/工号/拼音首字母',
      onLeave: search.settle,
      pick: search.pick,
    },
    { key: 'duty', label: '类型', kind: 'choice', options: duties.map((d) => ({ value: d, label: DUTY_LABELS[d] })) },
    { key: 'target', label: '对象', kind: 'choice', options: targets.map((t) => ({ value: t.id, label: t.label })) },
    { key: 'date', label: '日期', kind: 'text', placeholder: datePlaceholder(today) },
    { key: 'form', label: '形式', kind: 'choice', options: CONTACT_FORMS.map((f) => ({ value: f, label: f })) },
    { key: 'note', label: '备注', kind: 'text', placeholder: '（可空）' },
  ];
  const values = {
    cadre: search.query,
    duty: effDuty ?? '',
    target: effTarget ?? '',
    date: dateText,
    form: effForm,
    note,
  };
  const onChange = (key: string, value: string | string[]) => {
    const v = String(value);
    if (key === 'cadre') search.setQuery(v);
    else if (key === 'duty') {
      setDuty(v as Duty);
      setTargetId(undefined);
      setForm(undefined);
    } else if (key === 'target') setTargetId(v);
    else if (key === 'date') setDateText(v);
    else if (key === 'form') setForm(v as ContactForm);
    else if (key === 'note') setNote(v);
  };
  const save = async (again = false) => {
    const cadre = search.cadre;
    if (!cadre) return say('请先输入并选择干部', true);
    // The choices are the cadre's assignment on that date (a date that does not read: the operation says so).
    if (date && (!effDuty || !effTarget))
      return say(`${cadre.name} 在 ${date} 没有有效的联系分配：请先在“分配”中为其分配班级`, true);
    setSaving(true);
    const outcome = await run(logContactOperation, {
      cadre: { id: cadre.id },
      duty: effDuty ?? 'class',
      target: { id: effTarget ?? '' },
      date: dateText,
      form: effForm,
      note,
      again,
    });
    setSaving(false);
    if (!outcome.ok) {
      // Already recorded: the operation refused it; the question replaces its message.
      if (outcome.error instanceof DuplicateContactError) {
        say('');
        setDuplicate(outcome.error.question);
      }
      return;
    }
    if (preset) back(true);
    else onSaved();
  };
  if (duplicate) {
    return (
      <Confirm
        question={duplicate}
        onYes={() => {
          setDuplicate(null);
          return save(true);
        }}
        onNo={() => setDuplicate(null)}
      />
    );
  }
  return (
    <Box flexDirection="column">
      <Form
        title={
          preset?.window
            ? `记录联系 · 补记 ${preset.window.start.slice(5)}~${preset.window.end.slice(5)} 的逾期项`
            : '记录联系'
        }
        fields={fields}
        values={values}
        onChange={onChange}
        onSubmit={save}
        onCancel={back}
        below={(key) =>
          key === 'cadre' ? <CadreMatches matches={search.matches} chosen={search.cadre} query={search.query} /> : null
        }
      />
      <StatusBar commands={FORM_COMMANDS} typing note={saving ? '正在保存……' : undefined} />
    </Box>
  );
}
