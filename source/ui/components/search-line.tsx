// The `/` search field above a list: while open it has the keyboard; Enter keeps the filter, Esc clears it.
import { useKeys, useKeysOn } from '../keyboard.js';
import { Line } from './layout.js';
import { TextField } from './text-field.js';

interface Props {
  query: string;
  setQuery: (q: string) => void;
  searching: boolean;
  setSearching: (on: boolean) => void;
}

export function SearchLine({ query, setQuery, searching, setSearching }: Props) {
  if (searching) return <SearchField query={query} setQuery={setQuery} setSearching={setSearching} />;
  if (query === '') return <Line dimColor>按 / 搜索（姓名、工号/学号、拼音首字母）</Line>;
  return <Line>搜索：{query}</Line>;
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
    <Line>
      搜索：
      <TextField value={query} onChange={setQuery} focus={on} />
    </Line>
  );
}
