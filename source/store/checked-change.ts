// A change as it will be saved: the records it added or modified are validated, the others were
// validated when they were read and are kept as they are — re-validating a whole school on every
// `log` cost ~50 ms of its half-second budget.
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import {
  assignmentSchema,
  cadreSchema,
  classSchema,
  collegeSchema,
  contactSchema,
  datastoreSchema,
  dormSchema,
  storedCadreSchema,
  storedClassSchema,
  studentSchema,
  userSchema,
  type Contact,
  type Datastore,
} from '../domain/schema.js';
import type { MainCollections } from './file-schemas.js';
import { computeChanges, type CollectionName, type RecordChange } from './journal.js';
import { describeIssues } from './issue-text.js';

const TABLES = {
  colleges: collegeSchema,
  cadres: cadreSchema,
  classes: classSchema,
  dorms: dormSchema,
  students: studentSchema,
  assignments: assignmentSchema,
  users: userSchema,
} as const;
type TableName = keyof typeof TABLES;

/** A record's value saved under an older, looser limit (schema.ts) may stay as it was when the record changes otherwise. */
const STORED: Partial<Record<TableName, z.ZodType>> = { cadres: storedCadreSchema, classes: storedClassSchema };

const headSchema = datastoreSchema.pick({ schemaVersion: true, settings: true });

export interface CheckedChange {
  collections: MainCollections;
  contacts: Contact[];
  /** Every record that differs from `before`, as saved; null when there is no `before`. */
  changes: RecordChange[] | null;
}

export interface ChangeBase {
  before: MainCollections;
  beforeContacts: readonly Contact[];
}

function refused(what: string, root: unknown, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): UserError {
  const located = issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  return new UserError(`${what}，未保存：${describeIssues(root, located)}`);
}

/** Whether the record's field is as it was before the change (a value kept from an older limit). */
function unchanged(previous: Record<string, unknown> | null | undefined, record: object, field: PropertyKey | undefined): boolean {
  return previous != null && field !== undefined && isDeepStrictEqual(previous[String(field)], (record as Record<string, unknown>)[String(field)]);
}

/**
 * Validates `data` after a change. With `base`, only records whose id the diff names are checked;
 * without it (init, restore), every record is — a value kept from an older limit passing as it did on load.
 */
export function checkChange(data: Datastore, base: ChangeBase | null): CheckedChange {
  const raw = base ? computeChanges(base.before, base.beforeContacts, data) : null;
  const key = (table: CollectionName, id: unknown) => `${table}\u0000${String(id)}`;
  const touched = new Set((raw ?? []).filter((c) => c.after !== null).map((c) => key(c.collection, c.id)));
  const before = new Map((raw ?? []).map((c) => [key(c.collection, c.id), c.before as Record<string, unknown> | null]));
  const needsCheck = (table: CollectionName, record: { id?: unknown }) => raw === null || touched.has(key(table, record.id));
  const validated = new Map<string, unknown>();

  const { contacts: rawContacts, ...rest } = data;
  // The settings are a record like the others: checked when the change touched them (or the version).
  const headChanged = raw === null || base?.before.schemaVersion !== rest.schemaVersion || raw.some((c) => c.collection === 'settings');
  const head = headChanged ? headSchema.safeParse({ schemaVersion: rest.schemaVersion, settings: rest.settings }) : { success: true as const, data: { schemaVersion: rest.schemaVersion, settings: rest.settings } };
  if (!head.success) throw refused('修改后的数据无效', rest, head.error.issues, []);

  const touchedTables = new Set((raw ?? []).filter((c) => c.after !== null).map((c) => c.collection));
  const checkList = <T extends { id: string }>(table: CollectionName, schema: z.ZodType<T>, list: readonly T[], root: unknown, what: string): T[] => {
    if (!Array.isArray(list)) throw new UserError(`${what}，未保存：${table} 应为列表`);
    if (raw !== null && !touchedTables.has(table)) return list as T[];
    return list.map((record, i) => {
      if (!needsCheck(table, record)) return record;
      let result = schema.safeParse(record);
      const stored = STORED[table as TableName];
      if (!result.success && stored && (raw === null || result.error.issues.every((issue) => unchanged(before.get(key(table, record.id)), record, issue.path[0])))) {
        result = stored.safeParse(record) as typeof result;
      }
      if (!result.success) throw refused(what, root, result.error.issues, [table, i]);
      validated.set(key(table, result.data.id), result.data);
      return result.data;
    });
  };

  const tables = {} as { [K in TableName]: MainCollections[K] };
  for (const table of Object.keys(TABLES) as TableName[]) {
    (tables as Record<TableName, unknown>)[table] = checkList(table, TABLES[table] as z.ZodType<{ id: string }>, rest[table], rest, '修改后的数据无效');
  }
  const contacts = checkList('contacts', contactSchema, rawContacts, { contacts: rawContacts }, '修改后的联系记录无效');

  const collections: MainCollections = { ...tables, schemaVersion: head.data.schemaVersion, settings: head.data.settings };
  const changes =
    raw?.map((c) => {
      if (c.collection === 'settings') return { ...c, after: head.data.settings };
      return c.after === null ? c : { ...c, after: validated.get(key(c.collection, c.id)) ?? c.after };
    }) ?? null;
  return { collections, contacts, changes };
}
