// What a college user sees of the journal (issue 21): each record as her part of the data shows it
// (scopedView's rule) — a 混合寝室 with her classes only, her student's dorm only where one of her
// classes lives, a contact by a cadre she sees on a target she sees — so she sees her own changes to
// records she shares with another college, and nothing of that college's own.
import { Owners, TABLES, type Table } from './scope.js';
import type { Datastore } from './schema.js';

type Rec = Record<string, unknown>;

/**
 * How `scope` sees a record as the journal recorded it (before or after a change), by the owners in
 * `data` now: the record cut to her part, or null when she does not see it (as for no record).
 */
export function journalRecordSeen(
  scope: ReadonlySet<string>,
  data: Datastore,
): (table: string, record: unknown) => unknown {
  const owners = new Owners([data]);
  // The colleges that see each cadre: its own, and those of the classes it holds.
  const cadreColleges = new Map<string, Set<string>>();
  const seenCadre = (id: string) => cadreColleges.get(id) ?? cadreColleges.set(id, new Set()).get(id)!;
  for (const c of data.cadres) if (c.collegeId !== null) seenCadre(c.id).add(c.collegeId);
  for (const a of data.assignments) seenCadre(a.cadreId).add(owners.ofClass(a.classId));
  const mine = (colleges: Iterable<string>) => [...colleges].some((c) => scope.has(c));
  const dormSeen = (id: string) => mine(owners.ofDorm(id));
  return (table, record) => {
    if (record === null || typeof record !== 'object' || !(TABLES as readonly string[]).includes(table)) return null;
    const r = record as Rec;
    if (!mine(owners.of(table as Table, r))) {
      // A cadre of another college (or the school's) holding one of her classes is hers to see.
      return table === 'cadres' && mine(seenCadre(String(r['id']))) ? r : null;
    }
    switch (table as Table) {
      case 'dorms':
        return { ...r, classIds: (r['classIds'] as string[]).filter((id) => scope.has(owners.ofClass(id))) };
      case 'students':
        return r['dormId'] === null || dormSeen(String(r['dormId'])) ? r : { ...r, dormId: null };
      case 'assignments':
        return {
          ...r,
          dormIds: (r['dormIds'] as string[]).filter(dormSeen),
          studentIds: (r['studentIds'] as string[]).filter((id) => scope.has(owners.ofStudent(id))),
        };
      case 'contacts':
        return mine(seenCadre(String(r['cadreId']))) ? r : null;
      default:
        return r;
    }
  };
}
