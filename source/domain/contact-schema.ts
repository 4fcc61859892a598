// The fields every schema is built from (ids, texts, dates, with the Chinese messages) and the contact's
// schema: all a save that only adds contacts (`log`) validates with. Apart from schema.ts, whose roster
// and settings schemas are constructed only when a command needs them (~19 ms of a log's start-up).
import * as z from 'zod';
// The one locale by its own path: z.locales would bring all 64 of zod's (half of zod's code in the bundle).
import zhCN from 'zod/v4/locales/zh-CN.js';
import { isIsoDate } from './dates.js';
import { CONTACT_FORMS, DUTIES } from './vocabulary.js';

// Validation messages in Chinese: they reach secretaries through `check`, load errors and refused saves.
z.config(zhCN());

export const isoDateSchema = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的真实日期' });
export const id = z.string().min(1).max(64);
export const text = z.string().max(2000, '过长（最多 2000 个字符）');
export const name = z.string().trim().min(1, '不能为空').max(100, '过长（最多 100 个字符）');
export const phone = z.string().max(50, '过长（最多 50 个字符）');
export const count = z.number().int('应为整数').min(0, '不能为负').max(100, '过大（最多 100）');

export const contactSchema = z.object({
  id,
  cadreId: id,
  duty: z.enum(DUTIES),
  /** The class, dorm or student id, by duty. */
  targetId: id,
  date: isoDateSchema,
  form: z.enum(CONTACT_FORMS),
  note: text,
  enteredAt: z.string().min(1).max(100, '过长（最多 100 个字符）'),
  enteredBy: z.string().max(100, '过长（最多 100 个字符）'),
});

export type Contact = z.infer<typeof contactSchema>;
