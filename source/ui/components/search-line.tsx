// The `/` search field above a list.
import { Text } from 'ink';
import TextInput from 'ink-text-input';

export function SearchLine({ query, setQuery, searching }: { query: string; setQuery: (q: string) => void; searching: boolean }) {
  if (!searching && query === '') return <Text dimColor>按 / 搜索（姓名、工号/学号、拼音首字母）</Text>;
  return (
    <Text>
      搜索：{searching ? <TextInput value={query} onChange={setQuery} focus /> : query}
    </Text>
  );
}
