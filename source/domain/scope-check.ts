// Whether a college user's change stays in her colleges (issues 14, 21): no record of another college
// changes, and of a record she shares with one (a 混合寝室, a contact there, her student living in its
// dorm) every link and field that college sees stays as it was. Her refusals name the other college,
// never its classes, dorms, students or cadres: she has no right to read them.
import { isDeepStrictEqual } from 'node:util';
import { UserError } from './errors.js';
import { dormKey } from './indexes.js';
import type { Datastore, Dorm, User } from './schema.js';
import { Owners, SCHOOL, scopeOf, TABLE_LABELS, TABLES, type Actor, type Table } from './scope.js';

type Rec = Record<string, unknown>;

/** One side of a change (before or after): its records and who owns them there. */
class Side {
  private cadreColleges: Map<string, Set<string>> | undefined;
  private dorms: Map<string, Dorm> | undefined;

  constructor(
    readonly data: Datastore,
    readonly owners: Owners,
  ) {}

  /** The colleges that see a cadre, as scopedView shows it: its own, and those of the classes it holds. */
  cadreSeenBy(cadreId: string): ReadonlySet<string> {
    if (this.cadreColleges === undefined) {
      const map = new Map<string, Set<string>>();
      const of = (id: string) => map.get(id) ?? map.set(id, new Set()).get(id)!;
      for (const c of this.data.cadres) if (c.collegeId !== null) of(c.id).add(c.collegeId);
      for (const a of this.data.assignments) of(a.cadreId).add(this.owners.ofClass(a.classId));
      this.cadreColleges = map;
    }
    return this.cadreColleges.get(cadreId) ?? new Set();
  }

  dorm(id: string): Dorm | undefined {
    this.dorms ??= new Map(this.data.dorms.map((d) => [d.id, d]));
    return this.dorms.get(id);
  }
}

/** A change to one record that another college would notice, and how to tell her so. */
interface Foreign {
  college: string;
  /** What of hers it touched, as she may read it; null: a record of that college alone. */
  hers: string | null;
}

/** Checks each changed record against one actor's colleges. */
class ScopeCheck {
  constructor(
    private readonly scope: ReadonlySet<string>,
    private readonly was: Side,
    private readonly now: Side,
  ) {}

  /** The first college other than hers that would see `previous` become `record` (absent: undefined or null). */
  foreign(table: Table, previous: Rec | null | undefined, record: Rec | null | undefined): Foreign | null {
    const colleges = new Set<string>();
    for (const [r, side] of [
      [previous, this.was],
      [record, this.now],
    ] as const) {
      if (r == null) continue;
      for (const c of side.owners.of(table, r)) colleges.add(c);
      if (table === 'students') for (const c of this.othersDorm(r, side)) colleges.add(c);
      if (table === 'cadres') for (const c of side.cadreSeenBy(String(r['id']))) colleges.add(c);
    }
    for (const college of colleges) {
      if (this.scope.has(college)) continue;
      if (
        !isDeepStrictEqual(
          this.seenBy(college, table, previous, this.was),
          this.seenBy(college, table, record, this.now),
        )
      ) {
        return { college, hers: this.hersIn(table, previous, record) };
      }
    }
    return null;
  }

  /** A student's dorm when no class of hers lives there: its colleges (else none). */
  private othersDorm(student: Rec, side: Side): string[] {
    const colleges = side.owners.ofDorm(student['dormId'] as string | null);
    return colleges.some((c) => this.scope.has(c)) ? [] : colleges;
  }

  /** What `college` sees of a record, as scopedView would show it to that college's secretary. */
  private seenBy(college: string, table: Table, record: Rec | null | undefined, side: Side): unknown {
    if (record == null) return undefined;
    const owned = side.owners.of(table, record).includes(college);
    if (table === 'dorms')
      return owned
        ? { ...record, classIds: (record['classIds'] as string[]).filter((id) => side.owners.ofClass(id) === college) }
        : undefined;
    if (table === 'contacts' && record['duty'] === 'dorm')
      return owned && side.cadreSeenBy(String(record['cadreId'])).has(college) ? record : undefined;
    // A cadre holding one of its classes: its forms show him (name, phone, status…) as he is.
    if (table === 'cadres') return side.cadreSeenBy(String(record['id'])).has(college) ? record : undefined;
    // Who of hers lives in its dorm is that dorm's, the other college's (2号楼 knows its residents).
    if (table === 'students' && !owned)
      return this.othersDorm(record, side).includes(college) ? record['dormId'] : undefined;
    return owned ? record : undefined;
  }

  /** How her message names the record she shares: hers to read, since she sees it before or after. */
  private hersIn(table: Table, previous: Rec | null | undefined, record: Rec | null | undefined): string | null {
    const present = (
      [
        [previous, this.was],
        [record, this.now],
      ] as const
    ).filter(([r]) => r != null) as Array<[Rec, Side]>;
    const mine = present.filter(([r, side]) => side.owners.of(table, r).some((c) => this.scope.has(c)));
    const [r, side] = mine[0] ?? [];
    if (r === undefined || side === undefined) return null;
    if (table === 'dorms') return `寝室 ${dormKey(r as unknown as Dorm)}`;
    if (table === 'cadres') return `干部 ${String(r['name'])}`;
    // Her student (still hers after): only where it lives is shared.
    if (table === 'students')
      return mine.length === present.length ? `困难生 ${String(r['studentNo'])} ${String(r['name'])} 住的` : null;
    if (table !== 'contacts' || r['duty'] !== 'dorm') return null;
    const dorm = side.dorm(String(r['targetId']));
    return `${dorm ? `寝室 ${dormKey(dorm)}` : '合住寝室'}的联系记录`;
  }
}

function collegeName(id: string, data: Datastore): string {
  return id === SCHOOL ? '全校统筹' : (data.colleges.find((c) => c.id === id)?.name ?? '其他学院');
}

export function scopeText(actor: User, data: Datastore): string {
  const names = actor.collegeIds.map((id) => data.colleges.find((c) => c.id === id)?.name ?? id);
  return names.length > 0 ? names.join('、') : '无';
}

/** A record she added is named (she typed it); another college's record is not. */
function addedName(table: Table, previous: Rec | undefined, record: Rec): string {
  if (previous !== undefined) return '';
  if (table === 'dorms') return ` ${dormKey(record as unknown as Dorm)}`;
  return typeof record['name'] === 'string' ? ` ${record['name']}` : '';
}

function withoutCollegeRules(settings: Datastore['settings']) {
  return { ...settings, rules: { ...settings.rules, colleges: {} }, robots: undefined };
}

/** The first college other than hers whose settings (its 考核细则 or 群机器人, or the school's) differ. */
function foreignSettings(
  scope: ReadonlySet<string>,
  before: Datastore['settings'],
  after: Datastore['settings'],
): string | null {
  if (!isDeepStrictEqual(withoutCollegeRules(before), withoutCollegeRules(after))) return SCHOOL;
  for (const [was, now] of [
    [before.rules.colleges, after.rules.colleges],
    [before.robots ?? {}, after.robots ?? {}],
  ] as const) {
    for (const id of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (!scope.has(id) && !isDeepStrictEqual(was[id], now[id])) return id;
    }
  }
  return null;
}

/**
 * Refuses a change that another college would notice: a record of its own changed (as it was before or
 * is after: a class moved out of her college is as much a change to the other college as one moved in),
 * or what it sees of a record it shares with her.
 */
export function assertWithinScope(actor: Actor, before: Datastore, after: Datastore): void {
  const scope = scopeOf(actor);
  if (scope === null || actor === null) return;
  const refuse = (what: string) =>
    new UserError(
      `${actor.name}（${actor.login}）只能修改本学院（${scopeText(actor, after)}）的记录：这次修改${what}，已全部取消，未做任何改动`,
    );
  const settings = foreignSettings(scope, before.settings, after.settings);
  if (settings === SCHOOL) throw refuse('涉及全校设置');
  if (settings !== null) throw refuse(`涉及其他学院的考核细则或群机器人（${collegeName(settings, after)}）`);

  const check = new ScopeCheck(
    scope,
    new Side(before, new Owners([before])),
    new Side(after, new Owners([before, after])),
  );
  for (const table of TABLES) {
    const old = new Map<string, Rec>((before[table] as { id: string }[]).map((r) => [r.id, r as Rec]));
    const changed: Array<[Rec | undefined, Rec | undefined]> = [];
    for (const record of after[table] as unknown as Rec[]) {
      const previous = old.get(String(record['id']));
      old.delete(String(record['id']));
      if (previous !== record && (previous === undefined || !isDeepStrictEqual(previous, record)))
        changed.push([previous, record]);
    }
    for (const record of old.values()) changed.push([record, undefined]);
    for (const [previous, record] of changed) {
      const found = check.foreign(table, previous, record);
      if (found === null) continue;
      const college = collegeName(found.college, after);
      if (found.hers === null)
        throw refuse(
          `涉及其他学院的${TABLE_LABELS[table]}${record ? addedName(table, previous, record) : ''}（${college}）`,
        );
      if (table === 'students') throw refuse(`涉及${found.hers}${college}的寝室（只能由该学院或学校改动）`);
      if (table === 'cadres')
        throw refuse(`会改变${college}也看到的${found.hers}（该干部联系该学院的班级，其信息请组织部/学工部修改）`);
      throw refuse(`会改变${college}也看到的${found.hers}（合住寝室只能增删本学院的班级，其余请该学院或学校修改）`);
    }
  }
}

/** A journal entry's record, as undo reverts it (null: absent on that side). */
export interface RevertedRecord {
  collection: string;
  before: unknown;
  after: unknown;
}

/**
 * Refuses her undo of a change another college would notice being reverted (another secretary's, or the
 * school's), before it runs: it is outside her scope, whoever made it and whatever came after.
 */
export function assertMayUndo(
  actor: Actor,
  revision: number,
  changes: readonly RevertedRecord[],
  data: Datastore,
): void {
  const scope = scopeOf(actor);
  if (scope === null || actor === null) return;
  const classes = changes
    .filter((c) => c.collection === 'classes')
    .flatMap((c) => [c.before, c.after].filter((r) => r !== null)) as Datastore['classes'];
  const side = new Side(data, new Owners([{ classes, dorms: [], students: [] }, data]));
  const check = new ScopeCheck(scope, side, side);
  for (const change of changes) {
    const college =
      change.collection === 'settings'
        ? foreignSettings(scope, change.before as Datastore['settings'], change.after as Datastore['settings'])
        : (check.foreign(change.collection as Table, change.before as Rec | null, change.after as Rec | null)
            ?.college ?? null);
    if (college !== null) {
      throw new UserError(
        `${actor.name}（${actor.login}）不能撤销第 ${revision} 号修改：它改动了${collegeName(college, data)}的记录，不在你的权限范围内，未做任何改动`,
      );
    }
  }
}

/**
 * Her change passed on her part of the data and failed on the whole: a record she cannot see is in
 * its way (a class of the same name, a 学号 or 工号 taken, that college's assignment of a shared dorm).
 * The message that failed names it; she is told which college instead.
 */
export function hiddenConflict(actor: User, data: Datastore, message: string): UserError {
  const scope = new Set(actor.collegeIds);
  const owners = new Owners([data]);
  const named = new Set<string>();
  const look = (names: readonly (string | null)[], colleges: readonly string[]) => {
    if (names.some((n) => n !== null && n !== '' && message.includes(n)))
      for (const c of colleges) if (!scope.has(c)) named.add(collegeName(c, data));
  };
  for (const c of data.classes) look([c.name], [c.collegeId]);
  for (const d of data.dorms)
    if (!owners.of('dorms', d).some((c) => scope.has(c))) look([dormKey(d)], owners.of('dorms', d));
  for (const s of data.students) look([s.studentNo, s.name], [owners.ofClass(s.classId)]);
  for (const c of data.cadres) look([c.employeeNo, c.name], [c.collegeId ?? SCHOOL]);
  const colleges = named.size > 0 ? [...named].join('、') : '其他学院';
  return new UserError(
    `${actor.name}（${actor.login}）只能修改本学院（${scopeText(actor, data)}）的记录：这次修改与${colleges}的记录冲突` +
      '（如同名的班级、已有的学号或工号、该学院对合住寝室的联系分配），已全部取消，未做任何改动；请联系组织部/学工部处理',
  );
}
