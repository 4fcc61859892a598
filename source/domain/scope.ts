// What each user may see and change (issue 14): a `school` user every college, a `college` user her
// colleges' records only, a `viewer` nothing to change. Pure: the operations layer applies it to every
// read and every change, whichever client (command line, terminal UI, SSH) asked; what a change may
// touch is checked in scope-check.ts.
import { UserError } from './errors.js';
import type { Datastore, User } from './schema.js';
import type { Table } from './tables.js';

/** Who is at the keyboard: a registered user, or null for the service account's own administrator. */
export type Actor = User | null;

/** The colleges an actor is limited to; null: all of them (the school; a viewer named with no college). */
export function scopeOf(actor: Actor): ReadonlySet<string> | null {
  if (actor === null || actor.role === 'school' || (actor.role === 'viewer' && actor.collegeIds.length === 0))
    return null;
  return new Set(actor.collegeIds);
}

export function actorLabel(actor: Actor, osUser: string): string {
  return actor === null ? osUser : `${actor.name}（${actor.login}）`;
}

/** A record that belongs to no college (a school-wide cadre, the users, a dorm of no class). */
export const SCHOOL = '\u0000school';

/** The colleges each record belongs to, from the classes it hangs on. */
export class Owners {
  private readonly classCollege = new Map<string, string>();
  private readonly dormColleges = new Map<string, string[]>();
  private readonly studentCollege = new Map<string, string>();

  /** Later data wins: a dorm as the last of `datas` that has it links it. */
  constructor(datas: readonly Pick<Datastore, 'classes' | 'dorms' | 'students'>[]) {
    for (const data of datas) {
      for (const c of data.classes) this.classCollege.set(c.id, c.collegeId);
      for (const d of data.dorms) this.dormColleges.set(d.id, this.of('dorms', d));
      for (const s of data.students) this.studentCollege.set(s.id, this.ofClass(s.classId));
    }
  }

  ofClass(id: string): string {
    return this.classCollege.get(id) ?? SCHOOL;
  }

  ofStudent(id: string): string {
    return this.studentCollege.get(id) ?? SCHOOL;
  }

  /** The colleges living in a dorm ([] for no dorm). */
  ofDorm(id: string | null): string[] {
    return id === null ? [] : (this.dormColleges.get(id) ?? [SCHOOL]);
  }

  of(table: Table, record: object): string[] {
    const r = record as Record<string, unknown>;
    switch (table) {
      case 'colleges':
        return [String(r['id'])];
      case 'cadres':
        return [typeof r['collegeId'] === 'string' ? r['collegeId'] : SCHOOL];
      case 'classes':
        return [String(r['collegeId'])];
      case 'dorms': {
        const classIds = r['classIds'] as string[];
        return classIds.length === 0 ? [SCHOOL] : [...new Set(classIds.map((id) => this.ofClass(id)))];
      }
      case 'students':
      case 'assignments':
        return [this.ofClass(String(r['classId']))];
      case 'contacts': {
        const target = String(r['targetId']);
        if (r['duty'] === 'class') return [this.ofClass(target)];
        if (r['duty'] === 'dorm') return this.ofDorm(target);
        return [this.ofStudent(target)];
      }
      case 'users':
        return [SCHOOL];
    }
  }
}

export { TABLES, TABLE_LABELS, type Table } from './tables.js';

/** Whether the actor may only read (a viewer): the terminal UI then offers no change at all. */
export function readsOnly(actor: Actor): boolean {
  return actor?.role === 'viewer';
}

/** Refuses any change by a viewer, before it runs. */
export function assertMayChange(actor: Actor): void {
  if (actor !== null && readsOnly(actor)) {
    throw new UserError(`${actor.name}（${actor.login}）是只读用户，不能修改数据：未做任何改动`);
  }
}

/** Refuses user management to all but the school and the service account's administrator. */
export function assertMayManageUsers(actor: Actor): void {
  if (actor !== null && actor.role !== 'school') {
    throw new UserError(
      `${actor.name}（${actor.login}）无权管理用户：请由组织部/学工部或服务器管理员操作，未做任何改动`,
    );
  }
}

/**
 * The part of the datastore an actor may see: her colleges, their classes, dorms (with only her
 * classes), 困难生, assignments and the contacts with those, the cadres of her colleges or assigned
 * there, and her own user record. A school user and the administrator see everything.
 */
export function scopedView(data: Datastore, actor: Actor): Datastore {
  const scope = scopeOf(actor);
  if (scope === null) return data;
  const classes = data.classes.filter((c) => scope.has(c.collegeId));
  const classIds = new Set(classes.map((c) => c.id));
  const dorms = data.dorms
    .filter((d) => d.classIds.some((id) => classIds.has(id)))
    .map((d) =>
      d.classIds.every((id) => classIds.has(id)) ? d : { ...d, classIds: d.classIds.filter((id) => classIds.has(id)) },
    );
  const dormIds = new Set(dorms.map((d) => d.id));
  const students = data.students
    .filter((s) => classIds.has(s.classId))
    .map((s) => (s.dormId === null || dormIds.has(s.dormId) ? s : { ...s, dormId: null }));
  const studentIds = new Set(students.map((s) => s.id));
  const assignments = data.assignments
    .filter((a) => classIds.has(a.classId))
    .map((a) => ({
      ...a,
      dormIds: a.dormIds.filter((id) => dormIds.has(id)),
      studentIds: a.studentIds.filter((id) => studentIds.has(id)),
    }));
  const assigned = new Set(assignments.map((a) => a.cadreId));
  const cadres = data.cadres.filter((c) => (c.collegeId !== null && scope.has(c.collegeId)) || assigned.has(c.id));
  const cadreIds = new Set(cadres.map((c) => c.id));
  const targets = { class: classIds, dorm: dormIds, student: studentIds };
  return {
    ...data,
    settings: {
      ...data.settings,
      rules: {
        ...data.settings.rules,
        colleges: Object.fromEntries(Object.entries(data.settings.rules.colleges).filter(([id]) => scope.has(id))),
      },
      ...(data.settings.robots
        ? { robots: Object.fromEntries(Object.entries(data.settings.robots).filter(([id]) => scope.has(id))) }
        : {}),
    },
    colleges: data.colleges.filter((c) => scope.has(c.id)),
    cadres,
    classes,
    dorms,
    students,
    assignments,
    contacts: data.contacts.filter((c) => cadreIds.has(c.cadreId) && targets[c.duty].has(c.targetId)),
    users: data.users.filter((u) => u.id === actor?.id),
  };
}
