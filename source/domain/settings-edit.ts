// Editing terms and duty rules from the UI, refused when the result would be inconsistent.
import { parseDateInput, type IsoDate } from './dates.js';
import { UserError } from './errors.js';
import { dutyRulesSchema, fieldLabel, typedNumber, type Datastore, type DutyRules, type Term } from './schema.js';
import { DORM_SCOPES, type DormScope } from './vocabulary.js';
import { controlCharacterIn } from './safe-text.js';
import { termProblems } from './terms.js';

/** Adds a term (index null) or replaces the term at `index`; dates as typed (2026-09-01, 2026/9/1…). */
export function saveTerm(
  data: Datastore,
  index: number | null,
  input: { name: string; start: string; end: string },
  today: IsoDate,
): Term {
  const start = parseDateInput(input.start, today);
  const end = parseDateInput(input.end, today);
  if (input.name.trim() === '') throw new UserError('学期名称不能为空');
  const control = controlCharacterIn(input.name);
  if (control) throw new UserError(`学期名称含有${control}：请删除不可见字符后再保存`);
  if (!start || !end || input.start.trim() === '' || input.end.trim() === '')
    throw new UserError('开始日期和结束日期应写成 YYYY-MM-DD，如 2026-09-01');
  const term: Term = { name: input.name.trim(), start, end };
  const terms = [...data.settings.terms];
  if (index === null) terms.push(term);
  else terms[index] = term;
  const problems = termProblems(terms);
  if (problems.length > 0) throw new UserError(problems[0]!.text);
  data.settings.terms = terms;
  return term;
}

export type RulesInput = Record<keyof DutyRules, string>;

/**
 * Sets the school-wide defaults (collegeId null) or a college's rules. For a college, a field equal
 * to the default is stored as no override, so later changes to the defaults still apply to it.
 */
export function saveRules(data: Datastore, collegeId: string | null, input: RulesInput): DutyRules {
  const numbers = (['classPerTerm', 'dormPerMonth', 'studentPerMonth', 'minWindowDays'] as const).map((k) => {
    if (input[k].trim() === '') throw new UserError(`${fieldLabel(dutyRulesSchema, k)}：不能为空`);
    const n = typedNumber(dutyRulesSchema.shape[k]).safeParse(input[k]);
    if (!n.success) throw new UserError(`${fieldLabel(dutyRulesSchema, k)}：${n.error.issues[0]?.message ?? '无效'}`);
    return [k, n.data] as const;
  });
  if (!(DORM_SCOPES as readonly string[]).includes(input.dormScope))
    throw new UserError(`${fieldLabel(dutyRulesSchema, 'dormScope')}应为 任一 或 每个`);
  const parsed = dutyRulesSchema.safeParse({ ...Object.fromEntries(numbers), dormScope: input.dormScope as DormScope });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${fieldLabel(dutyRulesSchema, String(issue.path[0]))}：${issue.message}`);
  }
  if (collegeId === null) {
    data.settings.rules.defaults = parsed.data;
    return parsed.data;
  }
  if (!data.colleges.some((c) => c.id === collegeId)) throw new UserError('找不到该学院');
  const defaults = data.settings.rules.defaults;
  const override = Object.fromEntries(
    Object.entries(parsed.data).filter(([k, v]) => defaults[k as keyof DutyRules] !== v),
  );
  if (Object.keys(override).length === 0) delete data.settings.rules.colleges[collegeId];
  else data.settings.rules.colleges[collegeId] = override;
  return parsed.data;
}
