// `import FILE.xlsx`: the whole roster or nothing. Every bad row is listed as `sheet, row, column: reason`.
// The jobs, each in its own file: reading the workbook into rows (roster-read), the run's state and
// cell checks (roster-import-run), each sheet into the datastore (roster-import-sheets).
import type { ChangeContext } from '../domain/context.js';
import { buildIndexes } from '../domain/indexes.js';
import { datastoreProblems } from '../domain/invariants.js';
import { datastoreSchema, type Datastore } from '../domain/schema.js';
import { ImportError } from './import-error.js';
import { describeImport, type ImportSummary } from './import-summary.js';
import { firstPerCell, startRun } from './roster-import-run.js';
import {
  importAssignments, importCadres, importClasses, importContacts, importDorms, importRules, importStudents, importTerms,
} from './roster-import-sheets.js';
import { readRows } from './roster-read.js';

export { MAX_FILE_BYTES, MAX_ROWS } from './roster-read.js';
export { ImportError };

/** By sheet: rows that added a record, changed one, or matched one field for field. */
export { describeImport, type ImportSummary };

/** The sheets in the order they refer to each other (a 寝室 names its 班级, a 联系记录 its 干部 and 对象). */
const SHEETS = [importClasses, importDorms, importStudents, importCadres, importTerms, importRules, importAssignments, importContacts];

/**
 * Applies the roster to `data` (mutating it) only if every row of every sheet is valid. `bytes`: the
 * workbook itself (from standard input), `file` then only its name in messages.
 */
export async function importRoster(data: Datastore, file: string, ctx: ChangeContext, bytes?: Buffer): Promise<ImportSummary> {
  const errors: string[] = [];
  const run = startRun(data, await readRows(file, errors, bytes), errors, ctx);
  for (const importSheet of SHEETS) importSheet(run);
  const { next, summary } = run;
  if (errors.length === 0) {
    for (const p of datastoreProblems(next, buildIndexes(next))) errors.push(`-, -, -: ${p}`);
  }
  if (errors.length === 0) {
    // Every field was checked row by row; this is the last guard that nothing unchecked gets in.
    const result = datastoreSchema.safeParse(next);
    if (!result.success) for (const i of result.error.issues.slice(0, 20)) errors.push(`-, -, -: ${i.path.join('.')}：${i.message}`);
  }
  if (errors.length > 0) throw new ImportError(firstPerCell(errors), next);
  Object.assign(data, next);
  return summary;
}
