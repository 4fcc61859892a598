// The `/` search field above a list: while open it has the keyboard; Enter keeps the filter, Esc clears it.
import { Text } from 'ink';
import TextInput from 'ink-text-input';
import { useKeys, useKeysOn } from '../keyboard.js';

interface Props {
  query: string;
  setQuery: (q: string) => void;
  searching: boolean;
  setSearching: (on: boolean) => void;
}

export function SearchLine({ query, setQuery, searching, setSearching }: Props) {
  if (searching) return <SearchField query={query} setQuery={setQuery} setSearching={setSearching} />;
  if (query === '') return <Text dimColor wrap="truncate-end">按 / 搜索（姓名、工号/学号、拼音首字母）</Text>;
  return <Text wrap="truncate-end">搜索：{query}</Text>;
}

function SearchField({ query, setQuery, setSearching }: Omit<Props, 'searching'>) {
  const on = useKeysOn();
  useKeys(
    (_input, _key, is) => {
      if (is('searchDone')) setSearching(false);
      else if (is('searchClear')) {
        setQuery('');
        setSearching(false);
      }
    },
    { claim: true },
  );
  return (
    <Text wrap="truncate-end">
      搜索：<TextInput value={query} onChange={setQuery} focus={on} />
    </Text>
  );
}
