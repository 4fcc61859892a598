// 记录联系: one contact a cadre reports. Only contacts change, so the store reads from the contact's month.
import { DEFAULT_FORM, logContact } from '../domain/contacts.js';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { cadreName, targetLabel } from '../domain/labels.js';
import { parseDutyLabel } from '../domain/lookup.js';
import { type Contact } from '../domain/schema.js';
import { CONTACT_FORMS, DUTIES, DUTY_LABELS, type ContactForm, type Duty } from '../domain/vocabulary.js';
import { dateField } from './fields.js';
import { changeOperation } from './operation.js';
import { cadreOf, targetOf, type Ref } from './refs.js';

export interface LogContactInput {
  cadre: Ref;
  /** class/dorm/student, or as typed: 班级, 寝室, 困难生. */
  duty: Duty | string;
  target: Ref;
  /** As typed (2026-11-20, 昨天, -3…); empty: today. */
  date?: string;
  /** One of CONTACT_FORMS; empty: the duty's usual form. */
  form?: string;
  note?: string;
  /** Record it even when the same contact (cadre, type, target, date) is already on file. */
  again?: boolean;
}

export interface LoggedContact {
  contact: Contact;
  cadreName: string;
  targetLabel: string;
}

/**
 * The same contact (cadre, type, target, date) is already recorded and `again` was not given: the
 * TUI asks whether to record it again, the command line asks for --again.
 */
export class DuplicateContactError extends UserError {
  constructor(
    readonly existing: Contact,
    readonly cadreName: string,
    readonly targetLabel: string,
  ) {
    super(
      `${cadreName} ${existing.date} 与 ${targetLabel} 的联系已有记录（${existing.form}${existing.note ? `，${existing.note}` : ''}），未重复记录`,
    );
  }

  /** The y/n question a client asks before recording it again. */
  get question(): string {
    return `${this.cadreName} ${this.existing.date} 与 ${this.targetLabel} 的联系已有记录（${this.existing.form}${this.existing.note ? `，${this.existing.note}` : ''}）：仍要再记一条？`;
  }
}

const dateOf = (input: LogContactInput, ctx: ChangeContext): IsoDate =>
  dateField(input.date, '日期', ctx.today, ctx.today, true);

function dutyOf(text: string): Duty {
  return (DUTIES as readonly string[]).includes(text) ? (text as Duty) : parseDutyLabel(text);
}

/** The 形式 typed, or the duty's usual one. */
export function contactForm(text: string | undefined, duty: Duty): ContactForm {
  if (text === undefined || text === '') return DEFAULT_FORM[duty];
  if (!(CONTACT_FORMS as readonly string[]).includes(text))
    throw new UserError(`形式“${text}”无效：应为 ${CONTACT_FORMS.join('、')} 之一`);
  return text as ContactForm;
}

export const logContactOperation = changeOperation<LogContactInput, LoggedContact>({
  name: '记录联系',
  hints: (input, ctx) => ({ contacts: dateOf(input, ctx), changes: 'contacts' }),
  // The store's lookups read only the records found (through the roster's index); all happen before the contact is added.
  apply(data, input, ctx, { indexes: idx }) {
    const cadre = cadreOf(idx, input.cadre);
    const duty = dutyOf(input.duty);
    const targetId = targetOf(idx, duty, input.target);
    const form = contactForm(input.form, duty);
    const date = dateOf(input, ctx);
    // The store read the contacts of the contact's month (the hints), so one already there is seen.
    const same = input.again
      ? undefined
      : data.contacts.find(
          (c) => c.cadreId === cadre.id && c.duty === duty && c.targetId === targetId && c.date === date,
        );
    if (same) throw new DuplicateContactError(same, cadreName(idx, cadre), targetLabel(idx, duty, targetId));
    const contact = logContact(data, { cadreId: cadre.id, duty, targetId, date, form, note: input.note }, ctx, idx);
    return { contact, cadreName: cadreName(idx, cadre), targetLabel: targetLabel(idx, duty, targetId) };
  },
  done: ({ contact, cadreName, targetLabel }) =>
    `已记录：${cadreName} ${DUTY_LABELS[contact.duty]} ${targetLabel} ${contact.date} ${contact.form}`,
});
