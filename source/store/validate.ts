// Parsing and validating a datastore file's text, with messages that name the file and the field.
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { datastoreSchema, type Datastore } from '../domain/schema.js';
import { migrate } from './migrations.js';

/** A datastore file that cannot be used as it is; it is never overwritten. */
export class DatastoreFileError extends UserError {}

/** `cadres[3].status` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '（根）';
}

/** The record's own name, when the path points into a named record: helps find it in the file. */
function recordName(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length < 2 || typeof path[1] !== 'number') return '';
  const table = (raw as Record<string, unknown>)[String(path[0])];
  const record = Array.isArray(table) ? (table[path[1]] as Record<string, unknown> | undefined) : undefined;
  const name = record && typeof record === 'object' ? (record['name'] ?? record['studentNo'] ?? record['id']) : undefined;
  return typeof name === 'string' ? `（${name.slice(0, 40)}）` : '';
}

export function describeIssues(raw: unknown, issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map((i) => `${formatPath(i.path)}${recordName(raw, i.path)}：${i.message}`);
  if (issues.length > limit) lines.push(`……另有 ${issues.length - limit} 处`);
  return lines.join('；');
}

export interface ParsedDatastore {
  data: Datastore;
  /** The file was written by an older version and was upgraded in memory. */
  migrated: boolean;
}

export function parseDatastoreText(text: string, file: string): ParsedDatastore {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatastoreFileError(
      `数据文件 ${file} 不是有效的 JSON（${(error as Error).message}）：文件未被改动，请从备份恢复（sanlianxi backups / restore）或修正该文件`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DatastoreFileError(`数据文件 ${file} 不是 sanlianxi 的数据文件：文件未被改动`);
  }
  const { data, migrated } = migrate(raw as Record<string, unknown>, file);
  const result = datastoreSchema.safeParse(data);
  if (!result.success) {
    throw new DatastoreFileError(
      `数据文件 ${file} 校验失败：${describeIssues(data, result.error.issues)}。文件未被改动，请修正或从备份恢复`,
    );
  }
  return { data: result.data, migrated };
}
