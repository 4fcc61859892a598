// A text field (ink-text-input) where a Ctrl key types no letter. ink-text-input types the letter of a
// Ctrl+letter (shell habit: Ctrl+U, Ctrl+W): the field is put back (Ctrl+U: emptied), whichever of the
// two hears the key first, and started again so its cursor is at the end.
import TextInput from 'ink-text-input';
import { useRef, useState } from 'react';
import { useKeys } from '../keyboard.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  focus: boolean;
}

export function TextField({ value, onChange, placeholder, focus }: Props) {
  const ctrlKey = useRef(false);
  const [starts, setStarts] = useState(0);
  useKeys((input, key, is) => {
    if (!focus || !key.ctrl || !/^[a-z]$/.test(input)) return;
    ctrlKey.current = true;
    queueMicrotask(() => (ctrlKey.current = false));
    onChange(is('clearField') ? '' : value);
    setStarts((n) => n + 1);
  });
  return (
    <TextInput
      key={starts}
      value={value}
      onChange={(v) => ctrlKey.current || onChange(v)}
      placeholder={placeholder}
      focus={focus}
    />
  );
}
