// A detail pane shows what fits; what does not is in reach: j/k (↓/↑) move its duty grid a row,
// PgDn/PgUp its contacts a page. The keys are offered (status bar, "more" lines) only when
// something is hidden.
import { useState } from 'react';
import { useKeys } from '../keyboard.js';
import type { CommandName } from '../keys.js';

export interface Window {
  /** The first row shown. */
  from: number;
  /** How many rows fit. */
  shown: number;
  total: number;
}

const clamp = (from: number, shown: number, total: number) => Math.max(0, Math.min(from, total - shown));

/** `gridRows`/`contacts`: how many rows each part has and how many of them fit. */
export function useDetailScroll(grid: { total: number; shown: number }, contacts: { total: number; shown: number }) {
  const [gridFrom, setGridFrom] = useState(0);
  const [contactsFrom, setContactsFrom] = useState(0);
  const g: Window = { ...grid, from: clamp(gridFrom, grid.shown, grid.total) };
  const c: Window = { ...contacts, from: clamp(contactsFrom, contacts.shown, contacts.total) };
  useKeys((_input, _key, is) => {
    if (is('down')) setGridFrom(clamp(g.from + 1, g.shown, g.total));
    else if (is('up')) setGridFrom(clamp(g.from - 1, g.shown, g.total));
    else if (is('pageDown')) setContactsFrom(clamp(c.from + c.shown, c.shown, c.total));
    else if (is('pageUp')) setContactsFrom(clamp(c.from - c.shown, c.shown, c.total));
  });
  const commands: CommandName[] = [
    ...(g.total > g.shown ? (['scrollDuties'] as const) : []),
    ...(c.total > c.shown ? (['pageContacts'] as const) : []),
  ];
  return { grid: g, contacts: c, commands };
}
