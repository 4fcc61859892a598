// Matching what a secretary types in a list's search: names, 工号/学号 and 拼音首字母 (zs → 张三).
import type { pinyin as Pinyin } from 'pinyin-pro';
import { foldSpacesAndParentheses, normalizeName } from './names.js';

// pinyin-pro carries its dictionary (~570 KB of code, the largest part of the terminal UI): it is loaded
// when a list first needs search keys (ui/hooks/use-pinyin.ts), not while the UI starts.
let pinyin: typeof Pinyin | null = null;
let loading: Promise<void> | null = null;

export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then((m) => {
    pinyin = m.pinyin;
  });
  return loading;
}

export function pinyinLoaded(): boolean {
  return pinyin !== null;
}

/** The first letters of each character's pinyin, lower-case; other characters are kept as they are. */
export function pinyinInitials(text: string): string {
  if (pinyin === null) throw new Error('pinyin-pro is not loaded yet (loadPinyin)');
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/**
 * One search key per item, built once per list: its texts and the pinyin initials of its names.
 * `names` are normalised (names.ts) and get initials; `codes` (工号, 学号, 楼-号) are matched as typed.
 * Before pinyin-pro has loaded the keys have no initials (the hooks build them again once it has).
 */
export function searchKeys<T>(
  items: readonly T[],
  fields: (item: T) => { names: string[]; codes?: string[] },
): string[] {
  return items.map((item) => {
    const { names: typed, codes = [] } = fields(item);
    const names = typed.map(normalizeName);
    return [...names, ...codes, ...(pinyin === null ? [] : names.map(pinyinInitials))].join('\u0001').toLowerCase();
  });
}

/** The items whose key contains every space-separated word of the query (all of them when it is empty). */
export function filterByQuery<T>(items: readonly T[], keys: readonly string[], query: string): T[] {
  const words = foldSpacesAndParentheses(query).trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((_, i) => words.every((w) => keys[i]!.includes(w)));
}
