// A searchable list screen: `/` search, j/k to move, Enter to open, screen-specific keys, Esc back;
// with `lastContact`, a 最近联系 column and o to sort by it, the longest without a contact first.
import { Box, type Key } from 'ink';
import { useMemo, useState } from 'react';
import type { Duty } from '../../domain/vocabulary.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { useSearch } from '../hooks/use-search.js';
import { useKeys } from '../keyboard.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { ListView } from './list-view.js';
import { SearchLine } from './search-line.js';
import { StatusBar } from './status-bar.js';
import { Line } from './layout.js';

interface Props<T> {
  title: string;
  items: readonly T[];
  search: (item: T) => { names: string[]; codes?: string[] };
  row: (item: T) => Record<string, string | number>;
  onOpen: (item: T) => void;
  onBack: () => void;
  /** Keys of this screen besides the list's own, for the status bar. */
  commands?: CommandName[];
  onKey?: (input: string, key: Key, is: (command: CommandName) => boolean, selected: T | undefined) => void;
  /** Adds the 最近联系 column: of the cadre (contacts made) or of the class, dorm or student (contacts had). */
  lastContact?: 'cadre' | Duty;
}

export function EntityList<T extends { id: string }>({
  title,
  items,
  search,
  row,
  onOpen,
  onBack,
  commands = [],
  onKey,
  lastContact,
}: Props<T>) {
  const { last, contactsComplete } = useUi();
  const [oldestFirst, setOldestFirst] = useState(false);
  const dates =
    lastContact === undefined ? undefined : lastContact === 'cadre' ? last.byCadre : last.byTarget[lastContact];
  // A stable sort: items never contacted ('' sorts first) keep their order among themselves.
  const ordered = useMemo(() => {
    if (!oldestFirst || !dates) return items;
    const key = (item: T) => dates.get(item.id) ?? '';
    return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }, [items, oldestFirst, dates]);
  const s = useSearch(ordered, search);
  const nav = useListNav(s.matches.length, 10);
  const selected = s.matches[nav.selected];
  useKeys((input, key, is) => {
    if (s.searching || nav.onKey(input, key, is)) return;
    if (is('search')) s.setSearching(true);
    else if (is('back')) onBack();
    else if (is('open') && selected) onOpen(selected);
    else if (dates && is('sortByLastContact')) setOldestFirst((o) => !o);
    else onKey?.(input, key, is, selected);
  });
  const withLast = (item: T) =>
    dates ? { ...row(item), 最近联系: dates.get(item.id) ?? (contactsComplete ? '从未' : '本学期无') } : row(item);
  return (
    <Box flexDirection="column">
      <Line bold>
        {title}（{s.matches.length}/{items.length}）{oldestFirst ? ' · 按最近联系，最久未联系在前' : ''}
      </Line>
      <SearchLine query={s.query} setQuery={s.setQuery} searching={s.searching} setSearching={s.setSearching} />
      <ListView
        visible={s.matches.slice(nav.top, nav.top + nav.height).map(withLast)}
        total={s.matches.length}
        selected={nav.selected}
        top={nav.top}
        empty="没有匹配的条目"
      />
      <StatusBar
        commands={
          s.searching
            ? ['searchDone', 'searchClear']
            : ['move', 'search', 'open', 'back', ...commands, ...(dates ? (['sortByLastContact'] as const) : [])]
        }
        typing={s.searching}
      />
    </Box>
  );
}
