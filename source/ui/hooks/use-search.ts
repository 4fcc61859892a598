// `/` search over a list: the key per item is built once per list, the filter runs per keystroke.
import { useInput } from 'ink';
import { useMemo, useState } from 'react';
import { filterByQuery, searchKeys } from '../../domain/search.js';
import { useTyping } from './use-typing.js';

export function useSearch<T>(items: readonly T[], fields: (item: T) => { names: string[]; codes?: string[] }, active: boolean) {
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  // Keyed on the list only: `fields` is a pure mapping, so the initials are computed once per list.
  const keys = useMemo(() => searchKeys(items, fields), [items]);
  const matches = useMemo(() => filterByQuery(items, keys, query), [items, keys, query]);
  useTyping(searching);
  useInput(
    (input, key) => {
      if (!searching && input === '/') setSearching(true);
      else if (searching && key.return) setSearching(false);
      else if (searching && key.escape) {
        setQuery('');
        setSearching(false);
      }
    },
    { isActive: active },
  );
  return { query, setQuery, searching, matches };
}
