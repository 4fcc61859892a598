// 标记干部状态: a cadre leaves (离职) or goes on long leave (长期请假) from a date; the assignment they
// hold that day ends then.
import { activeAssignment } from '../domain/contact-targets.js';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import { buildIndexes } from '../domain/indexes.js';
import { cadreName } from '../domain/labels.js';
import { markCadreStatus } from '../domain/roster-edit.js';
import { dateField } from './fields.js';
import { changeOperation } from './operation.js';
import { cadreOf, type Ref } from './refs.js';

export const ABSENCE_STATUSES = ['离职', '长期请假'] as const;

export interface MarkStatusInput {
  cadre: Ref;
  status: (typeof ABSENCE_STATUSES)[number];
  /** The assignment's last day, as typed; empty: today. */
  date?: string;
}

export interface Marked {
  cadreName: string;
  status: MarkStatusInput['status'];
  date: IsoDate;
  /** The class whose assignment ended, if one was active. */
  className: string | null;
}

const lastDay = (input: MarkStatusInput, ctx: ChangeContext) => dateField(input.date, '分配最后一天', ctx.today);

export const markCadreStatusOperation = changeOperation<MarkStatusInput, Marked>({
  name: '标记干部状态',
  hints: (input, ctx) => ({ contacts: lastDay(input, ctx) }),
  apply(data, input, ctx) {
    const idx = buildIndexes(data);
    const cadre = cadreOf(idx, input.cadre);
    const date = lastDay(input, ctx);
    const assignment = activeAssignment(idx, cadre.id, date);
    markCadreStatus(data, cadre.id, input.status, date);
    return {
      cadreName: cadreName(idx, cadre),
      status: input.status,
      date,
      className: assignment ? (idx.classById.get(assignment.classId)?.name ?? '') : null,
    };
  },
  question: (m) =>
    `把 ${m.cadreName} 标记为${m.status}${m.className === null ? '' : `，并结束其联系分配（${m.className}），最后一天 ${m.date}`}？`,
  done: (m) =>
    m.className === null
      ? `${m.cadreName} 已标记为${m.status}（无有效分配需要结束）`
      : `${m.cadreName} 已标记为${m.status}，其联系分配（${m.className}）于 ${m.date} 结束`,
});
