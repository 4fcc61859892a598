// Choosing a cadre by a few keystrokes: name, 工号 or 拼音首字母; the top match is taken on leaving the field.
import { useMemo, useState } from 'react';
import { filterByQuery, searchKeys } from '../../domain/search.js';
import type { Cadre } from '../../domain/schema.js';
import { useUi } from '../ui-context.js';

export function useCadreSearch(initialId?: string) {
  const { data, idx } = useUi();
  const keys = useMemo(() => searchKeys(data.cadres, (c) => ({ names: [c.name], codes: c.employeeNo ? [c.employeeNo] : [] })), [data.cadres]);
  const initial = initialId ? idx.cadreById.get(initialId) : undefined;
  const [query, setQueryRaw] = useState(initial?.name ?? '');
  const [chosenId, setChosenId] = useState<string | undefined>(initial?.id);
  // Cadres 在岗 first: they are the ones contacts are logged for.
  const matches = useMemo(
    () => filterByQuery(data.cadres, keys, query).sort((a, b) => Number(b.status === '在岗') - Number(a.status === '在岗')),
    [data.cadres, keys, query],
  );
  const cadre: Cadre | undefined = chosenId ? idx.cadreById.get(chosenId) : query.trim() === '' ? undefined : matches[0];
  return {
    query,
    matches,
    cadre,
    setQuery: (q: string) => {
      setQueryRaw(q);
      setChosenId(undefined);
    },
    /** Fixes the choice on the top match and shows its name in the field. */
    settle: () => {
      if (!cadre) return;
      setChosenId(cadre.id);
      setQueryRaw(cadre.name);
    },
  };
}
