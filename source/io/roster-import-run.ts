// One import's working state: the rows read, the copy of the datastore the sheets fill, the errors found,
// the counts, and what rows refer to each other by (a refused row's record is not reported again).
import { isDeepStrictEqual } from 'node:util';
import type { Validator } from '../domain/contact-schema.js';
import type { ChangeContext } from '../domain/context.js';
import { isUserError } from '../domain/errors.js';
import { buildIndexes, type Indexes } from '../domain/indexes.js';
import { classSuggestion, findCadre } from '../domain/lookup.js';
import type { Cadre, Datastore } from '../domain/schema.js';
import type { ImportSummary } from './import-summary.js';
import { shown } from './roster-cells.js';
import type { Row } from './roster-read.js';

export interface ImportRun {
  /** The datastore as imported so far (a copy: the caller's changes only if everything is valid). */
  next: Datastore;
  /** Indexes of `next`, as of the last reindex(). */
  idx: Indexes;
  ctx: ChangeContext;
  /** One line per bad cell: `sheet, row, column: reason`. */
  errors: string[];
  summary: ImportSummary;
  rows: (sheet: string) => Row[];
  reindex: () => void;
  /** Counts the row and writes `fields` over `existing` (when there is one). */
  count: (sheet: string, existing: object | undefined, fields?: object) => void;
  /** A check that a sheet names each record once. */
  seen: (sheet: string) => (row: Row, key: string, header: string, label?: string) => boolean;
  /** The college named, added when new; null for the school-wide departments. */
  collegeId: (collegeName: string) => string | null;
  // Records whose own row was refused (with its reason): rows naming them say nothing more, so one
  // mistake is one error line rather than a cascade of 找不到 through the sheets that follow.
  refusedClasses: Set<string>;
  refusedDorms: Set<string>;
  refusedStudents: Set<string>;
  /** Why a class name refers to nothing, or undefined when its own row was already refused. */
  missingClass: (clsName: string) => string | undefined;
  cadreOf: (row: Row) => Cadre;
  /** Runs a row's change; a UserError becomes that row's error line. */
  attempt: (row: Row, header: string, work: () => void) => void;
}

/** Whether writing `fields` over `record` would change nothing. */
function unchanged(record: object, fields: object): boolean {
  return Object.entries(fields).every(([key, value]) => isDeepStrictEqual((record as Record<string, unknown>)[key], value));
}

export function startRun(data: Datastore, sheets: Map<string, Row[]>, errors: string[], ctx: ChangeContext): ImportRun {
  const next = structuredClone(data);
  const summary: ImportSummary = {};
  const run: ImportRun = {
    next,
    idx: buildIndexes(next),
    ctx,
    errors,
    summary,
    rows: (sheet) => sheets.get(sheet) ?? [],
    reindex: () => {
      run.idx = buildIndexes(next);
    },
    count: (sheet, existing, fields = {}) => {
      const s = (summary[sheet] ??= { added: 0, updated: 0, unchanged: 0 });
      if (!existing) s.added += 1;
      else if (unchanged(existing, fields)) s.unchanged += 1;
      else {
        s.updated += 1;
        Object.assign(existing, fields);
      }
    },
    seen: (sheet) => {
      const keys = new Map<string, number>();
      /** `key` identifies the record; `label` is how the user writes it. */
      return (row, key, header, label = key) => {
        const prev = keys.get(key);
        if (prev !== undefined) errors.push(`${sheet}, 第${row.rowNo}行, ${header}: 与第${prev}行重复（${shown(label)}）`);
        keys.set(key, row.rowNo);
        return prev === undefined;
      };
    },
    collegeId: (collegeName) => {
      if (collegeName === '' || collegeName === '组织部' || collegeName === '学工部' || collegeName === '学工处' || collegeName === '全校统筹') return null;
      const found = next.colleges.find((c) => c.name === collegeName);
      if (found) return found.id;
      const college = { id: ctx.newId('col'), name: collegeName };
      next.colleges.push(college);
      return college.id;
    },
    refusedClasses: new Set(),
    refusedDorms: new Set(),
    refusedStudents: new Set(),
    missingClass: (clsName) =>
      run.refusedClasses.has(clsName) ? undefined : `找不到班级“${shown(clsName)}”${classSuggestion(run.idx, clsName) ?? '（请先在“班级”表中列出）'}`,
    cadreOf: (row) => findCadre(run.idx, row.get('工号') || row.get('干部姓名')),
    attempt: (row, header, work) => {
      try {
        work();
      } catch (error) {
        if (!isUserError(error)) throw error;
        errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: ${error.message}`);
      }
    },
  };
  return run;
}

export function check<T>(row: Row, header: string, schema: Validator<T>, value: unknown, errors: string[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: ${r.error.issues[0]?.message ?? '无效'}`);
  return undefined;
}

export function requireDate(row: Row, header: string, errors: string[], optional = false): string | null | undefined {
  const text = row.get(header);
  if (text === '' && optional) return null;
  const d = row.date(header);
  if (!d) errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: “${shown(text)}”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）`);
  return d ?? undefined;
}

/** One reason per cell: the first (a cell refused while reading hides the “不能为空” that follows). */
export function firstPerCell(errors: string[]): string[] {
  const cells = new Set<string>();
  return errors.filter((line) => {
    const cell = /^[^,]+, 第\d+行, [^:]+:/.exec(line)?.[0];
    if (cell === undefined) return true;
    if (cells.has(cell)) return false;
    cells.add(cell);
    return true;
  });
}
