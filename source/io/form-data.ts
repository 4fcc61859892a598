// What the forms show for one assignment, gathered from the datastore once.
import type { Indexes } from '../domain/indexes.js';
import type { Assignment, Cadre, ClassGroup, Datastore, Dorm, Student } from '../domain/schema.js';
import { isActiveOn } from '../domain/windows.js';
import type { IsoDate } from '../domain/dates.js';

export interface FormEntry {
  cadre: Cadre;
  assignment: Assignment | null;
  cls: ClassGroup | null;
  collegeName: string;
  dorms: Dorm[];
  students: Student[];
  /** The class's dorms the assignment does not cover (附件2 班级其他寝室). */
  otherDorms: Dorm[];
}

export function entryFor(idx: Indexes, cadre: Cadre, asOf: IsoDate): FormEntry {
  const assignment = (idx.assignmentsByCadre.get(cadre.id) ?? []).find((a) => isActiveOn(a, idx.classById.get(a.classId), asOf)) ?? null;
  const cls = assignment ? (idx.classById.get(assignment.classId) ?? null) : null;
  const dorms = (assignment?.dormIds ?? []).map((id) => idx.dormById.get(id)).filter((d): d is Dorm => d !== undefined);
  const covered = new Set(dorms.map((d) => d.id));
  return {
    cadre,
    assignment,
    cls,
    collegeName: idx.collegeById.get(cls?.collegeId ?? cadre.collegeId ?? '')?.name ?? '',
    dorms,
    students: (assignment?.studentIds ?? []).map((id) => idx.studentById.get(id)).filter((s): s is Student => s !== undefined),
    otherDorms: cls ? (idx.dormsByClass.get(cls.id) ?? []).filter((d) => !covered.has(d.id)) : [],
  };
}

/** Entries of the active assignments on `asOf`, by college then cadre name. */
export function activeEntries(data: Datastore, idx: Indexes, asOf: IsoDate, collegeId?: string): FormEntry[] {
  const collator = new Intl.Collator('zh-CN');
  return data.cadres
    .map((c) => entryFor(idx, c, asOf))
    .filter((e) => e.assignment !== null && (!collegeId || e.cls?.collegeId === collegeId))
    .sort((a, b) => collator.compare(a.collegeName, b.collegeName) || collator.compare(a.cadre.name, b.cadre.name));
}
