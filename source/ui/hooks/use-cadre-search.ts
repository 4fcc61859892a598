// Choosing a cadre by a few keystrokes: name, 工号 or 拼音首字母; ↑/↓ pick among the matches shown
// (two 李明 are told apart by 工号 there), and the picked one — the top one unless moved — is taken on leaving the field.
import { useMemo, useState } from 'react';
import { cadreLabel, cadreName } from '../../domain/labels.js';
import { normalizeName } from '../../domain/names.js';
import { filterByQuery, searchKeys } from '../../domain/search.js';
import type { Cadre } from '../../domain/schema.js';
import { useUi } from '../ui-context.js';
import { usePinyin } from './use-pinyin.js';

/** How many matches are listed under the field (and can be picked with ↑/↓). */
export const SHOWN_MATCHES = 4;

/** `preferred`: cadres listed first (a college's free ones), the first of them taken while nothing is typed. */
export function useCadreSearch(initialId?: string, preferred: readonly string[] = []) {
  const { data, idx } = useUi();
  const pinyinReady = usePinyin();
  // The field shows a settled namesake as 李明（T011）: that text finds it again.
  const keys = useMemo(
    () =>
      searchKeys(data.cadres, (c) => ({
        names: [c.name],
        codes: c.employeeNo ? [c.employeeNo, normalizeName(cadreLabel(c))] : [],
      })),
    // pinyinReady: the initials are computed again once pinyin has loaded (searchKeys reads it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.cadres, pinyinReady],
  );
  const initial = initialId ? idx.cadreById.get(initialId) : undefined;
  const [query, setQueryRaw] = useState(initial ? cadreName(idx, initial) : '');
  const [chosenId, setChosenId] = useState<string | undefined>(initial?.id);
  const [picked, setPicked] = useState(0);
  // Cadres 在岗 first: they are the ones contacts are logged for.
  const matches = useMemo(() => {
    const rank = new Map(preferred.map((id, i) => [id, i]));
    const first = (c: Cadre) => rank.get(c.id) ?? preferred.length;
    return filterByQuery(data.cadres, keys, query).sort(
      (a, b) => first(a) - first(b) || Number(b.status === '在岗') - Number(a.status === '在岗'),
    );
  }, [data.cadres, keys, query, preferred]);
  const shown = matches.slice(0, SHOWN_MATCHES);
  const cadre: Cadre | undefined = chosenId
    ? idx.cadreById.get(chosenId)
    : query.trim() === '' && preferred.length === 0
      ? undefined
      : (shown[picked] ?? matches[0]);
  return {
    query,
    matches,
    cadre,
    setQuery: (q: string) => {
      setQueryRaw(q);
      setChosenId(undefined);
      setPicked(0);
    },
    /** Moves the pick among the matches shown; false when there is nowhere to move. */
    pick: (step: 1 | -1): boolean => {
      const at = cadre ? shown.findIndex((c) => c.id === cadre.id) : -1;
      const next = at + step;
      if (at < 0 || next < 0 || next >= shown.length) return false;
      setChosenId(undefined);
      setPicked(next);
      return true;
    },
    /** Fixes the choice on the top match and shows its name in the field. */
    settle: () => {
      if (!cadre) return;
      setChosenId(cadre.id);
      setQueryRaw(cadreName(idx, cadre));
    },
  };
}
