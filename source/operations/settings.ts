// 设置学期 and 设置规则: the terms and the duty rules, school-wide or one college's.
import { saveRules, saveTerm, type RulesInput } from '../domain/settings-edit.js';
import type { DutyRules, Term } from '../domain/schema.js';
import { changeOperation } from './operation.js';

export interface SaveTermInput {
  /** The term's place in settings.terms; null adds one. */
  index: number | null;
  name: string;
  /** As typed. */
  start: string;
  end: string;
}

export const saveTermOperation = changeOperation<SaveTermInput, Term>({
  name: '设置学期',
  hints: () => ({ contacts: 'none' }),
  apply: (data, { index, ...input }, ctx) => saveTerm(data, index, input, ctx.today),
  done: (t) => `已保存学期 ${t.name}（${t.start} 至 ${t.end}）`,
});

export interface SaveRulesInput {
  /** null: the school-wide defaults. */
  collegeId: string | null;
  rules: RulesInput;
}

export const saveRulesOperation = changeOperation<SaveRulesInput, DutyRules>({
  name: '设置规则',
  hints: () => ({ contacts: 'none' }),
  apply: (data, input) => saveRules(data, input.collegeId, input.rules),
  done: () => '已保存考核规则',
});
