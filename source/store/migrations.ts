// Upgrading datastore files written by older versions, one schema version at a time.
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import { DEFAULT_RULES } from '../domain/vocabulary.js';
import { UserError } from '../domain/errors.js';
import { DatastoreFileError } from './datastore-file-error.js';

type Raw = Record<string, unknown>;

/** migrations[n] turns a version-n file into version n+1. */
const migrations: Record<number, (raw: Raw) => Raw> = {
  // Version 0: files from before the schema was versioned had no per-college rules or entry author.
  0: (raw) => {
    const settings = (raw['settings'] ?? {}) as Raw;
    const rules = (settings['rules'] ?? { defaults: { ...DEFAULT_RULES } }) as Raw;
    const contacts = Array.isArray(raw['contacts']) ? (raw['contacts'] as Raw[]) : [];
    return {
      ...raw,
      settings: { ...settings, rules: { colleges: {}, ...rules } },
      contacts: contacts.map((c) => ({ enteredBy: '', ...c })),
      schemaVersion: 1,
    };
  },
  // Version 1 kept contacts in the main file; version 2 keeps them one file per month. The contacts stay
  // inline in memory and are moved out by the next save (the store treats every month as changed).
  1: (raw) => ({ ...raw, schemaVersion: 2 }),
  // Version 3 adds the users (issue 14). A version-2 sanlianxi refuses a version-3 file instead of
  // saving it without its users, which would drop every secretary's role and scope.
  2: (raw) => ({ ...raw, users: [], schemaVersion: 3 }),
  // Version 4 keeps the roster in a file of its own, named by the main file (now a small head), so a
  // save that only adds a contact need not rewrite it. The roster stays inline in memory; the next save
  // writes it out. A version-3 sanlianxi refuses a head, which it would read as an empty datastore.
  3: (raw) => ({ ...raw, schemaVersion: 4 }),
};

export function schemaVersionOf(raw: Raw): number {
  const v = raw['schemaVersion'];
  return v === undefined ? 0 : typeof v === 'number' ? v : Number.NaN;
}

/** Brings a parsed file up to the current version; refuses files from a newer sanlianxi. */
export function migrate(raw: Raw, file: string): { data: Raw; migrated: boolean } {
  let version = schemaVersionOf(raw);
  if (!Number.isInteger(version) || version < 0) {
    throw new DatastoreFileError(`数据文件 ${file} 的 schemaVersion 无效：文件未被改动，请检查或从备份恢复`);
  }
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `数据文件 ${file} 由更新版本的 sanlianxi 写入（数据版本 ${version}，本程序支持 ${SCHEMA_VERSION}）：请升级 sanlianxi 后再打开，文件未被改动`,
    );
  }
  let data = raw;
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new DatastoreFileError(`无法从数据版本 ${version} 升级：文件 ${file} 未被改动`);
    data = step(data);
    version += 1;
  }
  return { data, migrated: schemaVersionOf(raw) !== SCHEMA_VERSION };
}
