// A keyboard form: text fields (text-field.tsx), one-of choices (←/→) and multi-select (←/→, space).
// Tab/↓ and Enter move to the next field; Enter on the last field submits; Esc cancels — after asking,
// once anything has been typed or chosen, so a slip of Esc never throws a filled form away.
// While what Enter started (a save, a preview) is under way, the keys after it wait (useHoldKeys).
import { Box, Text } from 'ink';
import { useState, type ReactNode } from 'react';
import { safeText } from '../../domain/safe-text.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeys, useKeysOn } from '../keyboard.js';
import { useHoldKeys } from './one-key-at-a-time.js';
import { Line, Panel } from './layout.js';
import { TextField } from './text-field.js';
import { textWidth } from '../text-width.js';

export interface Option {
  value: string;
  label: string;
}

export type FieldSpec =
  | {
      key: string;
      label: string;
      kind: 'text';
      placeholder?: string;
      onLeave?: () => void;
      /** ↑/↓ within what is shown under the field (a search's matches); false at either end, where they move focus. */
      pick?: (step: 1 | -1) => boolean;
    }
  | { key: string; label: string; kind: 'choice'; options: Option[] }
  | { key: string; label: string; kind: 'multi'; options: Option[] };

export type FormValues = Record<string, string | string[]>;

interface Props {
  title: string;
  fields: FieldSpec[];
  values: FormValues;
  onChange: (key: string, value: string | string[]) => void;
  /** Enter on the last field; the keys after it wait until what it returns has settled. */
  onSubmit: () => Promise<unknown> | void;
  onCancel: () => void;
  /** Shown under the focused field (e.g. the matches of a search field). */
  below?: (key: string) => ReactNode;
}

// Pasted line breaks and control characters never reach the data.
// eslint-disable-next-line no-control-regex
const stripControls = (v: string) => v.replace(/[\u0000-\u001f\u007f]/g, '');
const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : []);

export function Form({ title, fields, values, onChange, onSubmit, onCancel, below }: Props) {
  const [focus, setFocus] = useState(0);
  const [cursor, setCursor] = useState(0);
  const on = useKeysOn();
  const hold = useHoldKeys();
  const [dirty, setDirty] = useState(false);
  const [askingCancel, setAskingCancel] = useState(false);
  const change = (key: string, value: string | string[]) => {
    setDirty(true);
    onChange(key, value);
  };
  const { columns } = useTerminalSize();
  const field = fields[Math.min(focus, fields.length - 1)]!;
  const moveTo = (next: number) => {
    if (field.kind === 'text') field.onLeave?.();
    setFocus(Math.max(0, Math.min(fields.length - 1, next)));
    setCursor(0);
  };
  useKeys(
    (input, key, is) => {
      if (askingCancel) {
        setAskingCancel(false);
        if (is('yes')) onCancel();
        return;
      }
      if (is('cancel')) return dirty ? setAskingCancel(true) : onCancel();
      if (is('save') && focus >= fields.length - 1) {
        if (field.kind === 'text') field.onLeave?.();
        const submitted = onSubmit();
        if (submitted) hold(submitted);
        return;
      }
      if ((key.upArrow || key.downArrow) && field.kind === 'text' && field.pick?.(key.downArrow ? 1 : -1)) return;
      if (is('prevField')) return moveTo(focus - 1);
      if (is('nextField')) return moveTo(focus + 1);
      if (field.kind === 'choice' && field.options.length > 0 && is('choose')) {
        const at = field.options.findIndex((o) => o.value === values[field.key]);
        const next = (Math.max(0, at) + (key.rightArrow ? 1 : -1) + field.options.length) % field.options.length;
        change(field.key, field.options[next]!.value);
      }
      if (field.kind === 'multi' && field.options.length > 0) {
        if (is('choose'))
          setCursor((c) => (c + (key.rightArrow ? 1 : -1) + field.options.length) % field.options.length);
        if (is('toggle')) {
          const chosen = asList(values[field.key]);
          const value = field.options[cursor]!.value;
          change(field.key, chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]);
        }
      }
    },
    { claim: true },
  );
  const labelWidth = Math.max(...fields.map((f) => textWidth(f.label)));
  return (
    <Panel>
      <Line bold>{safeText(title)}</Line>
      {askingCancel ? <Line color="yellow">放弃已填写的内容？按 y 放弃，其他键继续填写</Line> : null}
      {fields.map((f, i) => {
        const focused = i === focus;
        const label = `${focused ? '>' : ' '} ${f.label}${' '.repeat(labelWidth - textWidth(f.label))}：`;
        return (
          <Box key={f.key} flexDirection="column">
            {/* The value takes the rest of the line, cut with … (a chosen-from list wraps instead). */}
            <Box width={columns}>
              <Text bold={focused}>{label}</Text>
              {f.kind === 'text' ? (
                focused && on ? (
                  <Text wrap="truncate-end">
                    <TextField
                      value={asText(values[f.key])}
                      onChange={(v) => change(f.key, stripControls(v))}
                      placeholder={f.placeholder}
                      focus
                    />
                  </Text>
                ) : (
                  <Text wrap="truncate-end">{safeText(asText(values[f.key])) || (f.placeholder ?? '')}</Text>
                )
              ) : f.kind === 'choice' ? (
                <Text wrap="truncate-end">
                  {f.options.length === 0
                    ? '（无可选项）'
                    : `${focused ? '◀ ' : ''}${safeText(f.options.find((o) => o.value === values[f.key])?.label ?? f.options[0]!.label)}${focused ? ' ▶' : ''}`}
                </Text>
              ) : (
                <Text wrap="wrap">
                  {f.options.length === 0
                    ? '（无可选项）'
                    : f.options
                        .map(
                          (o, j) =>
                            `${focused && j === cursor ? '>' : ''}[${asList(values[f.key]).includes(o.value) ? 'x' : ' '}]${safeText(o.label)}`,
                        )
                        .join(' ')}
                </Text>
              )}
            </Box>
            {focused && below?.(f.key)}
          </Box>
        );
      })}
    </Panel>
  );
}
