// Adding and editing roster entries from the UI, with the checks the import makes
// (required names, unique 工号) and status changes that end the assignment they interrupt.
import { endAssignment } from './assignments.js';
import { activeAssignment } from './contact-targets.js';
import type { ChangeContext } from './context.js';
import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import { buildIndexes } from './indexes.js';
import { cadreSchema, type Cadre, type Datastore } from './schema.js';

export type CadreInput = Omit<Cadre, 'id'>;

/** Adds a cadre (id null) or replaces an existing one's fields; returns the saved cadre. */
export function saveCadre(data: Datastore, id: string | null, input: CadreInput, ctx: ChangeContext): Cadre {
  const employeeNo = input.employeeNo?.trim() || null;
  if (employeeNo && data.cadres.some((c) => c.employeeNo === employeeNo && c.id !== id)) {
    throw new UserError(`工号 ${employeeNo} 已被其他干部使用：工号必须唯一`);
  }
  const existing = id === null ? undefined : data.cadres.find((c) => c.id === id);
  if (id !== null && !existing) throw new UserError('找不到该干部：可能已被其他人修改，请返回列表重试');
  if (existing && existing.status === '在岗' && input.status !== '在岗' && activeAssignment(buildIndexes(data), existing.id, ctx.today)) {
    throw new UserError(`${existing.name} 有有效的联系分配：请在干部列表按 x 标记${input.status}，以同时结束其分配`);
  }
  const parsed = cadreSchema.safeParse({ ...input, employeeNo, id: existing?.id ?? ctx.newId('cad') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${CADRE_FIELD_LABELS[String(issue.path[0])] ?? String(issue.path[0])}：${issue.message}`);
  }
  if (existing) Object.assign(existing, parsed.data);
  else data.cadres.push(parsed.data);
  return parsed.data;
}

const CADRE_FIELD_LABELS: Record<string, string> = {
  name: '干部姓名', employeeNo: '工号', department: '所在部门', title: '职务', politicalStatus: '政治面貌',
  shortPhone: '手机短号', officePhone: '办公电话', category: '类别', status: '状态',
};

/**
 * Marks a cadre 离职 or 长期请假. When they hold an assignment on `date`, it ends on that day
 * with that reason (endAssignment sets the status); otherwise only the status changes.
 */
export function markCadreStatus(data: Datastore, cadreId: string, status: '离职' | '长期请假', date: IsoDate): string {
  const idx = buildIndexes(data);
  const cadre = data.cadres.find((c) => c.id === cadreId);
  if (!cadre) throw new UserError('找不到该干部');
  const assignment = activeAssignment(idx, cadreId, date);
  if (!assignment) {
    cadre.status = status;
    return `${cadre.name} 已标记为${status}（无有效分配需要结束）`;
  }
  endAssignment(data, { cadreId, date, reason: status }, idx);
  return `${cadre.name} 已标记为${status}，其联系分配（${idx.classById.get(assignment.classId)?.name ?? ''}）于 ${date} 结束`;
}
