// 新学年 and 配对: a new academic year's terms with the graduated classes' assignments ended, then the
// new classes paired with free cadres in one batch — each one journal entry, undone as one; and 加入困难生,
// 加入寝室: a hole of the grid closed from the 网格 screen.
import { coverDorm, coverStudent } from '../domain/cover.js';
import { cadreName, studentLabel } from '../domain/labels.js';
import { buildIndexes, dormKey, type Indexes } from '../domain/indexes.js';
import { pairAll, startYear, type YearDates, type YearStarted } from '../domain/new-year.js';
import type { Assignment } from '../domain/schema.js';
import { dateField } from './fields.js';
import { changeOperation } from './operation.js';
import { cadreOf, classOf, dormOf, studentOf, type Ref } from './refs.js';

export interface StartYearInput extends YearDates {
  /** 2027-2028 */
  year: string;
}

export interface YearStartedNamed extends YearStarted {
  /** Each ended assignment as a line: 班级 — 干部（最后一天）. */
  lines: string[];
}

export const startYearOperation = changeOperation<StartYearInput, YearStartedNamed>({
  name: '新学年',
  hints: () => ({ contacts: 'none' }),
  apply(data, { year, ...dates }, ctx) {
    const started = startYear(data, year, dates, ctx.today);
    const idx = buildIndexes(data);
    const lines = started.ended.map((a) => {
      const cadre = idx.cadreById.get(a.cadreId);
      return `${idx.classById.get(a.classId)?.name ?? ''} — ${cadre ? cadreName(idx, cadre) : ''}（最后一天 ${a.end}）`;
    });
    return { ...started, lines };
  },
  question: (r) =>
    `添加 ${r.terms.map((t) => `${t.name}（${t.start} 至 ${t.end}）`).join('、')}，并以“班级毕业”结束 ${r.ended.length} 个已毕业班级的联系分配`,
  done: (r) => `已添加 ${r.terms.map((t) => t.name).join('、')}；已以“班级毕业”结束 ${r.ended.length} 个联系分配`,
});

export interface PairInput {
  /** The pairings' first day, as typed; empty: today. */
  start?: string;
  pairs: Array<{ cadre: Ref; class: Ref; dorms: Ref[]; students: Ref[] }>;
}

export const pairOperation = changeOperation<PairInput, Assignment[]>({
  name: '配对',
  hints: () => ({ contacts: 'none' }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const start = dateField(input.start, '开始日期', ctx.today);
    const pairings = input.pairs.map((p) => ({
      cadreId: cadreOf(idx, p.cadre).id,
      classId: classOf(idx, p.class).id,
      dormIds: p.dorms.map((d) => dormOf(idx, d).id),
      studentIds: p.students.map((s) => studentOf(idx, s).id),
    }));
    return pairAll(data, pairings, start, ctx);
  },
  question: (made) => `保存这 ${made.length} 个配对（自 ${made[0]?.start ?? ''} 起）`,
  done: (made) => `已保存 ${made.length} 个配对（自 ${made[0]?.start ?? ''} 起）`,
});

export interface CoverStudentInput {
  student: Ref;
}

/** The assignment a hole was added to: its cadre and class, as the question and the message name them. */
interface Holder {
  cadre: string;
  className: string;
}

function holderOf(idx: Indexes, assignment: Assignment): Holder {
  const cadre = idx.cadreById.get(assignment.cadreId);
  return { cadre: cadre ? cadreName(idx, cadre) : '', className: idx.classById.get(assignment.classId)?.name ?? '' };
}

export interface CoveredStudent extends Holder {
  student: string;
}

export const coverStudentOperation = changeOperation<CoverStudentInput, CoveredStudent>({
  name: '加入困难生',
  hints: () => ({ contacts: 'none' }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const { assignment, student } = coverStudent(data, idx, studentOf(idx, input.student).id, ctx.today);
    return { student: studentLabel(student), ...holderOf(idx, assignment) };
  },
  question: (r) =>
    `把困难生 ${r.student} 加入 ${r.cadre} 对 ${r.className} 的联系分配（自该分配开始的每个月都应联系她）`,
  done: (r) => `已把困难生 ${r.student} 加入 ${r.cadre} 对 ${r.className} 的联系分配`,
});

export interface CoverDormInput {
  dorm: Ref;
}

export interface CoveredDorm extends Holder {
  dorm: string;
}

export const coverDormOperation = changeOperation<CoverDormInput, CoveredDorm>({
  name: '加入寝室',
  hints: () => ({ contacts: 'none' }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const { assignment, dorm } = coverDorm(data, idx, dormOf(idx, input.dorm).id, ctx.today);
    return { dorm: dormKey(dorm), ...holderOf(idx, assignment) };
  },
  question: (r) => `把寝室 ${r.dorm} 加入 ${r.cadre} 对 ${r.className} 的联系分配`,
  done: (r) => `已把寝室 ${r.dorm} 加入 ${r.cadre} 对 ${r.className} 的联系分配`,
});
