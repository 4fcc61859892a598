// The exports, one function each, called by the `export` command and by the terminal UI.
import type { IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Indexes } from '../domain/indexes.js';
import { assessTerm } from '../domain/assessment.js';
import type { Datastore, Term } from '../domain/schema.js';
import { isActiveOn } from '../domain/windows.js';
import { buildForm1 } from './form1-registration.js';
import { buildForm2 } from './form2-summary.js';
import { buildAssessment } from './report-assessment.js';
import { saveWorkbook } from './xlsx-write.js';

export interface ExportOptions {
  out: string;
  asOf: IsoDate;
  force?: boolean;
  collegeId?: string;
  cadreId?: string;
}

/** 附件1 for one cadre, or for every cadre with an active assignment (of a college). Returns the sheet count. */
export async function exportForm1(data: Datastore, idx: Indexes, o: ExportOptions): Promise<number> {
  const cadres = data.cadres.filter((c) =>
    o.cadreId
      ? c.id === o.cadreId
      : (idx.assignmentsByCadre.get(c.id) ?? []).some((a) => {
          const cls = idx.classById.get(a.classId);
          return isActiveOn(a, cls, o.asOf) && (!o.collegeId || cls?.collegeId === o.collegeId);
        }),
  );
  if (cadres.length === 0) throw new UserError(`${o.asOf} 没有符合条件的在联干部，未导出`);
  await saveWorkbook(buildForm1(idx, cadres, o.asOf), o.out, o.force);
  return cadres.length;
}

/** 附件2 for the whole school or one college. Returns the row count. */
export async function exportForm2(data: Datastore, idx: Indexes, o: ExportOptions): Promise<number> {
  const workbook = buildForm2(data, idx, o.asOf, o.collegeId);
  await saveWorkbook(workbook, o.out, o.force);
  return Math.max(0, workbook.getWorksheet('附件2')!.rowCount - 2);
}

/** 评议考核 for one term. Returns the cadre count. */
export async function exportAssessment(data: Datastore, idx: Indexes, term: Term, o: ExportOptions): Promise<number> {
  const rows = assessTerm(data, idx, term, o.asOf, o.collegeId);
  await saveWorkbook(buildAssessment(term, rows), o.out, o.force);
  return rows.length;
}
