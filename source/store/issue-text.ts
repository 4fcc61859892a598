// A validation failure in words: where (`cadres[3].status`, with the record's name) and what. Apart from
// validate.ts, so a save that refuses nothing loads neither the file schemas nor the migrations.
import type { z } from 'zod';

/** `cadres[3].status` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out || '（根）';
}

/** The record's own name, when the path points into a named record: helps find it in the file. */
function recordName(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length < 2 || typeof path[1] !== 'number') return '';
  const table = (raw as Record<string, unknown>)[String(path[0])];
  const record = Array.isArray(table) ? (table[path[1]] as Record<string, unknown> | undefined) : undefined;
  const name =
    record && typeof record === 'object' ? (record['name'] ?? record['studentNo'] ?? record['id']) : undefined;
  return typeof name === 'string' ? `（${name.slice(0, 40)}）` : '';
}

export function describeIssues(raw: unknown, issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map((i) => `${formatPath(i.path)}${recordName(raw, i.path)}：${i.message}`);
  if (issues.length > limit) lines.push(`……另有 ${issues.length - limit} 处`);
  return lines.join('；');
}
