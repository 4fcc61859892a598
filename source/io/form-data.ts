// What the forms show for one cadre, gathered from the datastore once.
import type { Indexes } from '../domain/indexes.js';
import type { Assignment, Cadre, ClassGroup, Datastore, Dorm, Student } from '../domain/schema.js';
import { isActiveOn } from '../domain/windows.js';
import type { IsoDate } from '../domain/dates.js';

/** A dorm of the class that this assignment does not cover, and the cadre whose active assignment does (a mixed dorm), if any. */
export interface OtherDorm {
  dorm: Dorm;
  holder: Cadre | null;
}

export interface FormEntry {
  cadre: Cadre;
  /** The cadre's active assignment on the as-of date; null for a cadre without one (附件1 leaves the class part empty). */
  assignment: Assignment | null;
  cls: ClassGroup | null;
  collegeName: string;
  /** The college of the class, else the cadre's own 归属学院. */
  collegeId: string | null;
  dorms: Dorm[];
  students: Student[];
  /** The class's dorms the assignment does not cover (附件2 班级其他寝室). */
  otherDorms: OtherDorm[];
}

function activeAssignment(idx: Indexes, cadre: Cadre, asOf: IsoDate): Assignment | null {
  return (idx.assignmentsByCadre.get(cadre.id) ?? []).find((a) => isActiveOn(a, idx.classById.get(a.classId), asOf)) ?? null;
}

/** Who holds each dorm on `asOf`: the cadre of the active assignment covering it. */
function dormHolders(data: Datastore, idx: Indexes, asOf: IsoDate): Map<string, Cadre> {
  const holders = new Map<string, Cadre>();
  for (const a of data.assignments) {
    const cadre = idx.cadreById.get(a.cadreId);
    if (!cadre || !isActiveOn(a, idx.classById.get(a.classId), asOf)) continue;
    for (const d of a.dormIds) holders.set(d, cadre);
  }
  return holders;
}

function entryFor(idx: Indexes, cadre: Cadre, asOf: IsoDate, holders: Map<string, Cadre>): FormEntry {
  const assignment = activeAssignment(idx, cadre, asOf);
  const cls = assignment ? (idx.classById.get(assignment.classId) ?? null) : null;
  const dorms = (assignment?.dormIds ?? []).map((id) => idx.dormById.get(id)).filter((d): d is Dorm => d !== undefined);
  const covered = new Set(dorms.map((d) => d.id));
  const collegeId = cls?.collegeId ?? cadre.collegeId ?? null;
  return {
    cadre,
    assignment,
    cls,
    collegeId,
    collegeName: idx.collegeById.get(collegeId ?? '')?.name ?? '',
    dorms,
    students: (assignment?.studentIds ?? []).map((id) => idx.studentById.get(id)).filter((s): s is Student => s !== undefined),
    otherDorms: cls
      ? (idx.dormsByClass.get(cls.id) ?? []).filter((d) => !covered.has(d.id)).map((dorm) => ({ dorm, holder: holders.get(dorm.id) ?? null }))
      : [],
  };
}

const collator = new Intl.Collator('zh-CN');
const byCollegeThenName = (a: FormEntry, b: FormEntry) => collator.compare(a.collegeName, b.collegeName) || collator.compare(a.cadre.name, b.cadre.name);

/** Entries of the active assignments on `asOf`, by college then cadre name (附件2's rows). */
export function activeEntries(data: Datastore, idx: Indexes, asOf: IsoDate, collegeId?: string): FormEntry[] {
  const holders = dormHolders(data, idx, asOf);
  return data.cadres
    .map((c) => entryFor(idx, c, asOf, holders))
    .filter((e) => e.assignment !== null && (!collegeId || e.collegeId === collegeId))
    .sort(byCollegeThenName);
}

/**
 * 附件1's cadres: every 在岗 cadre (the document: 每位党员干部须填写), assigned or not, and any other
 * cadre who still holds an active assignment; of one college (the class's, else the cadre's own), or the
 * given cadres alone. By college then name.
 */
export function form1Entries(data: Datastore, idx: Indexes, asOf: IsoDate, select: { collegeId?: string; cadres?: readonly Cadre[] }): FormEntry[] {
  const holders = dormHolders(data, idx, asOf);
  return (select.cadres ?? data.cadres)
    .map((c) => entryFor(idx, c, asOf, holders))
    .filter((e) => select.cadres !== undefined || e.cadre.status === '在岗' || e.assignment !== null)
    .filter((e) => !select.collegeId || e.collegeId === select.collegeId)
    .sort(byCollegeThenName);
}
