// The selected row of a list and the window of rows that fit on screen (j/k, arrows, PgUp/PgDn).
import { useInput } from 'ink';
import { useState } from 'react';
import { useTerminalSize } from './use-terminal-size.js';

/** `reserved`: the screen rows the list cannot use (header, titles, status bar). */
export function useListNav(count: number, reserved: number, active: boolean) {
  const { rows } = useTerminalSize();
  const height = Math.max(3, rows - reserved);
  const [selectedRaw, setSelected] = useState(0);
  const selected = Math.max(0, Math.min(selectedRaw, count - 1));
  useInput(
    (input, key) => {
      const move = (by: number) => setSelected(Math.max(0, Math.min(count - 1, selected + by)));
      if (input === 'j' || key.downArrow) move(1);
      else if (input === 'k' || key.upArrow) move(-1);
      else if (key.pageDown) move(height);
      else if (key.pageUp) move(-height);
    },
    { isActive: active },
  );
  const top = Math.min(Math.max(0, selected - height + 1), Math.max(0, count - height));
  return { selected, setSelected, top, height };
}
