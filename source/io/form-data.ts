// What the forms show for one cadre, gathered from the datastore once: names as printed (a namesake with
// the 工号), dorms in building and number order with who else lives and visits there, and the succession.
import type { Indexes } from '../domain/indexes.js';
import { cadreName } from '../domain/labels.js';
import type { Assignment, Cadre, ClassGroup, Datastore, Dorm, Student } from '../domain/schema.js';
import type { EndReason } from '../domain/vocabulary.js';
import { isActiveOn } from '../domain/windows.js';
import type { IsoDate } from '../domain/dates.js';

/** Another class living in a mixed dorm, and the name of its cadre on the as-of date (null: none). */
export interface Roommates {
  className: string;
  cadre: string | null;
}

export interface FormDorm {
  dorm: Dorm;
  /** The name of the cadre whose active assignment covers the dorm, if any. */
  holder: string | null;
  /** The other classes of a mixed dorm (empty for a dorm of one class). */
  mixedWith: Roommates[];
}

/** The assignment this one took over: its cadre's name, the day it began and why the other ended. */
export interface Succession {
  start: IsoDate;
  predecessor: string;
  reason: EndReason | null;
}

export interface FormEntry {
  cadre: Cadre;
  /** The cadre's name as printed: with the 工号 when another cadre has the same name. */
  name: string;
  /** The cadre's active assignment on the as-of date; null for a cadre without one (附件1 leaves the class part empty). */
  assignment: Assignment | null;
  cls: ClassGroup | null;
  collegeName: string;
  /** The college of the class, else the cadre's own 归属学院. */
  collegeId: string | null;
  /** The dorms the assignment covers, by building and number. */
  dorms: FormDorm[];
  students: Student[];
  /** The class's dorms the assignment does not cover (附件2 班级其他寝室), by building and number. */
  otherDorms: FormDorm[];
  succession: Succession | null;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
export const byBuildingAndNumber = (a: FormDorm, b: FormDorm) =>
  collator.compare(a.dorm.building, b.dorm.building) || collator.compare(a.dorm.number, b.dorm.number);

/** What the forms need to know of every class and dorm on the as-of date. */
interface Context {
  idx: Indexes;
  asOf: IsoDate;
  /** The cadre covering each dorm. */
  holders: Map<string, Cadre>;
  /** The cadre of each class. */
  classCadres: Map<string, Cadre>;
}

function activeAssignment(idx: Indexes, cadre: Cadre, asOf: IsoDate): Assignment | null {
  return (
    (idx.assignmentsByCadre.get(cadre.id) ?? []).find((a) => isActiveOn(a, idx.classById.get(a.classId), asOf)) ?? null
  );
}

function context(data: Datastore, idx: Indexes, asOf: IsoDate): Context {
  const holders = new Map<string, Cadre>();
  const classCadres = new Map<string, Cadre>();
  for (const a of data.assignments) {
    const cadre = idx.cadreById.get(a.cadreId);
    if (!cadre || !isActiveOn(a, idx.classById.get(a.classId), asOf)) continue;
    classCadres.set(a.classId, cadre);
    for (const d of a.dormIds) holders.set(d, cadre);
  }
  return { idx, asOf, holders, classCadres };
}

function formDorm(ctx: Context, dorm: Dorm, classId: string): FormDorm {
  const name = (c: Cadre | undefined) => (c ? cadreName(ctx.idx, c) : null);
  return {
    dorm,
    holder: name(ctx.holders.get(dorm.id)),
    mixedWith: dorm.classIds
      .filter((id) => id !== classId)
      .map((id) => ({ className: ctx.idx.classById.get(id)?.name ?? '', cadre: name(ctx.classCadres.get(id)) })),
  };
}

/** The latest assignment of the class that ended before this one began, held by another cadre. */
function succession(ctx: Context, a: Assignment): Succession | null {
  const before = (ctx.idx.assignmentsByClass.get(a.classId) ?? [])
    .filter((p) => p.cadreId !== a.cadreId && p.end !== null && p.end < a.start)
    .sort((p, q) => (p.end! < q.end! ? 1 : -1))[0];
  const cadre = before ? ctx.idx.cadreById.get(before.cadreId) : undefined;
  return before && cadre ? { start: a.start, predecessor: cadreName(ctx.idx, cadre), reason: before.endReason } : null;
}

function entryFor(ctx: Context, cadre: Cadre): FormEntry {
  const { idx } = ctx;
  const assignment = activeAssignment(idx, cadre, ctx.asOf);
  const cls = assignment ? (idx.classById.get(assignment.classId) ?? null) : null;
  const covered = new Set(assignment?.dormIds ?? []);
  const dorms = [...covered].map((id) => idx.dormById.get(id)).filter((d): d is Dorm => d !== undefined);
  const collegeId = cls?.collegeId ?? cadre.collegeId ?? null;
  const classId = cls?.id ?? '';
  return {
    cadre,
    name: cadreName(idx, cadre),
    assignment,
    cls,
    collegeId,
    collegeName: idx.collegeById.get(collegeId ?? '')?.name ?? '',
    dorms: dorms.map((d) => formDorm(ctx, d, classId)).sort(byBuildingAndNumber),
    students: (assignment?.studentIds ?? [])
      .map((id) => idx.studentById.get(id))
      .filter((s): s is Student => s !== undefined),
    otherDorms: (idx.dormsByClass.get(classId) ?? [])
      .filter((d) => !covered.has(d.id))
      .map((d) => formDorm(ctx, d, classId))
      .sort(byBuildingAndNumber),
    succession: assignment ? succession(ctx, assignment) : null,
  };
}

const byCollegeThenName = (a: FormEntry, b: FormEntry) =>
  collator.compare(a.collegeName, b.collegeName) || collator.compare(a.name, b.name);

/** Entries of the active assignments on `asOf`, by college then cadre name (附件2's rows). */
export function activeEntries(data: Datastore, idx: Indexes, asOf: IsoDate, collegeId?: string): FormEntry[] {
  const ctx = context(data, idx, asOf);
  return data.cadres
    .map((c) => entryFor(ctx, c))
    .filter((e) => e.assignment !== null && (!collegeId || e.collegeId === collegeId))
    .sort(byCollegeThenName);
}

/**
 * 附件1's cadres: every 在岗 cadre (the document: 每位党员干部须填写), assigned or not, and any other
 * cadre who still holds an active assignment; of one college (the class's, else the cadre's own), or the
 * given cadres alone. By college then name.
 */
export function form1Entries(
  data: Datastore,
  idx: Indexes,
  asOf: IsoDate,
  select: { collegeId?: string; cadres?: readonly Cadre[] },
): FormEntry[] {
  const ctx = context(data, idx, asOf);
  return (select.cadres ?? data.cadres)
    .map((c) => entryFor(ctx, c))
    .filter((e) => select.cadres !== undefined || e.cadre.status === '在岗' || e.assignment !== null)
    .filter((e) => !select.collegeId || e.collegeId === select.collegeId)
    .sort(byCollegeThenName);
}

/** A mixed dorm as the forms describe it, to `self` (the cadre whose form it is): who else lives there and who visits. */
function mixedDormNote(d: FormDorm, self: string): string {
  const others = d.mixedWith.map((r) => `${r.className}（${r.cadre ?? '无联系干部'}）`).join('、');
  const visit = d.holder === self ? '' : d.holder ? `，由${d.holder}走访` : '，无人走访';
  return `混合寝室：与${others}合住${visit}`;
}

/** 附件1's 备注（混合寝室） and 附件2's note of a dorm: mixed with whom, then the typed note. */
export function dormNote(d: FormDorm, self: string): string {
  return [d.mixedWith.length > 0 ? mixedDormNote(d, self) : '', d.dorm.note].filter(Boolean).join('\n');
}

/** "11-16 起接任 陈静（离职）": the day (with the year when it is not the as-of date's), the predecessor, why. */
export function successionNote(s: Succession, asOf: IsoDate): string {
  const day = s.start.slice(0, 4) === asOf.slice(0, 4) ? s.start.slice(5) : s.start;
  return `${day} 起接任 ${s.predecessor}${s.reason ? `（${s.reason}）` : ''}`;
}
