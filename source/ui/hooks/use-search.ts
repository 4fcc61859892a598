// `/` search over a list: the key per item is built once per list, the filter runs per keystroke.
// While searching, the search field (search-line.tsx) has the keyboard.
import { useMemo, useState } from 'react';
import { filterByQuery, searchKeys } from '../../domain/search.js';
import { usePinyin } from './use-pinyin.js';

export function useSearch<T>(items: readonly T[], fields: (item: T) => { names: string[]; codes?: string[] }) {
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const pinyinReady = usePinyin();
  // Keyed on the list only: `fields` is a pure mapping, so the initials are computed once per list.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pinyinReady: again once pinyin has loaded
  const keys = useMemo(() => searchKeys(items, fields), [items, pinyinReady]);
  const matches = useMemo(() => filterByQuery(items, keys, query), [items, keys, query]);
  return { query, setQuery, searching, setSearching, matches };
}
