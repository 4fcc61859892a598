// A searchable list screen: `/` search, j/k to move, Enter to open, screen-specific keys, Esc back.
import { Box, Text, useInput, type Key } from 'ink';
import { LIST_KEYS, SEARCH_KEYS } from '../keymap.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { useSearch } from '../hooks/use-search.js';
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
  keys?: string;
  onKey?: (input: string, key: Key, selected: T | undefined) => void;
  active: boolean;
}

export function EntityList<T>({ title, items, search, row, onOpen, onBack, keys = '', onKey, active }: Props<T>) {
  const s = useSearch(items, search, active);
  const nav = useListNav(s.matches.length, 10, active && !s.searching);
  const selected = s.matches[nav.selected];
  useInput(
    (input, key) => {
      if (s.searching) return;
      if (key.escape) onBack();
      else if (key.return && selected) onOpen(selected);
      else onKey?.(input, key, selected);
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column">
      <Text bold>
        {title}（{s.matches.length}/{items.length}）
      </Text>
      <SearchLine query={s.query} setQuery={s.setQuery} searching={s.searching} />
      <ListView visible={s.matches.slice(nav.top, nav.top + nav.height).map(row)} total={s.matches.length} selected={nav.selected} top={nav.top} empty="没有匹配的条目" />
      <StatusBar keys={s.searching ? SEARCH_KEYS : `${LIST_KEYS}${keys ? `  ${keys}` : ''}`} typing={s.searching} />
    </Box>
  );
}
