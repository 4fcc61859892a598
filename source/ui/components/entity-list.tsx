// A searchable list screen: `/` search, j/k to move, Enter to open, screen-specific keys, Esc back.
import { Box, Text, type Key } from 'ink';
import { useListNav } from '../hooks/use-list-nav.js';
import { useSearch } from '../hooks/use-search.js';
import { useKeys } from '../keyboard.js';
import type { CommandName } from '../keys.js';
import { ListView } from './list-view.js';
import { SearchLine } from './search-line.js';
import { StatusBar } from './status-bar.js';

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
}

export function EntityList<T>({ title, items, search, row, onOpen, onBack, commands = [], onKey }: Props<T>) {
  const s = useSearch(items, search);
  const nav = useListNav(s.matches.length, 10);
  const selected = s.matches[nav.selected];
  useKeys((input, key, is) => {
    if (s.searching || nav.onKey(input, key, is)) return;
    if (is('search')) s.setSearching(true);
    else if (is('back')) onBack();
    else if (is('open') && selected) onOpen(selected);
    else onKey?.(input, key, is, selected);
  });
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {title}（{s.matches.length}/{items.length}）
      </Text>
      <SearchLine query={s.query} setQuery={s.setQuery} searching={s.searching} setSearching={s.setSearching} />
      <ListView visible={s.matches.slice(nav.top, nav.top + nav.height).map(row)} total={s.matches.length} selected={nav.selected} top={nav.top} empty="没有匹配的条目" />
      <StatusBar commands={s.searching ? ['searchDone', 'searchClear'] : ['move', 'search', 'open', 'back', ...commands]} typing={s.searching} />
    </Box>
  );
}
