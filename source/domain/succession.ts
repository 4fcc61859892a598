// Whom a class's next cadre succeeds, and from which day: the holder whose assignment already has a
// last day (长期请假 from a later date), or — when a leave was recorded after its last day — the last
// holder, ended this term with nobody after. Either way the successor starts the day after, so that no
// day of the class is left without a cadre. A class that graduates by then has no successor.
import { addDays, type IsoDate } from './dates.js';
import type { Indexes } from './indexes.js';
import type { Assignment, Datastore } from './schema.js';
import { reportingTerm } from './terms.js';
import { isActiveOn } from './windows.js';

export interface Succession {
  /** Whose dorms and students the successor takes over. */
  predecessor: Assignment;
  /** The successor's first day. */
  from: IsoDate;
}

export function successionOf(data: Datastore, idx: Indexes, classId: string, today: IsoDate): Succession | null {
  const cls = idx.classById.get(classId);
  const held = idx.assignmentsByClass.get(classId) ?? [];
  // The one that ends last (an open-ended one last of all): a successor already there or scheduled is it.
  const lastDay = (a: Assignment) => a.end ?? '9999-12-31';
  const latest = held.reduce<Assignment | null>((l, a) => (l === null || lastDay(a) > lastDay(l) ? a : l), null);
  const predecessor = held.find((a) => isActiveOn(a, cls, today)) ?? latest;
  if (!predecessor?.end || predecessor !== latest || predecessor.endReason === '班级毕业') return null;
  const from = addDays(predecessor.end, 1);
  const term = reportingTerm(data.settings.terms, today);
  if (cls?.graduationDate != null && cls.graduationDate < from) return null;
  // Ended before this term: a new assignment starts when it is made, not back then.
  if (predecessor.end < today && (term === null || from < term.start)) return null;
  return { predecessor, from };
}
