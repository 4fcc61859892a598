// Parsing and validating a datastore file's text, with messages that name the file and the field.
import type { z } from 'zod';
import { DatastoreFileError } from './datastore-file-error.js';
import { describeIssues } from './issue-text.js';
import { datastoreSchema, type Contact } from '../domain/schema.js';
import {
  headFileSchema,
  mainFileSchema,
  partFileSchema,
  rosterFileSchema,
  type HeadFile,
  type MainCollections,
  type MainFile,
} from './file-schemas.js';
import { migrate } from './migrations.js';

/** A head (version 4 on), or the roster inline (version 3 and earlier) with, up to version 1, the contacts. */
export type ParsedMainFile =
  { head: HeadFile; inline: null } | { head: null; inline: { main: MainFile; contacts: Contact[] | null } };

/** `raw` as `schema` reads it, or the file refused, naming each field that is wrong. */
function validated<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = describeIssues(raw, result.error.issues);
  throw new DatastoreFileError(`数据文件 ${file} 校验失败：${issues}。文件未被改动，请修正或从备份恢复`);
}

function parseJsonObject(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatastoreFileError(
      `数据文件 ${file} 不是有效的 JSON（${(error as Error).message}）：文件未被改动，请修正该文件或从备份恢复`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new DatastoreFileError(`数据文件 ${file} 不是 sanlianxi 的数据文件：文件未被改动`);
  return raw as Record<string, unknown>;
}

/** Upgraded from older versions and validated; an older file's roster and contacts the next save moves out. */
export function parseMainText(text: string, file: string): ParsedMainFile {
  const data = migrate(parseJsonObject(text, file), file);
  if (data['roster'] !== undefined) return { head: validated(headFileSchema, data, file), inline: null };
  if (Array.isArray(data['contacts'])) {
    if (data['contactParts'] !== undefined)
      throw new DatastoreFileError(
        `数据文件 ${file} 既有内嵌的 contacts 又有 contactParts：文件未被改动，请从备份恢复`,
      );
    const { contacts, ...rest } = validated(datastoreSchema, data, file);
    const revision =
      typeof data['revision'] === 'number' && Number.isInteger(data['revision']) && data['revision'] >= 0
        ? data['revision']
        : 0;
    return { head: null, inline: { main: { ...rest, revision, contactParts: {} }, contacts } };
  }
  return { head: null, inline: { main: validated(mainFileSchema, data, file), contacts: null } };
}

export function parseRosterText(text: string, file: string): MainCollections {
  return validated(rosterFileSchema, parseJsonObject(text, file), file);
}

/** One month's contact file; every contact must fall in that month. */
export function parsePartText(text: string, file: string, month: string): Contact[] {
  const part = validated(partFileSchema, parseJsonObject(text, file), file);
  if (part.month !== month)
    throw new DatastoreFileError(`联系记录文件 ${file} 属于 ${part.month}，不是 ${month}：文件未被改动，请从备份恢复`);
  const stray = part.contacts.find((c) => !c.date.startsWith(month));
  if (stray)
    throw new DatastoreFileError(
      `联系记录文件 ${file} 中的联系 ${stray.id} 日期 ${stray.date} 不在 ${month}：文件未被改动，请从备份恢复`,
    );
  return part.contacts;
}
