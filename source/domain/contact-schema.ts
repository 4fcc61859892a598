// The fields every schema is built from (ids, texts, dates, with the Chinese messages) and the contact's
// schema: all a save that only adds contacts (`log`) validates with. Apart from schema.ts, whose roster
// and settings schemas are constructed only when a command needs them (~19 ms of a log's start-up), and
// written with zod/mini, zod's functional API on the same core: a log loads 40 KB of zod instead of the
// 200 KB of its method API (~14 ms). schema.ts builds on these fields with the method API as before.
import * as z from 'zod/mini';
// The one locale by its own path: z.locales would bring all 64 of zod's (half of zod's code in the bundle).
import zhCN from 'zod/v4/locales/zh-CN.js';
import { isIsoDate } from './dates.js';
import { CONTACT_FORMS, DUTIES } from './vocabulary.js';

// Validation messages in Chinese: they reach secretaries through `check`, load errors and refused saves.
// zod's configuration is its core's, shared by both APIs.
z.config(zhCN());

// The limits of the fields schema.ts shares: declared here, built with each API.
export const DATE_MESSAGE = '日期应为 YYYY-MM-DD 格式的真实日期';
export const ID_MAX = 64;
export const TEXT_MAX = 2000;
export const TEXT_TOO_LONG = `过长（最多 ${TEXT_MAX} 个字符）`;

const isoDate = z.string().check(z.refine(isIsoDate, { message: DATE_MESSAGE }));
const id = z.string().check(z.minLength(1), z.maxLength(ID_MAX));
const text = z.string().check(z.maxLength(TEXT_MAX, TEXT_TOO_LONG));

export const contactSchema = z.object({
  id,
  cadreId: id,
  duty: z.enum(DUTIES),
  /** The class, dorm or student id, by duty. */
  targetId: id,
  date: isoDate,
  form: z.enum(CONTACT_FORMS),
  note: text,
  enteredAt: z.string().check(z.minLength(1), z.maxLength(100, '过长（最多 100 个字符）')),
  enteredBy: z.string().check(z.maxLength(100, '过长（最多 100 个字符）')),
});

export type Contact = z.infer<typeof contactSchema>;

/** A schema of either zod API as a check uses it: what the import and a save validate with. */
export interface Validator<T> {
  safeParse(data: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>): z.core.util.SafeParseResult<T>;
}
