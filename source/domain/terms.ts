import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import type { Term } from './schema.js';

export function termContaining(terms: readonly Term[], date: IsoDate): Term | null {
  return terms.find((t) => t.start <= date && date <= t.end) ?? null;
}

/** The term whose duties are reported on `date`: the one containing it, else the latest before it. */
export function reportingTerm(terms: readonly Term[], date: IsoDate): Term | null {
  const containing = termContaining(terms, date);
  if (containing) return containing;
  let latest: Term | null = null;
  for (const t of terms) if (t.end < date && (!latest || t.end > latest.end)) latest = t;
  return latest;
}

export function findTerm(terms: readonly Term[], name: string): Term {
  const term = terms.find((t) => t.name === name);
  if (!term) {
    const known = terms.map((t) => t.name).join('、') || '（尚未配置学期）';
    throw new UserError(`找不到学期“${name}”：已配置的学期有 ${known}`);
  }
  return term;
}

/** Terms must be well-formed and must not overlap: a date belongs to at most one term. Each problem with its terms. */
export function termProblems(terms: readonly Term[]): Array<{ text: string; about: Term[] }> {
  const problems: Array<{ text: string; about: Term[] }> = [];
  const sorted = [...terms].sort((a, b) => (a.start < b.start ? -1 : 1));
  const names = new Map<string, Term>();
  for (const t of sorted) {
    if (t.end < t.start)
      problems.push({ text: `学期“${t.name}”的结束日期 ${t.end} 早于开始日期 ${t.start}`, about: [t] });
    const namesake = names.get(t.name);
    if (namesake) problems.push({ text: `学期名称“${t.name}”重复`, about: [t, namesake] });
    names.set(t.name, t);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.start <= prev.end)
      problems.push({ text: `学期“${prev.name}”与“${cur.name}”的日期重叠`, about: [cur, prev] });
  }
  return problems;
}

/** The academic year's two default terms for a date: autumn Sep 1 – Jan 20, spring Feb 20 – Jul 10. */
export function defaultTermsFor(date: IsoDate): Term[] {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return [
    { name: `${first}-${first + 1}学年第一学期`, start: `${first}-09-01`, end: `${first + 1}-01-20` },
    { name: `${first}-${first + 1}学年第二学期`, start: `${first + 1}-02-20`, end: `${first + 1}-07-10` },
  ];
}
