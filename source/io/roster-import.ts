// `import FILE.xlsx`: the whole roster or nothing (of the sheets it holds). Every bad row is listed as
// `sheet, row, column: reason`.
// The jobs, each in its own file: reading the workbook into rows (roster-read), the run's state and
// cell checks (roster-import-run), each sheet into the datastore (roster-import-sheets).
import type { ChangeContext } from '../domain/context.js';
import { buildIndexes } from '../domain/indexes.js';
import { brokenInvariants } from '../domain/invariants.js';
import { datastoreSchema, type Datastore } from '../domain/schema.js';
import { ImportError } from './import-error.js';
import { describeImport, type ImportSummary } from './import-summary.js';
import { firstPerCell, startRun } from './roster-import-run.js';
import {
  importAssignments,
  importCadres,
  importClasses,
  importContacts,
  importDorms,
  importRules,
  importStudents,
  importTerms,
} from './roster-import-sheets.js';
import { readRows } from './roster-read.js';

export { MAX_FILE_BYTES, MAX_ROWS } from './roster-read.js';
export { ImportError };

export { describeImport, type ImportSummary };

/** The sheets in the order they refer to each other (a 寝室 names its 班级, a 联系记录 its 干部 and 对象). */
const SHEETS = [
  importClasses,
  importDorms,
  importStudents,
  importCadres,
  importTerms,
  importRules,
  importAssignments,
  importContacts,
];

/** The values along `path` from `root` (the table, the record, the field…). */
function recordsOnPath(root: unknown, path: readonly PropertyKey[]): object[] {
  const out: object[] = [];
  let at = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) break;
    at = (at as Record<PropertyKey, unknown>)[key];
    if (typeof at === 'object' && at !== null) out.push(at);
  }
  return out;
}

export interface ImportOptions {
  /** The workbook itself (from standard input), `file` then only its name in messages. */
  bytes?: Buffer | undefined;
  /** The colleges the importing user may change (null or absent: all): her rows change her part of shared records. */
  colleges?: ReadonlySet<string> | null;
}

/** Applies the roster to `data` (mutating it) only if every row of every sheet is valid. */
export async function importRoster(
  data: Datastore,
  file: string,
  ctx: ChangeContext,
  { bytes, colleges = null }: ImportOptions = {},
): Promise<ImportSummary> {
  const errors: string[] = [];
  const run = startRun(data, await readRows(file, errors, bytes), errors, ctx, colleges);
  for (const importSheet of SHEETS) importSheet(run);
  const { next, summary } = run;
  if (errors.length === 0) {
    // A row can break what other records need (an end date moved past a successor's start, a contact left
    // outside its assignment): named at the row that changed them. One not the import's (none of its
    // records from the file) was there before it and refuses it as before.
    for (const p of brokenInvariants(next, buildIndexes(next)))
      errors.push(run.placed(p.text, p.about) ?? `-, -, -: ${p.text}`);
  }
  if (errors.length === 0) {
    // Every field was checked row by row; this is the last guard that nothing unchecked gets in.
    const result = datastoreSchema.safeParse(next);
    if (!result.success) {
      for (const i of result.error.issues.slice(0, 20)) {
        const text = `${i.path.join('.')}：${i.message}`;
        errors.push(run.placed(text, recordsOnPath(next, i.path).filter(run.touched).reverse()) ?? `-, -, -: ${text}`);
      }
    }
  }
  if (errors.length > 0) throw new ImportError(firstPerCell(errors), next, run.misses);
  Object.assign(data, next);
  return summary;
}
