// A new academic year (issue 26, 三、4 "班级毕业后联系新的班级"): its two terms, the graduated classes'
// assignments ended on their 毕业日期, then each new class paired with a free cadre of its college.
import { maxDate, parseDateInput, type IsoDate } from './dates.js';
import type { ChangeContext } from './context.js';
import { assign } from './assignments.js';
import { coverage } from './coverage.js';
import { UserError } from './errors.js';
import { buildIndexes, type Indexes } from './indexes.js';
import type { Assignment, Cadre, ClassGroup, Datastore, Term } from './schema.js';
import { defaultTermsFor, termProblems } from './terms.js';

const YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

/** The four dates of a year's two terms as typed; an empty one takes the default (defaultTermsFor). */
export interface YearDates {
  firstStart?: string;
  firstEnd?: string;
  secondStart?: string;
  secondEnd?: string;
}

/** The year's two terms, named as defaultTermsFor names them, with the dates given or their defaults. */
export function yearTerms(year: string, dates: YearDates, today: IsoDate): [Term, Term] {
  const match = YEAR_PATTERN.exec(year.trim());
  if (!match || Number(match[2]) !== Number(match[1]) + 1)
    throw new UserError(`学年“${year}”无效：应写成相邻两年，如 2027-2028`);
  const [first, second] = defaultTermsFor(`${match[1]}-09-01`) as [Term, Term];
  const date = (text: string | undefined, fallback: IsoDate, label: string) => {
    if (text === undefined || text.trim() === '') return fallback;
    const parsed = parseDateInput(text, today);
    if (!parsed) throw new UserError(`${label}“${text}”无效：应写成 YYYY-MM-DD，如 ${fallback}`);
    return parsed;
  };
  return [
    {
      ...first,
      start: date(dates.firstStart, first.start, '第一学期开始日期'),
      end: date(dates.firstEnd, first.end, '第一学期结束日期'),
    },
    {
      ...second,
      start: date(dates.secondStart, second.start, '第二学期开始日期'),
      end: date(dates.secondEnd, second.end, '第二学期结束日期'),
    },
  ];
}

export interface YearStarted {
  terms: [Term, Term];
  /** The assignments ended for graduation, each on its class's 毕业日期. */
  ended: Assignment[];
}

/**
 * Adds the year's terms (refused when they overlap a term or reuse a name) and ends, with reason
 * 班级毕业 on the 毕业日期, every assignment of a class that graduated before the year begins and that
 * still runs past it (its end open or later: the graduation only clipped it).
 */
export function startYear(data: Datastore, year: string, dates: YearDates, today: IsoDate): YearStarted {
  const terms = yearTerms(year, dates, today);
  const problems = termProblems([...data.settings.terms, ...terms]);
  if (problems.length > 0) throw new UserError(`未添加学年 ${year.trim()}：${problems[0]!.text}`);
  data.settings.terms = [...data.settings.terms, ...terms];
  const idx = buildIndexes(data);
  const ended: Assignment[] = [];
  for (const a of data.assignments) {
    const cls = idx.classById.get(a.classId);
    const graduation = cls?.graduationDate ?? null;
    if (graduation === null || graduation >= terms[0].start || a.start > graduation) continue;
    if (a.end !== null && a.end <= graduation) continue;
    a.end = graduation;
    a.endReason = '班级毕业';
    ended.push(a);
  }
  return { terms, ended };
}

/** The first day of a pairing made on `today` for the year that begins on `yearStart`. */
export function pairingStart(yearStart: IsoDate, today: IsoDate): IsoDate {
  return maxDate(yearStart, today);
}

/** A college's classes without a cadre on `start`, beside its free cadres: what the pairing screen shows. */
export interface PairingGroup {
  collegeId: string;
  classes: ClassGroup[];
  cadres: Cadre[];
}

export function pairingGroups(
  data: Datastore,
  idx: Indexes,
  start: IsoDate,
  colleges: ReadonlySet<string> | null = null,
): PairingGroup[] {
  const holes = coverage(data, idx, start, colleges);
  return data.colleges
    .map((c) => ({
      collegeId: c.id,
      classes: holes.classes.filter((cls) => cls.collegeId === c.id),
      cadres: holes.freeCadres.filter((f) => f.cadre.collegeId === c.id).map((f) => f.cadre),
    }))
    .filter((g) => g.classes.length > 0);
}

/** What a class brings to its new cadre by default: its dorms and 困难生 no assignment holds on `start`. */
export function freeTargetsOf(
  data: Datastore,
  idx: Indexes,
  classId: string,
  start: IsoDate,
): { dormIds: string[]; studentIds: string[] } {
  const holes = coverage(data, idx, start);
  return {
    dormIds: holes.dorms.filter((d) => d.classIds.includes(classId)).map((d) => d.dormId),
    studentIds: holes.students.filter((s) => s.classId === classId).map((s) => s.studentId),
  };
}

export interface Pairing {
  cadreId: string;
  classId: string;
  dormIds: string[];
  studentIds: string[];
}

/** Makes every pairing from `start`, or none: the first refused names its class and cadre. */
export function pairAll(
  data: Datastore,
  pairings: readonly Pairing[],
  start: IsoDate,
  ctx: ChangeContext,
): Assignment[] {
  if (pairings.length === 0) throw new UserError('没有选择任何配对：请为至少一个班级选择干部');
  const made: Assignment[] = [];
  for (const p of pairings) {
    const idx = buildIndexes(data);
    try {
      made.push(assign(data, { ...p, start }, ctx, idx));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const cls = idx.classById.get(p.classId)?.name ?? '';
      const cadre = idx.cadreById.get(p.cadreId)?.name ?? '';
      throw new UserError(`未保存任何配对：${cls} — ${cadre}：${error.message}`);
    }
  }
  return made;
}
