// A college user names a record her part of the data does not hold (issue 23): when the whole school
// holds it, it is another college's (or the school's), and she is told so rather than 找不到…或先导入.
// The message names only what she typed: not even which college holds it.
import { UserError } from './errors.js';
import { dormKey } from './indexes.js';
import type { NotFoundError } from './lookup.js';
import { normalizeName } from './names.js';
import type { Datastore, User } from './schema.js';
import { Owners, SCHOOL, TABLE_LABELS } from './scope.js';
import { scopeText } from './scope-check.js';

/** The colleges that hold what she typed in the whole school ([] when nothing does). */
function holders(data: Datastore, miss: NotFoundError): string[] {
  const owners = new Owners([data]);
  const typed = miss.typed;
  switch (miss.table) {
    case 'colleges':
      return data.colleges.filter((c) => c.name === typed).map((c) => c.id);
    case 'cadres':
      return data.cadres
        .filter((c) => c.employeeNo === typed || normalizeName(c.name) === normalizeName(typed))
        .flatMap((c) => owners.of('cadres', c));
    case 'classes':
      return data.classes.filter((c) => c.name === typed).map((c) => c.collegeId);
    case 'dorms':
      return data.dorms.filter((d) => dormKey(d) === typed).flatMap((d) => owners.of('dorms', d));
    case 'students':
      return data.students.filter((s) => s.studentNo === typed).flatMap((s) => owners.of('students', s));
  }
}

/** `干部“周七”属于其他学院` when the whole school holds what her part of `data` missed; null when nothing does. */
export function heldElsewhere(data: Datastore, miss: NotFoundError): string | null {
  const colleges = holders(data, miss);
  if (colleges.length === 0) return null;
  if (miss.table === 'colleges') return `学院“${miss.typed}”是其他学院`;
  return `${TABLE_LABELS[miss.table]}“${miss.typed}”属于${colleges.every((c) => c === SCHOOL) ? '全校统筹' : '其他学院'}`;
}

/**
 * Her lookup in her part of `data` missed: the refusal that says the record is outside her scope, or
 * null when the whole school has no such record either (the miss says how to fix it). `verb`: whether she
 * was changing (修改) or reading (查看).
 */
export function outOfScope(actor: User, data: Datastore, miss: NotFoundError, verb: '修改' | '查看'): UserError | null {
  const held = heldElsewhere(data, miss);
  if (held === null) return null;
  return new UserError(
    `${actor.name}（${actor.login}）只能${verb}本学院（${scopeText(actor, data)}）的记录：${held}${verb === '修改' ? '，未做任何改动' : ''}`,
  );
}
