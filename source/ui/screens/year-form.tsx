// 设置 › 新学年 (n): the year and its four dates (empty: the defaults shown), a y/n naming the terms and
// the graduated classes' assignments it ends, then the pairing screen for the year's new classes.
import { Box } from 'ink';
import { useState } from 'react';
import { pairingStart, yearTerms } from '../../domain/new-year.js';
import { startYearOperation, type StartYearInput } from '../../operations/new-year.js';
import { Confirm } from '../components/confirm.js';
import { Form, type FieldSpec, type FormValues } from '../components/form.js';
import { StatusBar } from '../components/status-bar.js';
import { FORM_COMMANDS } from '../keys.js';
import { failureText, useUi } from '../ui-context.js';

/** The academic year after the latest term's: what the form offers. */
function nextYear(terms: ReadonlyArray<{ end: string }>, today: string): string {
  const latest = terms.reduce((l, t) => (t.end > l ? t.end : l), today);
  const first = Number(latest.slice(0, 4)) - (Number(latest.slice(5, 7)) >= 8 ? 0 : 1) + 1;
  return `${first}-${first + 1}`;
}

export function YearForm({ onDone }: { onDone: () => void }) {
  const { data, today, preview, run, say, go } = useUi();
  const [values, setValues] = useState<FormValues>({ year: nextYear(data.settings.terms, today) });
  const [asking, setAsking] = useState<{ question: string; input: StartYearInput } | null>(null);
  const text = (key: string) => String(values[key] ?? '');
  let defaults: string[] = ['', '', '', ''];
  try {
    const [first, second] = yearTerms(text('year'), {}, today);
    defaults = [first.start, first.end, second.start, second.end];
  } catch {
    // A year not yet typed in full: its fields show no default.
  }
  if (asking) {
    const yes = async () => {
      const done = await run(startYearOperation, asking.input);
      setAsking(null);
      if (!done.ok) return;
      // Back from 配对 is 设置's list: the year is started.
      onDone();
      go({ name: 'pair', start: pairingStart(done.result.terms[0].start, today) });
    };
    return <Confirm question={asking.question} onYes={yes} onNo={() => setAsking(null)} />;
  }
  const fields: FieldSpec[] = [
    { key: 'year', label: '学年', kind: 'text', placeholder: '如 2027-2028' },
    ...(['firstStart', 'firstEnd', 'secondStart', 'secondEnd'] as const).map((key, i): FieldSpec => ({
      key,
      label: ['第一学期开始', '第一学期结束', '第二学期开始', '第二学期结束'][i]!,
      kind: 'text',
      placeholder: defaults[i] ? `默认 ${defaults[i]}` : 'YYYY-MM-DD',
    })),
  ];
  const submit = async () => {
    const input: StartYearInput = {
      year: text('year'),
      firstStart: text('firstStart'),
      firstEnd: text('firstEnd'),
      secondStart: text('secondStart'),
      secondEnd: text('secondEnd'),
    };
    const previewed = await preview(startYearOperation, input);
    if (!previewed.ok) return say(failureText(previewed.error), true);
    const ended = previewed.result.lines.length > 0 ? `：${previewed.result.lines.join('；')}` : '';
    setAsking({ question: previewed.question + ended, input });
  };
  return (
    <Box flexDirection="column">
      <Form
        title="新学年"
        fields={fields}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        onSubmit={submit}
        onCancel={onDone}
      />
      <StatusBar commands={FORM_COMMANDS} typing />
    </Box>
  );
}
