// Search keys: names, codes and pinyin initials; all words must match.
import { describe, expect, it } from 'vitest';
import { filterByQuery, loadPinyin, pinyinInitials, searchKeys } from '../../source/domain/search.js';

// The terminal UI loads pinyin-pro when a list first searches (ui/hooks/use-pinyin.ts).
await loadPinyin();

describe('list search', () => {
  const people = [
    { name: '张三', no: 'T001' },
    { name: '张三丰', no: 'T002' },
    { name: '李四', no: 'T003' },
  ];
  const keys = searchKeys(people, (p) => ({ names: [p.name], codes: [p.no] }));
  const find = (q: string) => filterByQuery(people, keys, q).map((p) => p.name);

  it('matches pinyin initials, names and codes, case-insensitive', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(find('zs')).toEqual(['张三', '张三丰']);
    expect(find('ZSF')).toEqual(['张三丰']);
    expect(find('李')).toEqual(['李四']);
    expect(find('t003')).toEqual(['李四']);
    expect(find('zs t002')).toEqual(['张三丰']);
    expect(find('')).toHaveLength(3);
    expect(find('wang')).toEqual([]);
  });
});
