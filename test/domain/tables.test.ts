// The record tables are named once (domain/tables.ts): the schema's lists of records are exactly the
// registry's, a table the registry lacks does not compile, and the journal diffs every registered table.
import { describe, expect, it } from 'vitest';
import { datastoreSchema, type Datastore } from '../../source/domain/schema.js';
import { ROSTER_TABLES, TABLE_LABELS, TABLES, type TablesOf } from '../../source/domain/tables.js';
import { COLLECTIONS } from '../../source/domain/journal-entry.js';
import { computeChanges } from '../../source/store/checked-change.js';
import { smallSchool } from '../helpers/fixtures.js';

// Type-level: a schema with one more table and a registry without it is a compile error (npm run typecheck).
// @ts-expect-error the registry lacks `webhooks`
TABLE_LABELS satisfies Record<TablesOf<Datastore & { webhooks: { id: string }[] }>, string>;

describe('record tables', () => {
  it('the schema lists of records with ids are exactly the registered tables, in the schema order', () => {
    const lists = Object.entries(datastoreSchema.shape)
      .filter(
        ([, schema]) =>
          schema.def.type === 'array' && 'id' in ((schema.def as { element: { shape?: object } }).element.shape ?? {}),
      )
      .map(([key]) => key);
    expect(lists).toEqual(TABLES);
    expect(ROSTER_TABLES).toEqual(TABLES.filter((t) => t !== 'contacts'));
    expect(COLLECTIONS).toEqual(['settings', ...TABLES]);
  });

  it('a record added to every table is a journal change of every table', () => {
    const before = smallSchool();
    const { contacts, ...collections } = before;
    const after: Datastore = structuredClone(before);
    for (const table of TABLES) (after[table] as { id: string }[]).push({ id: `new_${table}` });
    const changed = computeChanges(collections, contacts, after).map((c) => c.collection);
    expect(new Set(changed)).toEqual(new Set(TABLES));
  });
});
