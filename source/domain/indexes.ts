// Lookup tables built once per load, so rules and screens never scan the lists in loops.
import type { IsoDate } from './dates.js';
import { normalizeName } from './names.js';
import type { Assignment, Cadre, ClassGroup, College, Datastore, Dorm, Student } from './schema.js';
import type { Duty } from './vocabulary.js';

export interface Indexes {
  collegeById: Map<string, College>;
  collegeByName: Map<string, College>;
  cadreById: Map<string, Cadre>;
  /** By normalised name (names.ts), so a name stored before normalisation is found too. */
  cadresByName: Map<string, Cadre[]>;
  cadreByEmployeeNo: Map<string, Cadre>;
  classById: Map<string, ClassGroup>;
  classByName: Map<string, ClassGroup>;
  dormById: Map<string, Dorm>;
  dormByKey: Map<string, Dorm>;
  dormsByClass: Map<string, Dorm[]>;
  studentById: Map<string, Student>;
  studentByNo: Map<string, Student>;
  studentsByClass: Map<string, Student[]>;
  assignmentsByCadre: Map<string, Assignment[]>;
  assignmentsByClass: Map<string, Assignment[]>;
  /** Sorted contact dates by duty, target id, cadre id: nested maps, not a joined key (3× faster to build for 300,000 contacts). */
  contactDates: Record<Duty, Map<string, Map<string, IsoDate[]>>>;
}

export function dormKey(dorm: Pick<Dorm, 'building' | 'number'>): string {
  return `${dorm.building}-${dorm.number}`;
}

/** The sorted dates of a cadre's contacts with one target under one duty. */
export function contactDatesOf(idx: Indexes, cadreId: string, duty: Duty, targetId: string): readonly IsoDate[] | undefined {
  return idx.contactDates[duty].get(targetId)?.get(cadreId);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndexes(data: Datastore): Indexes {
  const idx: Indexes = {
    collegeById: new Map(),
    collegeByName: new Map(),
    cadreById: new Map(),
    cadresByName: new Map(),
    cadreByEmployeeNo: new Map(),
    classById: new Map(),
    classByName: new Map(),
    dormById: new Map(),
    dormByKey: new Map(),
    dormsByClass: new Map(),
    studentById: new Map(),
    studentByNo: new Map(),
    studentsByClass: new Map(),
    assignmentsByCadre: new Map(),
    assignmentsByClass: new Map(),
    contactDates: { class: new Map(), dorm: new Map(), student: new Map() },
  };
  for (const c of data.colleges) {
    idx.collegeById.set(c.id, c);
    idx.collegeByName.set(c.name, c);
  }
  for (const c of data.cadres) {
    idx.cadreById.set(c.id, c);
    push(idx.cadresByName, normalizeName(c.name), c);
    if (c.employeeNo) idx.cadreByEmployeeNo.set(c.employeeNo, c);
  }
  for (const c of data.classes) {
    idx.classById.set(c.id, c);
    idx.classByName.set(c.name, c);
  }
  for (const d of data.dorms) {
    idx.dormById.set(d.id, d);
    idx.dormByKey.set(dormKey(d), d);
    for (const classId of d.classIds) push(idx.dormsByClass, classId, d);
  }
  for (const s of data.students) {
    idx.studentById.set(s.id, s);
    idx.studentByNo.set(s.studentNo, s);
    push(idx.studentsByClass, s.classId, s);
  }
  for (const a of data.assignments) {
    push(idx.assignmentsByCadre, a.cadreId, a);
    push(idx.assignmentsByClass, a.classId, a);
  }
  for (const c of data.contacts) {
    const byTarget = idx.contactDates[c.duty];
    let byCadre = byTarget.get(c.targetId);
    if (!byCadre) byTarget.set(c.targetId, (byCadre = new Map()));
    push(byCadre, c.cadreId, c.date);
  }
  for (const byTarget of Object.values(idx.contactDates)) for (const byCadre of byTarget.values()) for (const dates of byCadre.values()) dates.sort();
  return idx;
}

/** How many of the sorted dates fall in [from, to]. */
export function countDatesIn(sorted: readonly IsoDate[] | undefined, from: IsoDate, to: IsoDate): number {
  if (!sorted || from > to) return 0;
  return lowerBound(sorted, to, true) - lowerBound(sorted, from, false);
}

function lowerBound(sorted: readonly IsoDate[], value: IsoDate, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (inclusive && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
