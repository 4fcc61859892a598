// Lookup tables built once per load, so rules and screens never scan the lists in loops.
import type { IsoDate } from './dates.js';
import type { Assignment, Cadre, ClassGroup, College, Contact, Datastore, Dorm, Duty, Student } from './schema.js';

export interface Indexes {
  collegeById: Map<string, College>;
  collegeByName: Map<string, College>;
  cadreById: Map<string, Cadre>;
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
  /** Sorted contact dates by `cadreId|duty|targetId`. */
  contactDates: Map<string, IsoDate[]>;
}

export function dormKey(dorm: Pick<Dorm, 'building' | 'number'>): string {
  return `${dorm.building}-${dorm.number}`;
}

export function contactKey(cadreId: string, duty: Duty, targetId: string): string {
  return `${cadreId}|${duty}|${targetId}`;
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
    contactDates: new Map(),
  };
  for (const c of data.colleges) {
    idx.collegeById.set(c.id, c);
    idx.collegeByName.set(c.name, c);
  }
  for (const c of data.cadres) {
    idx.cadreById.set(c.id, c);
    push(idx.cadresByName, c.name, c);
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
  for (const c of data.contacts) push(idx.contactDates, contactKey(c.cadreId, c.duty, c.targetId), c.date);
  for (const dates of idx.contactDates.values()) dates.sort();
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
