// A change as it will be saved: only the records it added or modified are validated (the others were
// when read), since re-validating a whole school would cost a `log` more than all the rest of it.
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { contactSchema, type Validator } from '../domain/contact-schema.js';
import { UserError } from '../domain/errors.js';
import { journalSettings } from '../domain/robots.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { ROSTER_TABLES, type RosterTable, type Table } from '../domain/tables.js';
import type { MainCollections } from './file-schemas.js';
import type { CollectionName, RecordChange } from '../domain/journal-entry.js';
import { describeIssues } from './issue-text.js';
import { sameRoster } from './lazy-roster.js';

type IdRecord = { id: string };

/** From this many changed records of a table on, zod compiles its parser for them (an import, a restore). */
const COMPILED_PARSER_FROM = 50;

/** The roster's and the settings' schemas, constructed by the first change that touches them. */
function rosterSchemasOf(s: typeof import('../domain/schema.js')) {
  // A record's value saved under an older, looser limit (schema.ts) may stay as it was when the record changes otherwise.
  const stored: Partial<Record<RosterTable, z.ZodType>> = { cadres: s.storedCadreSchema, classes: s.storedClassSchema };
  const strict: Partial<Record<RosterTable, z.ZodType<IdRecord>>> = { cadres: s.cadreSchema, classes: s.classSchema };
  const tables = Object.fromEntries(ROSTER_TABLES.map((t) => [t, strict[t] ?? s.datastoreSchema.shape[t].element]));
  const head = s.datastoreSchema.pick({ schemaVersion: true, settings: true });
  return { tables: tables as Record<RosterTable, z.ZodType<IdRecord>>, stored, head };
}

let rosterSchemas: Promise<ReturnType<typeof rosterSchemasOf>> | undefined;

function diffTable(collection: Table, before: readonly IdRecord[], after: readonly IdRecord[]): RecordChange[] {
  // The records before a change are frozen (as read), so the same object is the same record: the same
  // table, or records added after those read in the same order (a log), need no comparing.
  if (after.length >= before.length && before.every((r, i) => after[i] === r))
    return after.slice(before.length).map((r) => ({ collection, id: r.id, before: null, after: r }));
  const changes: RecordChange[] = [];
  const old = new Map(before.map((r) => [r.id, r]));
  for (const record of after) {
    const previous = old.get(record.id);
    old.delete(record.id);
    if (previous === record || (previous !== undefined && isDeepStrictEqual(previous, record))) continue;
    changes.push({ collection, id: record.id, before: previous ?? null, after: record });
  }
  for (const [id, record] of old) changes.push({ collection, id, before: record, after: null });
  return changes;
}

/** Every record that differs between the state before a change and after it: what the journal keeps. */
export function computeChanges(
  before: MainCollections,
  beforeContacts: readonly Contact[],
  after: Datastore,
): RecordChange[] {
  const contacts = diffTable('contacts', beforeContacts, after.contacts);
  if (sameRoster(before, after)) return contacts;
  const tables = ROSTER_TABLES.flatMap((table) => diffTable(table, before[table], after[table]));
  if (isDeepStrictEqual(before.settings, after.settings)) return [...tables, ...contacts];
  // Robot addresses are secrets: the journal keeps them masked (undo.ts refuses to revert them).
  const [was, is] = [before, after].map((c) => journalSettings(c.settings));
  return [{ collection: 'settings', id: 'settings', before: was, after: is }, ...tables, ...contacts];
}

export type ChangeBase = { before: MainCollections; beforeContacts: readonly Contact[] };

function refused(what: string, root: unknown, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): UserError {
  const located = issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  return new UserError(`${what}，未保存：${describeIssues(root, located)}`);
}

/**
 * Without `base` (init, restore) every record is checked, a value kept from an older limit passing as on load.
 * `changes`: every record that differs from `base`, as saved; null without `base`.
 */
export async function checkChange(data: Datastore, base: ChangeBase | null) {
  const raw = base ? computeChanges(base.before, base.beforeContacts, data) : null;
  // The records the change added or modified, by table and id, each as it was before (null: added).
  const touched = new Map<CollectionName, Map<unknown, Record<PropertyKey, unknown> | null>>();
  for (const c of raw ?? [])
    if (c.after !== null) touched.set(c.collection, (touched.get(c.collection) ?? new Map()).set(c.id, c.before));
  const validated = new Map<unknown, unknown>();
  let schemas: ReturnType<typeof rosterSchemasOf> | null = null;

  const checkList = (table: Table, root: unknown, what: string): unknown[] => {
    const list = data[table] as readonly IdRecord[];
    const ids = touched.get(table);
    if (raw !== null && !ids) return list as unknown[];
    if (!Array.isArray(list)) throw new UserError(`${what}，未保存：${table} 应为列表`);
    const schema: Validator<IdRecord> = table === 'contacts' ? contactSchema : schemas!.tables[table];
    // A few records are checked by zod's interpreter: its compiled parser costs a new Function per object schema first.
    const options = raw !== null && (ids?.size ?? 0) < COMPILED_PARSER_FROM ? { jitless: true } : undefined;
    return list.map((record, i) => {
      if (raw !== null && ids?.has(record.id) !== true) return record;
      let result = schema.safeParse(record, options);
      const stored = schemas?.stored[table as RosterTable];
      const previous = ids?.get(record.id);
      // A value kept from an older limit passes: without `base` always, with it where the change left the field as it was.
      const kept = (key: PropertyKey | undefined) =>
        previous != null && key !== undefined && isDeepStrictEqual(previous[key], (record as typeof previous)[key]);
      if (!result.success && stored && (raw === null || result.error.issues.every((issue) => kept(issue.path[0]))))
        result = stored.safeParse(record, options) as typeof result;
      if (!result.success) throw refused(what, root, result.error.issues, [table, i]);
      validated.set(record, result.data);
      return result.data;
    });
  };
  const checked = (collections: MainCollections, contacts: Contact[]) => ({
    collections,
    contacts,
    changes:
      raw?.map((c) => {
        if (c.collection === 'settings') return { ...c, after: journalSettings(collections.settings) };
        return c.after === null ? c : { ...c, after: validated.get(c.after) ?? c.after };
      }) ?? null,
  });
  const checkContacts = () => checkList('contacts', { contacts: data.contacts }, '修改后的联系记录无效') as Contact[];

  // Data that reads its lists from the roster as read cannot have changed them: the roster is kept, unread.
  if (base && sameRoster(base.before, data)) return checked(base.before, checkContacts());
  // The settings are a record like the others: checked when the change touched them (or the version).
  const headChanged =
    raw === null || base?.before.schemaVersion !== data.schemaVersion || raw.some((c) => c.collection === 'settings');
  // A change that only adds or edits contacts constructs no other schema.
  if (headChanged || ROSTER_TABLES.some((t) => touched.has(t)))
    schemas = await (rosterSchemas ??= import('../domain/schema.js').then(rosterSchemasOf));
  const head = { schemaVersion: data.schemaVersion, settings: data.settings };
  const checkedHead = schemas && headChanged ? schemas.head.safeParse(head) : { success: true as const, data: head };
  if (!checkedHead.success) throw refused('修改后的数据无效', data, checkedHead.error.issues, []);
  const tables = Object.fromEntries(ROSTER_TABLES.map((t) => [t, checkList(t, data, '修改后的数据无效')]));
  return checked({ ...(tables as Pick<MainCollections, RosterTable>), ...checkedHead.data }, checkContacts());
}
