// 首页's picture of the term: one block per month, as high as the month's completion rate, then the
// term's rate as text — shapes and digits, so it reads the same without colour (NO_COLOR).
import type { CollegeTermCompletion } from '../../domain/completion.js';

/** 0% to 100% in eight heights. */
const LEVELS = '▁▂▃▄▅▆▇█';
/** A month that owed nothing. */
const NONE = '·';

/** The months as blocks, then the term's rate with its class windows (评议考核's 完成率). */
export function termBar({ months, classes }: Pick<CollegeTermCompletion, 'months' | 'classes'>): string {
  if (months.length === 0) return '';
  const bar = months
    .map((m) => (m.owed === 0 ? NONE : LEVELS[Math.round((m.met / m.owed) * (LEVELS.length - 1))]))
    .join('');
  const owed = months.reduce((n, m) => n + m.owed, classes.owed);
  const met = months.reduce((n, m) => n + m.met, classes.met);
  return owed === 0 ? bar : `${bar} ${Math.round((met / owed) * 100)}%`;
}

/** The column's heading: the months it covers (本学期 9–11月). */
export function termBarHeading(months: CollegeTermCompletion['months']): string {
  if (months.length === 0) return '本学期';
  const n = (m: string) => Number(m.slice(5, 7));
  return months.length === 1
    ? `本学期 ${n(months[0]!.month)}月`
    : `本学期 ${n(months[0]!.month)}–${n(months.at(-1)!.month)}月`;
}
