// 分配, 移交, 结束分配: a cadre takes a class (with its dorms and difficult students), hands it to
// another cadre, or ends it. Each reads the contacts from its date on (a handover or an end must not
// leave contacts after the last day) and asks y/n in the terminal UI with its preview's result.
import { assign, endAssignment, reassign } from '../domain/assignments.js';
import type { ChangeContext } from '../domain/context.js';
import { addDays, type IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { buildIndexes } from '../domain/indexes.js';
import { cadreName } from '../domain/labels.js';
import { type Assignment, type ClassGroup } from '../domain/schema.js';
import { END_REASONS, TRANSFER_REASONS, type EndReason, type TransferReason } from '../domain/vocabulary.js';
import { dateField } from './fields.js';
import { changeOperation } from './operation.js';
import { cadreOf, classOf, dormOf, studentOf, type Ref } from './refs.js';

function oneOf<T extends string>(value: string, allowed: readonly T[], label: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${label}“${value}”无效：应为 ${allowed.join('、')} 之一`);
}

export interface AssignInput {
  cadre: Ref;
  class: Ref;
  /** Omitted: every dorm of the class that no other assignment holds. */
  dorms?: Ref[];
  students?: Ref[];
  /** As typed; empty: today. */
  start?: string;
}

export interface Assigned {
  assignment: Assignment;
  cadreName: string;
  className: string;
}

export const assignOperation = changeOperation<AssignInput, Assigned>({
  name: '分配',
  hints: () => ({ contacts: 'none' }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const cadre = cadreOf(idx, input.cadre);
    const cls = classOf(idx, input.class);
    const start = dateField(input.start, '开始日期', ctx.today);
    const dormIds = input.dorms?.map((d) => dormOf(idx, d).id);
    const studentIds = (input.students ?? []).map((s) => studentOf(idx, s).id);
    const assignment = assign(data, { cadreId: cadre.id, classId: cls.id, dormIds, studentIds, start }, ctx, idx);
    return { assignment, cadreName: cadreName(idx, cadre), className: cls.name };
  },
  question: ({ assignment: a, cadreName, className }) =>
    `把 ${className}（寝室 ${a.dormIds.length} 间、困难生 ${a.studentIds.length} 名）分配给 ${cadreName}，自 ${a.start} 起`,
  done: ({ assignment, cadreName, className }) => `已把 ${className} 分配给 ${cadreName}，自 ${assignment.start} 起`,
});

export interface ReassignInput {
  class: Ref;
  to: Ref;
  /** The new cadre's first day, as typed; empty: today. */
  date?: string;
  /** One of TRANSFER_REASONS. */
  reason: string;
}

export interface Reassigned {
  className: string;
  fromName: string;
  toName: string;
  date: IsoDate;
  reason: TransferReason;
}

const handoverDate = (input: ReassignInput, ctx: ChangeContext) => dateField(input.date, '移交日期', ctx.today);

export const reassignOperation = changeOperation<ReassignInput, Reassigned>({
  name: '移交',
  hints: (input, ctx) => ({ contacts: handoverDate(input, ctx) }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const cls = classOf(idx, input.class);
    const to = cadreOf(idx, input.to);
    const date = handoverDate(input, ctx);
    const reason = oneOf(input.reason, TRANSFER_REASONS, '移交原因');
    const { ended } = reassign(data, { classId: cls.id, toCadreId: to.id, date, reason }, ctx, idx);
    const from = idx.cadreById.get(ended.cadreId);
    return {
      className: cls.name,
      fromName: from ? cadreName(idx, from) : '',
      toName: cadreName(idx, to),
      date,
      reason,
    };
  },
  question: (r) =>
    `把 ${r.className} 自 ${r.date} 起由 ${r.fromName} 移交给 ${r.toName}（原分配于 ${addDays(r.date, -1)} 结束，原因：${r.reason}）`,
  done: (r) =>
    `已把 ${r.className} 移交给 ${r.toName}（自 ${r.date} 起；${r.fromName} 联系至 ${addDays(r.date, -1)}，${r.reason}）`,
});

export interface EndInput {
  cadre: Ref;
  /** The class the assignment is for, when the user chose it: a graduation ends on its 毕业日期 by default. */
  class?: Ref;
  /** The last day, as typed; empty: the class's graduation date when ending for graduation, else today. */
  date?: string;
  /** One of END_REASONS. */
  reason: string;
}

export interface Ended {
  assignment: Assignment;
  cadreName: string;
  className: string;
}

/** The last day: as typed, or the graduation date when a graduated class ends for that reason. */
function lastDay(input: EndInput, ctx: ChangeContext, classes: readonly ClassGroup[]): IsoDate {
  const ref = input.class;
  const cls =
    ref === undefined
      ? undefined
      : classes.find((c) => (typeof ref === 'string' ? c.name === ref.trim() : c.id === ref.id));
  const graduation = input.reason === '班级毕业' ? cls?.graduationDate : null;
  return dateField(input.date, '最后一天', ctx.today, graduation ?? ctx.today);
}

/** The placeholder the end form shows for its date: what an empty date means. */
export function endDateDefault(cls: ClassGroup, reason: string, today: IsoDate): string {
  return reason === '班级毕业' && cls.graduationDate ? `毕业日期 ${cls.graduationDate}` : `今天 ${today}`;
}

export const endOperation = changeOperation<EndInput, Ended>({
  name: '结束分配',
  hints: (input, ctx) => ({ contacts: (main) => lastDay(input, ctx, main.classes) }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const cadre = cadreOf(idx, input.cadre);
    const date = lastDay(input, ctx, data.classes);
    const reason: EndReason = oneOf(input.reason, END_REASONS, '结束原因');
    const cls = input.class === undefined ? undefined : classOf(idx, input.class);
    const assignment = endAssignment(data, { cadreId: cadre.id, date, reason }, idx);
    const className = idx.classById.get(assignment.classId)?.name ?? '';
    if (cls && cls.id !== assignment.classId)
      throw new UserError(`${cadre.name} 在 ${date} 联系的是 ${className}，不是 ${cls.name}`);
    return { assignment, cadreName: cadreName(idx, cadre), className };
  },
  question: ({ assignment: a, cadreName, className }) =>
    `结束 ${cadreName} 对 ${className} 的联系分配，最后一天 ${a.end}，原因：${a.endReason}`,
  done: ({ assignment: a, cadreName, className }) =>
    `已结束 ${cadreName} 对 ${className} 的联系分配（最后一天 ${a.end}，${a.endReason}）`,
});
