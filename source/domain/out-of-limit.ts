// Values saved under older, looser limits (storedCadreSchema, storedClassSchema in schema.ts): kept
// when a datastore is read, named here one line each for `check` — what, where, and how to fix it.
import type { z } from 'zod';
import { cadreLabel } from './labels.js';
import { cadreSchema, classSchema, fieldLabel, type Datastore } from './schema.js';

type Shape = { shape: Record<string, z.ZodType> } & z.ZodType;

function lines(where: string, fix: string, schema: Shape, record: Record<string, unknown>): string[] {
  const result = schema.safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    const value = record[key];
    const shown = typeof value === 'string' ? `有 ${Array.from(value).length} 个字符` : `为 ${String(value)}`;
    return `${where}的${fieldLabel(schema, key)}${shown}，${issue.message}：已原样保留，请${fix}改为有效的值`;
  });
}

/** Each value of the datastore that today's limits refuse, as one Chinese line. */
export function outOfLimitValues(data: Datastore): string[] {
  return [
    ...data.cadres.flatMap((c) => lines(`干部 ${cadreLabel(c)} `, '在 TUI“干部”中选中该干部按 e 编辑', cadreSchema, c)),
    ...data.classes.flatMap((c) => lines(`班级 ${c.name} `, '在 TUI“班级”中选中该班级按 e 编辑', classSchema, c)),
  ];
}
