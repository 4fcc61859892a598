// What each user may see and change (issue 14): a `school` user every college, a `college` user her
// colleges' records only, a `viewer` nothing to change. Pure: the operations layer applies it to every
// read and every change, whichever client (command line, terminal UI, SSH) asked.
import { isDeepStrictEqual } from 'node:util';
import { UserError } from './errors.js';
import type { Datastore, User } from './schema.js';

/** Who is at the keyboard: a registered user, or null for the service account's own administrator. */
export type Actor = User | null;

/** The colleges an actor is limited to; null: all of them (the school; a viewer named with no college). */
export function scopeOf(actor: Actor): ReadonlySet<string> | null {
  if (actor === null || actor.role === 'school' || (actor.role === 'viewer' && actor.collegeIds.length === 0)) return null;
  return new Set(actor.collegeIds);
}

export function actorLabel(actor: Actor, osUser: string): string {
  return actor === null ? osUser : `${actor.name}（${actor.login}）`;
}

/** A record that belongs to no college (a school-wide cadre, the users, the school's settings). */
const SCHOOL = '\u0000school';

/** The colleges each record belongs to, from the classes it hangs on. */
class Owners {
  private readonly classCollege = new Map<string, string>();
  private readonly dormColleges = new Map<string, string[]>();
  private readonly studentCollege = new Map<string, string>();

  constructor(datas: readonly Datastore[]) {
    for (const data of datas) {
      for (const c of data.classes) this.classCollege.set(c.id, c.collegeId);
      for (const d of data.dorms) this.dormColleges.set(d.id, d.classIds.map((id) => this.ofClass(id)));
      for (const s of data.students) this.studentCollege.set(s.id, this.ofClass(s.classId));
    }
  }

  ofClass(id: string): string {
    return this.classCollege.get(id) ?? SCHOOL;
  }

  of(table: Table, record: Record<string, unknown>): string[] {
    switch (table) {
      case 'colleges':
        return [String(record['id'])];
      case 'cadres':
        return [typeof record['collegeId'] === 'string' ? record['collegeId'] : SCHOOL];
      case 'classes':
        return [String(record['collegeId'])];
      case 'dorms':
        return (record['classIds'] as string[]).map((id) => this.ofClass(id));
      case 'students':
      case 'assignments':
        return [this.ofClass(String(record['classId']))];
      case 'contacts': {
        const target = String(record['targetId']);
        if (record['duty'] === 'class') return [this.ofClass(target)];
        if (record['duty'] === 'dorm') return this.dormColleges.get(target) ?? [SCHOOL];
        return [this.studentCollege.get(target) ?? SCHOOL];
      }
      case 'users':
        return [SCHOOL];
    }
  }
}

const TABLES = ['colleges', 'cadres', 'classes', 'dorms', 'students', 'assignments', 'contacts', 'users'] as const;
type Table = (typeof TABLES)[number];

/** What each table's records are called in messages (the journal and undo use these too). */
export const TABLE_LABELS: Record<Table, string> = {
  colleges: '学院',
  cadres: '干部',
  classes: '班级',
  dorms: '寝室',
  students: '困难生',
  assignments: '联系分配',
  contacts: '联系记录',
  users: '用户',
};

function recordName(table: Table, record: Record<string, unknown>): string {
  if (table === 'dorms') return `${String(record['building'])}-${String(record['number'])}`;
  if (table === 'contacts' || table === 'assignments') return '';
  return typeof record['name'] === 'string' ? ` ${record['name']}` : '';
}

function scopeText(actor: User, data: Datastore): string {
  const names = actor.collegeIds.map((id) => data.colleges.find((c) => c.id === id)?.name ?? id);
  return names.length > 0 ? names.join('、') : '无';
}

/** Refuses any change by a viewer, before it runs. */
export function assertMayChange(actor: Actor): void {
  if (actor?.role === 'viewer') {
    throw new UserError(`${actor.name}（${actor.login}）是只读用户，不能修改数据：未做任何改动`);
  }
}

/** Refuses user management to all but the school and the service account's administrator. */
export function assertMayManageUsers(actor: Actor): void {
  if (actor !== null && actor.role !== 'school') {
    throw new UserError(`${actor.name}（${actor.login}）无权管理用户：请由组织部/学工部或服务器管理员操作，未做任何改动`);
  }
}

/**
 * Refuses a change that touched a record outside the actor's colleges, as it was before or is after
 * (a class moved out of her college is as much a change to the other college as one moved in).
 */
export function assertWithinScope(actor: Actor, before: Datastore, after: Datastore): void {
  const scope = scopeOf(actor);
  if (scope === null || actor === null) return;
  const owners = new Owners([before, after]);
  // A 混合寝室 (and a contact there) belongs to each college living in it: hers if one of them is.
  const outside = (table: Table, record: Record<string, unknown>) =>
    table === 'dorms' || table === 'contacts' ? owners.of(table, record).every((c) => !scope.has(c)) : owners.of(table, record).some((c) => !scope.has(c));
  const refuse = (what: string) =>
    new UserError(`${actor.name}（${actor.login}）只能修改本学院（${scopeText(actor, after)}）的记录：这次修改涉及${what}，已全部取消，未做任何改动`);

  if (!isDeepStrictEqual(withoutCollegeRules(before.settings), withoutCollegeRules(after.settings))) throw refuse('全校设置');
  const rules = new Set([...Object.keys(before.settings.rules.colleges), ...Object.keys(after.settings.rules.colleges)]);
  for (const id of rules) {
    if (!scope.has(id) && !isDeepStrictEqual(before.settings.rules.colleges[id], after.settings.rules.colleges[id])) throw refuse('其他学院的考核细则');
  }
  for (const table of TABLES) {
    const old = new Map<string, Record<string, unknown>>((before[table] as { id: string }[]).map((r) => [r.id, r as Record<string, unknown>]));
    for (const record of after[table] as unknown as Record<string, unknown>[]) {
      const previous = old.get(String(record['id']));
      old.delete(String(record['id']));
      if (previous === record || (previous !== undefined && isDeepStrictEqual(previous, record))) continue;
      if (outside(table, record) || (previous !== undefined && outside(table, previous))) throw refuse(`其他学院的${TABLE_LABELS[table]}${recordName(table, record)}`);
    }
    for (const record of old.values()) {
      if (outside(table, record)) throw refuse(`其他学院的${TABLE_LABELS[table]}${recordName(table, record)}`);
    }
  }
}

/** For `history`: may the actor see a record as the journal recorded it (before or after a change)? */
export function journalRecordVisible(actor: Actor, data: Datastore): (table: string, record: unknown) => boolean {
  const scope = scopeOf(actor);
  if (scope === null) return () => true;
  const owners = new Owners([data]);
  return (table, record) =>
    record === null ||
    ((TABLES as readonly string[]).includes(table) &&
      typeof record === 'object' &&
      owners.of(table as Table, record as Record<string, unknown>).every((c) => scope.has(c)));
}

function withoutCollegeRules(settings: Datastore['settings']) {
  return { ...settings, rules: { ...settings.rules, colleges: {} } };
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
    .map((d) => (d.classIds.every((id) => classIds.has(id)) ? d : { ...d, classIds: d.classIds.filter((id) => classIds.has(id)) }));
  const dormIds = new Set(dorms.map((d) => d.id));
  const students = data.students.filter((s) => classIds.has(s.classId)).map((s) => (s.dormId === null || dormIds.has(s.dormId) ? s : { ...s, dormId: null }));
  const studentIds = new Set(students.map((s) => s.id));
  const assignments = data.assignments
    .filter((a) => classIds.has(a.classId))
    .map((a) => ({ ...a, dormIds: a.dormIds.filter((id) => dormIds.has(id)), studentIds: a.studentIds.filter((id) => studentIds.has(id)) }));
  const assigned = new Set(assignments.map((a) => a.cadreId));
  const cadres = data.cadres.filter((c) => (c.collegeId !== null && scope.has(c.collegeId)) || assigned.has(c.id));
  const cadreIds = new Set(cadres.map((c) => c.id));
  const targets = { class: classIds, dorm: dormIds, student: studentIds };
  return {
    ...data,
    settings: {
      ...data.settings,
      rules: { ...data.settings.rules, colleges: Object.fromEntries(Object.entries(data.settings.rules.colleges).filter(([id]) => scope.has(id))) },
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
