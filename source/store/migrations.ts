// Upgrading datastore files written by older versions, one schema version at a time.
import { DEFAULT_RULES, SCHEMA_VERSION } from '../domain/vocabulary.js';
import { UserError } from '../domain/errors.js';
import { DatastoreFileError } from './datastore-file-error.js';

type Raw = Record<string, unknown>;

/** migrations[n] turns a version-n file into version n+1: one per version, or this does not compile. */
const migrations = [
  // Version 0: files from before the schema was versioned had no per-college rules or entry author.
  (raw) => {
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
  // Version 2 keeps contacts one file per month: the next save moves them out (every month counts as changed).
  (raw) => ({ ...raw, schemaVersion: 2 }),
  // Version 3 adds the users (issue 14). A version-2 sanlianxi refuses a version-3 file instead of
  // saving it without its users, which would drop every secretary's role and scope.
  (raw) => ({ ...raw, users: [], schemaVersion: 3 }),
  // Version 4 keeps the roster in a file of its own, written out by the next save. A version-3 sanlianxi
  // refuses a head, which it would read as an empty datastore.
  (raw) => ({ ...raw, schemaVersion: 4 }),
] as const satisfies readonly ((raw: Raw) => Raw)[] & { length: typeof SCHEMA_VERSION };

/** Brings a parsed file up to the current version; refuses files from a newer sanlianxi. */
export function migrate(raw: Raw, file: string): Raw {
  const version = raw['schemaVersion'] === undefined ? 0 : raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DatastoreFileError(`数据文件 ${file} 的 schemaVersion 无效：文件未被改动，请检查或从备份恢复`);
  }
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `数据文件 ${file} 由更新版本的 sanlianxi 写入（数据版本 ${version}，本程序支持 ${SCHEMA_VERSION}）：请升级 sanlianxi 后再打开，文件未被改动`,
    );
  }
  return migrations.slice(version).reduce<Raw>((data, step) => step(data), raw);
}
