// One import's working state: the rows read, the copy of the datastore the sheets fill, the errors found,
// the counts, the row each record came from, and what rows refer to each other by (a refused row's
// record is not reported again).
import { isDeepStrictEqual } from 'node:util';
import type { Validator } from '../domain/contact-schema.js';
import type { ChangeContext } from '../domain/context.js';
import { isUserError } from '../domain/errors.js';
import { buildIndexes, type Indexes } from '../domain/indexes.js';
import { classSuggestion, findCadre, NotFoundError, type NamedTable } from '../domain/lookup.js';
import type { Cadre, Datastore } from '../domain/schema.js';
import type { ImportMiss } from './import-error.js';
import type { ImportSummary } from './import-summary.js';
import { shown } from './roster-cells.js';
import type { Row, RowsRead } from './roster-read.js';
import { ROSTER_SHEETS } from './roster-sheets.js';

/** Where a record came from: the row that added or changed it, and the column named for it. */
interface Place {
  row: Row;
  column: string;
}

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
  /** Counts a row that added `record` (returned). */
  added: <T extends object>(row: Row, record: T) => T;
  /** Counts a row that met `existing` again, and writes `fields` over it. */
  met: (row: Row, existing: object, fields: object) => void;
  /**
   * `sheet, row, column: text` for a problem with the records in `about`, at the first of them the import added
   * or changed, naming the rows of the others (a conflict between two rows names both); null when none is the import's.
   */
  placed: (text: string, about: readonly object[]) => string | null;
  /** Whether the import added or changed `record`. */
  touched: (record: unknown) => boolean;
  /** A check that a sheet names each record once. */
  seen: (sheet: string) => (row: Row, key: string, header: string, label?: string) => boolean;
  /** Whether a class is another college's, which the importing user may not change (null: she may change all). */
  theirs: ((classId: string) => boolean) | null;
  /** The college named, added when new; null for the school-wide departments. */
  collegeId: (collegeName: string) => string | null;
  // Records whose own row was refused (with its reason): rows naming them say nothing more, so one
  // mistake is one error line rather than a cascade of 找不到 through the sheets that follow.
  refusedClasses: Set<string>;
  refusedDorms: Set<string>;
  refusedStudents: Set<string>;
  /** That cell's error line for a class name that refers to nothing (none when its own row was already refused). */
  missingClass: (row: Row, header: string, clsName: string) => void;
  /** That cell's error line for what refers to nothing (`text`, typed as `typed`). */
  missing: (row: Row, header: string, text: string, table: NamedTable, typed: string) => void;
  /** The lines that found nothing they named, by line. */
  misses: Map<string, ImportMiss>;
  /** The row's cadre, by 工号 or else 干部姓名; undefined (and that cell's error line) when none is found. */
  cadreOf: (row: Row) => Cadre | undefined;
  /** Runs a row's change; a UserError becomes that row's error line (naming the rows of the records it is about). */
  attempt: <T>(row: Row, header: string, work: () => T) => T | undefined;
}

/** The fields of `fields` whose value differs from `record`'s. */
function changedFields(record: object, fields: object): string[] {
  return Object.entries(fields)
    .filter(([key, value]) => !isDeepStrictEqual((record as Record<string, unknown>)[key], value))
    .map(([key]) => key);
}

const specOf = (sheet: string) => ROSTER_SHEETS.find((s) => s.name === sheet)!;

/**
 * `（与第3行冲突）`: the other rows of `row`'s sheet among `places` (a problem's records from other sheets only
 * bear on it, as a class's 毕业日期 on its assignments' periods).
 */
function otherRows(row: Row, places: readonly Place[]): string {
  const named = new Set(
    places.filter((p) => p.row !== row && p.row.sheet === row.sheet).map((p) => `第${p.row.rowNo}行`),
  );
  return named.size === 0 ? '' : `（与${[...named].join('、')}冲突）`;
}

export function startRun(
  data: Datastore,
  read: RowsRead,
  errors: string[],
  ctx: ChangeContext,
  colleges: ReadonlySet<string> | null,
): ImportRun {
  // Contact records are frozen (never changed in place; the import adds new ones): the same objects,
  // so the save sees the months untouched and writes none of them.
  const next = { ...structuredClone({ ...data, contacts: [] }), contacts: [...data.contacts] };
  const summary: ImportSummary = { sheets: {}, absent: read.absent };
  const places = new Map<object, Place>();
  const counts = (sheet: string) => (summary.sheets[sheet] ??= { added: 0, updated: 0, unchanged: 0 });
  const line = (place: Place, text: string, others: readonly Place[]) =>
    `${place.row.sheet}, 第${place.row.rowNo}行, ${place.column}: ${text}${otherRows(place.row, others)}`;
  const run: ImportRun = {
    next,
    idx: buildIndexes(next),
    ctx,
    errors,
    summary,
    rows: (sheet) => read.rows.get(sheet) ?? [],
    reindex: () => {
      run.idx = buildIndexes(next);
    },
    added: (row, record) => {
      counts(row.sheet).added += 1;
      places.set(record, { row, column: specOf(row.sheet).recordColumn });
      return record;
    },
    met: (row, existing, fields) => {
      const changed = changedFields(existing, fields);
      if (changed.length === 0) {
        counts(row.sheet).unchanged += 1;
        return;
      }
      counts(row.sheet).updated += 1;
      Object.assign(existing, fields);
      // What the row changed is what broke an invariant, if one breaks.
      places.set(existing, { row, column: specOf(row.sheet).fields[changed[0]!] ?? specOf(row.sheet).recordColumn });
    },
    placed: (text, about) => {
      const found = about.map((record) => places.get(record)).filter((p) => p !== undefined);
      return found.length === 0 ? null : line(found[0]!, text, found);
    },
    touched: (record) => typeof record === 'object' && record !== null && places.has(record),
    seen: (sheet) => {
      const keys = new Map<string, number>();
      /** `key` identifies the record; `label` is how the user writes it. */
      return (row, key, header, label = key) => {
        const prev = keys.get(key);
        if (prev !== undefined)
          errors.push(`${sheet}, 第${row.rowNo}行, ${header}: 与第${prev}行重复（${shown(label)}）`);
        keys.set(key, row.rowNo);
        return prev === undefined;
      };
    },
    theirs: colleges === null ? null : (classId) => !colleges.has(run.idx.classById.get(classId)?.collegeId ?? ''),
    collegeId: (collegeName) => {
      if (
        collegeName === '' ||
        collegeName === '组织部' ||
        collegeName === '学工部' ||
        collegeName === '学工处' ||
        collegeName === '全校统筹'
      )
        return null;
      const found = next.colleges.find((c) => c.name === collegeName);
      if (found) return found.id;
      const college = { id: ctx.newId('col'), name: collegeName };
      next.colleges.push(college);
      return college.id;
    },
    refusedClasses: new Set(),
    refusedDorms: new Set(),
    refusedStudents: new Set(),
    missingClass: (row, header, clsName) => {
      if (run.refusedClasses.has(clsName)) return;
      const suggestion = classSuggestion(run.idx, clsName);
      if (suggestion !== undefined)
        errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: 找不到班级“${shown(clsName)}”${suggestion}`);
      else run.missing(row, header, `找不到班级“${shown(clsName)}”（请先在“班级”表中列出）`, 'classes', clsName);
    },
    missing: (row, header, text, table, typed) => {
      const place = `${row.sheet}, 第${row.rowNo}行, ${header}`;
      errors.push(`${place}: ${text}`);
      run.misses.set(`${place}: ${text}`, { place, miss: new NotFoundError(text, table, typed) });
    },
    misses: new Map(),
    cadreOf: (row) => {
      const header = row.get('工号') === '' ? '干部姓名' : '工号';
      return run.attempt(row, header, () => findCadre(run.idx, row.get(header)));
    },
    attempt: (row, header, work) => {
      try {
        return work();
      } catch (error) {
        if (!isUserError(error)) throw error;
        const others = error.about.map((record) => places.get(record)).filter((p) => p !== undefined);
        const text = line({ row, column: header }, error.message, others);
        errors.push(text);
        if (error instanceof NotFoundError)
          run.misses.set(text, { place: `${row.sheet}, 第${row.rowNo}行, ${header}`, miss: error });
        return undefined;
      }
    },
  };
  return run;
}

export function check<T>(
  row: Row,
  header: string,
  schema: Validator<T>,
  value: unknown,
  errors: string[],
): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: ${r.error.issues[0]?.message ?? '无效'}`);
  return undefined;
}

export function requireDate(row: Row, header: string, errors: string[], optional = false): string | null | undefined {
  const text = row.get(header);
  if (text === '' && optional) return null;
  const d = row.date(header);
  if (!d)
    errors.push(
      `${row.sheet}, 第${row.rowNo}行, ${header}: “${shown(text)}”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）`,
    );
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
