// The records a change made differ: what the journal keeps and the change check validates.
import { isDeepStrictEqual } from 'node:util';
import { journalSettings } from '../domain/robots.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { ROSTER_TABLES } from '../domain/tables.js';
import type { MainCollections } from './file-schemas.js';
import type { CollectionName, RecordChange } from './journal.js';
import { sameRoster } from './lazy-roster.js';

type IdRecord = { id: string };

function diffTable(
  collection: CollectionName,
  before: readonly IdRecord[],
  after: readonly IdRecord[],
  out: RecordChange[],
): void {
  // The records before a change are frozen (as read), so the same object is the same record: the same
  // table, or records added after those read in the same order (a log), need no comparing.
  if (after.length >= before.length && before.every((r, i) => after[i] === r)) {
    for (let i = before.length; i < after.length; i++)
      out.push({ collection, id: after[i]!.id, before: null, after: after[i]! });
    return;
  }
  const old = new Map(before.map((r) => [r.id, r]));
  for (const record of after) {
    const previous = old.get(record.id);
    old.delete(record.id);
    // Contacts are frozen once loaded, so the same object means the same record.
    if (previous === record || (previous !== undefined && isDeepStrictEqual(previous, record))) continue;
    out.push({ collection, id: record.id, before: previous ?? null, after: record });
  }
  for (const [id, record] of old) out.push({ collection, id, before: record, after: null });
}

/** Every record that differs between the state before a change and after it. */
export function computeChanges(
  before: MainCollections,
  beforeContacts: readonly Contact[],
  after: Datastore,
): RecordChange[] {
  const changes: RecordChange[] = [];
  // Data reading its lists from the roster as read cannot have changed them (lazy-roster.ts).
  const kept = sameRoster(before, after);
  if (!kept && !isDeepStrictEqual(before.settings, after.settings)) {
    // Robot addresses are secrets: the journal keeps them masked (undo.ts refuses to revert them).
    changes.push({
      collection: 'settings',
      id: 'settings',
      before: journalSettings(before.settings),
      after: journalSettings(after.settings),
    });
  }
  if (!kept) for (const table of ROSTER_TABLES) diffTable(table, before[table], after[table], changes);
  diffTable('contacts', beforeContacts, after.contacts, changes);
  return changes;
}
