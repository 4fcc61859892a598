// Recording a contact a cadre reports, and reading the contact history.
import type { IsoDate } from './dates.js';
import type { ChangeContext } from './context.js';
import { UserError } from './errors.js';
import { buildIndexes, type Indexes } from './indexes.js';
import { contactProblem } from './invariants.js';
import { controlCharacterIn } from './safe-text.js';
import type { Contact, Datastore } from './schema.js';
import type { ContactForm, Duty } from './vocabulary.js';
import { isActiveOn } from './windows.js';

/** The 形式 used when none is given. */
export const DEFAULT_FORM: Record<Duty, ContactForm> = { class: '座谈会', dorm: '寝室走访', student: '谈心谈话' };

export interface LogInput {
  cadreId: string;
  duty: Duty;
  targetId: string;
  date: IsoDate;
  form?: ContactForm;
  note?: string;
}

/** Adds a contact to `data` (mutating it) or throws a UserError saying why it cannot count. */
export function logContact(
  data: Datastore,
  input: LogInput,
  ctx: ChangeContext,
  idx: Indexes = buildIndexes(data),
): Contact {
  if (input.date > ctx.today)
    throw new UserError(`联系日期 ${input.date} 晚于今天（${ctx.today}）：只能记录已经发生的联系`);
  const problem = contactProblem(idx, input);
  if (problem) throw new UserError(problem);
  const control = controlCharacterIn(input.note ?? '', true);
  if (control) throw new UserError(`备注含有${control}：请删除不可见字符后再保存`);
  const contact: Contact = {
    id: ctx.newId('ct'),
    cadreId: input.cadreId,
    duty: input.duty,
    targetId: input.targetId,
    date: input.date,
    form: input.form ?? DEFAULT_FORM[input.duty],
    note: (input.note ?? '').trim(),
    enteredAt: ctx.now,
    enteredBy: ctx.user,
  };
  data.contacts.push(contact);
  return contact;
}

export interface ContactFilter {
  cadreId?: string;
  collegeId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** Contacts matching the filter, newest first (by date, then by entry time). */
export function contactHistory(data: Datastore, idx: Indexes, filter: ContactFilter = {}): Contact[] {
  const collegeOf = (c: Contact): string | undefined => {
    const assignment = (idx.assignmentsByCadre.get(c.cadreId) ?? []).find((a) =>
      isActiveOn(a, idx.classById.get(a.classId), c.date),
    );
    return assignment
      ? idx.classById.get(assignment.classId)?.collegeId
      : (idx.cadreById.get(c.cadreId)?.collegeId ?? undefined);
  };
  return data.contacts
    .filter(
      (c) =>
        (!filter.cadreId || c.cadreId === filter.cadreId) &&
        (!filter.from || c.date >= filter.from) &&
        (!filter.to || c.date <= filter.to) &&
        (!filter.collegeId || collegeOf(c) === filter.collegeId),
    )
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? 1
          : -1
        : a.enteredAt < b.enteredAt
          ? 1
          : a.enteredAt > b.enteredAt
            ? -1
            : 0,
    );
}
