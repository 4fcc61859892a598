// The overdue report of SPEC: one row per unsatisfied owed window of the reporting term.
import type { IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import { collegeName, targetLabel } from './labels.js';
import type { Datastore, Term } from './schema.js';
import type { Duty } from './vocabulary.js';
import { reportingTerm } from './terms.js';
import { termWindows, windowDays, windowStatus } from './windows.js';

export interface OverdueRow {
  cadre: string;
  cadreId: string;
  /** Beyond SPEC's fields: tells namesakes apart. */
  employeeNo: string | null;
  college: string;
  duty: Duty;
  target: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  status: 'overdue' | 'due';
  days: number;
}

export interface OverdueFilter {
  collegeId?: string;
  cadreId?: string;
  duty?: Duty;
  status?: 'overdue' | 'due';
}

export interface OverdueReport {
  term: Term | null;
  asOf: IsoDate;
  rows: OverdueRow[];
}

/** Made on first use: creating an ICU collator costs ~15 ms, which `overdue --count` need not pay. */
let collator: Intl.Collator | null = null;
const compareNames = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN')).compare(a, b);

/** What the order reads: the assessment's missed windows are sorted by it too. */
type OverdueOrderFields = Pick<OverdueRow, 'status' | 'days' | 'cadre' | 'cadreId' | 'duty' | 'windowStart' | 'target'>;
const DUTY_ORDER: Record<Duty, number> = { class: 0, dorm: 1, student: 2 };

/**
 * SPEC's order: overdue before due, then days descending, then cadre name (pinyin order), with the
 * names compared by `byName` (the overdue digest passes ranks it computed with the same collator).
 */
export function overdueOrder<T extends OverdueOrderFields>(byName: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => {
    if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
    if (a.days !== b.days) return b.days - a.days;
    const name = byName(a, b);
    if (name !== 0) return name;
    if (a.cadreId !== b.cadreId) return a.cadreId < b.cadreId ? -1 : 1;
    if (a.duty !== b.duty) return DUTY_ORDER[a.duty] - DUTY_ORDER[b.duty];
    if (a.windowStart !== b.windowStart) return a.windowStart < b.windowStart ? -1 : 1;
    return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
  };
}

/** SPEC's order: overdue before due, then days descending, then cadre name (pinyin order). */
export const compareOverdueRows = overdueOrder<OverdueOrderFields>((a, b) => compareNames(a.cadre, b.cadre));

/** Ranks of names in the order compareOverdueRows sorts them (equal names, equal ranks). */
export function nameRanks(names: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(names)].sort(compareNames);
  const ranks = new Map<string, number>();
  sorted.forEach((n, i) =>
    ranks.set(n, i > 0 && compareNames(sorted[i - 1]!, n) === 0 ? ranks.get(sorted[i - 1]!)! : i),
  );
  return ranks;
}

export function overdueReport(data: Datastore, idx: Indexes, asOf: IsoDate, filter: OverdueFilter = {}): OverdueReport {
  const term = reportingTerm(data.settings.terms, asOf);
  if (!term) return { term: null, asOf, rows: [] };
  const rows: OverdueRow[] = [];
  for (const w of termWindows(data, idx, term, asOf)) {
    if (filter.collegeId && w.collegeId !== filter.collegeId) continue;
    if (filter.cadreId && w.cadreId !== filter.cadreId) continue;
    if (filter.duty && w.duty !== filter.duty) continue;
    const status = windowStatus(w, asOf);
    if (status !== 'overdue' && status !== 'due') continue;
    if (filter.status && status !== filter.status) continue;
    const cadre = idx.cadreById.get(w.cadreId);
    rows.push({
      cadre: cadre?.name ?? w.cadreId,
      cadreId: w.cadreId,
      employeeNo: cadre?.employeeNo ?? null,
      college: collegeName(idx, w.collegeId),
      duty: w.duty,
      target: w.targetIds.map((t) => targetLabel(idx, w.duty, t)).join('、'),
      windowStart: w.start,
      windowEnd: w.end,
      status,
      days: windowDays(w, status, asOf),
    });
  }
  rows.sort(compareOverdueRows);
  return { term, asOf, rows };
}
