// When a cadre last made a contact and when a class, dorm or 困难生 was last contacted (by anyone):
// the 最近联系 column of the lists, and their sort, oldest first.
import type { IsoDate } from './dates.js';
import type { Contact } from './schema.js';
import type { Duty } from './vocabulary.js';

export interface LastContacts {
  byCadre: Map<string, IsoDate>;
  byTarget: Record<Duty, Map<string, IsoDate>>;
}

/** One pass over the contacts. */
export function lastContacts(contacts: readonly Contact[]): LastContacts {
  const last: LastContacts = {
    byCadre: new Map(),
    byTarget: { class: new Map(), dorm: new Map(), student: new Map() },
  };
  const later = (map: Map<string, IsoDate>, key: string, date: IsoDate) => {
    const seen = map.get(key);
    if (seen === undefined || seen < date) map.set(key, date);
  };
  for (const c of contacts) {
    later(last.byCadre, c.cadreId, c.date);
    later(last.byTarget[c.duty], c.targetId, c.date);
  }
  return last;
}
