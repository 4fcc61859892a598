// Assigning, reassigning and ending 联系分配, each refusing to break an invariant.
import { addDays, type IsoDate } from './dates.js';
import type { ChangeContext } from './context.js';
import { UserError } from './errors.js';
import { buildIndexes, type Indexes } from './indexes.js';
import { assignmentConflicts, assignmentsOverlap, type Problem } from './invariants.js';
import type { Assignment, Datastore } from './schema.js';
import type { EndReason, TransferReason } from './vocabulary.js';
import { isActiveOn } from './windows.js';

export interface AssignInput {
  cadreId: string;
  classId: string;
  /** Omitted: all the class's dorms that no other active assignment holds. */
  dormIds?: string[];
  studentIds?: string[];
  start: IsoDate;
  end?: IsoDate | null;
  endReason?: EndReason | null;
}

function refuse(problems: Problem[]): never {
  const first = problems[0]!.text;
  throw new UserError(
    problems.length === 1 ? first : `${first}（另有 ${problems.length - 1} 处冲突）`,
    problems.flatMap((p) => p.about),
  );
}

/** The class's dorms not held by another assignment overlapping the candidate. */
function freeDormsOfClass(idx: Indexes, assignments: readonly Assignment[], candidate: Assignment): string[] {
  const held = new Set<string>();
  for (const other of assignments) {
    if (other.classId !== candidate.classId && assignmentsOverlap(idx, candidate, other))
      for (const d of other.dormIds) held.add(d);
  }
  return (idx.dormsByClass.get(candidate.classId) ?? []).map((d) => d.id).filter((d) => !held.has(d));
}

/** Adds an assignment to `data` (mutating it) or throws a UserError naming the conflict. */
export function assign(
  data: Datastore,
  input: AssignInput,
  ctx: ChangeContext,
  idx: Indexes = buildIndexes(data),
): Assignment {
  const cadre = idx.cadreById.get(input.cadreId);
  const cls = idx.classById.get(input.classId);
  if (!cadre) throw new UserError('找不到该干部');
  if (!cls) throw new UserError('找不到该班级');
  if (cadre.status !== '在岗')
    throw new UserError(`${cadre.name} 的状态为“${cadre.status}”，不能分配联系班级；如已返岗，请先把状态改为“在岗”`);
  if (cls.graduationDate !== null && cls.graduationDate < input.start) {
    throw new UserError(`班级 ${cls.name} 已于 ${cls.graduationDate} 毕业，不能再分配联系干部`);
  }
  const candidate: Assignment = {
    id: ctx.newId('asg'),
    cadreId: cadre.id,
    classId: cls.id,
    dormIds: [],
    studentIds: [...new Set(input.studentIds ?? [])],
    start: input.start,
    end: input.end ?? null,
    endReason: input.endReason ?? null,
  };
  candidate.dormIds = input.dormIds ? [...new Set(input.dormIds)] : freeDormsOfClass(idx, data.assignments, candidate);
  const problems = assignmentConflicts(idx, data.assignments, candidate);
  if (problems.length > 0) refuse(problems);
  data.assignments.push(candidate);
  return candidate;
}

const STATUS_BY_REASON: Partial<Record<EndReason, '离职' | '长期请假'>> = { 离职: '离职', 长期请假: '长期请假' };

function assertNoContactsAfter(data: Datastore, idx: Indexes, assignment: Assignment, lastDay: IsoDate): void {
  const targets = new Set([assignment.classId, ...assignment.dormIds, ...assignment.studentIds]);
  const later = data.contacts.filter(
    (c) =>
      c.cadreId === assignment.cadreId &&
      c.date > lastDay &&
      c.date <= (assignment.end ?? '9999-12-31') &&
      targets.has(c.targetId),
  );
  if (later.length > 0) {
    const cadre = idx.cadreById.get(assignment.cadreId);
    throw new UserError(
      `${cadre?.name ?? ''} 在 ${lastDay} 之后还有 ${later.length} 条联系记录（最早 ${later.map((c) => c.date).sort()[0]}）：请把结束日期定在这些记录之后`,
    );
  }
}

function setCadreStatus(data: Datastore, cadreId: string, reason: EndReason): void {
  const status = STATUS_BY_REASON[reason];
  const cadre = data.cadres.find((c) => c.id === cadreId);
  if (status && cadre) cadre.status = status;
}

/** The cadre's assignment active on `date`. */
function activeAssignmentOf(idx: Indexes, cadreId: string, date: IsoDate): Assignment | undefined {
  return (idx.assignmentsByCadre.get(cadreId) ?? []).find((a) => isActiveOn(a, idx.classById.get(a.classId), date));
}

export interface EndInput {
  cadreId: string;
  /** The last active day. */
  date: IsoDate;
  reason: EndReason;
}

/** Ends the cadre's assignment active on `date`, which becomes its last day. */
export function endAssignment(data: Datastore, input: EndInput, idx: Indexes = buildIndexes(data)): Assignment {
  const cadre = idx.cadreById.get(input.cadreId);
  if (!cadre) throw new UserError('找不到该干部');
  const assignment = activeAssignmentOf(idx, cadre.id, input.date);
  if (!assignment) throw new UserError(`${cadre.name} 在 ${input.date} 没有有效的联系分配，无需结束`);
  assertNoContactsAfter(data, idx, assignment, input.date);
  assignment.end = input.date;
  assignment.endReason = input.reason;
  setCadreStatus(data, cadre.id, input.reason);
  return assignment;
}

export interface ReassignInput {
  classId: string;
  toCadreId: string;
  /** The new cadre's first day; the old assignment ends the day before. */
  date: IsoDate;
  reason: TransferReason;
}

/** Hands a class, with its dorms and students, to another cadre from `date` on. */
export function reassign(
  data: Datastore,
  input: ReassignInput,
  ctx: ChangeContext,
  idx: Indexes = buildIndexes(data),
): {
  ended: Assignment;
  started: Assignment;
} {
  const cls = idx.classById.get(input.classId);
  if (!cls) throw new UserError('找不到该班级');
  const current = (idx.assignmentsByClass.get(cls.id) ?? []).find((a) => isActiveOn(a, cls, input.date));
  if (!current) throw new UserError(`班级 ${cls.name} 在 ${input.date} 没有联系干部：请用 assign 直接分配`);
  if (current.cadreId === input.toCadreId) throw new UserError(`班级 ${cls.name} 在 ${input.date} 已由该干部联系`);
  if (current.start >= input.date) {
    throw new UserError(`原联系分配从 ${current.start} 开始，移交日期必须晚于该日：请改用 end 结束原分配后再 assign`);
  }
  const lastDay = addDays(input.date, -1);
  assertNoContactsAfter(data, idx, current, lastDay);
  const oldEnd = current.end;
  const oldReason = current.endReason;
  current.end = lastDay;
  current.endReason = input.reason;
  try {
    const started = assign(
      data,
      {
        cadreId: input.toCadreId,
        classId: cls.id,
        dormIds: current.dormIds,
        studentIds: current.studentIds,
        start: input.date,
      },
      ctx,
      idx,
    );
    setCadreStatus(data, current.cadreId, input.reason);
    return { ended: current, started };
  } catch (error) {
    current.end = oldEnd;
    current.endReason = oldReason;
    throw error;
  }
}
