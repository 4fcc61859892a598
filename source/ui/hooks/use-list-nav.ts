// The selected row of a list and the window of rows that fit on screen (j/k, arrows, PgUp/PgDn).
// The caller passes the keys on to `onKey` from its own useKeys, so a list has one handler.
import type { Key } from 'ink';
import { useState } from 'react';
import type { CommandName } from '../keys.js';
import { useTerminalSize } from './use-terminal-size.js';

/** `reserved`: the screen rows the list cannot use (header, titles, status bar). */
export function useListNav(count: number, reserved: number) {
  const { rows } = useTerminalSize();
  const height = Math.max(3, rows - reserved);
  const [selectedRaw, setSelected] = useState(0);
  const selected = Math.max(0, Math.min(selectedRaw, count - 1));
  /** Moves on j/k, arrows and PgUp/PgDn; says whether the key was one of those. */
  const onKey = (_input: string, _key: Key, is: (command: CommandName) => boolean): boolean => {
    const move = (by: number) => setSelected(Math.max(0, Math.min(count - 1, selected + by)));
    if (is('down')) move(1);
    else if (is('up')) move(-1);
    else if (is('pageDown')) move(height);
    else if (is('pageUp')) move(-height);
    else return false;
    return true;
  };
  const top = Math.min(Math.max(0, selected - height + 1), Math.max(0, count - height));
  return { selected, setSelected, top, height, onKey };
}
