// The exports, one function each, called by the `export` command and by the terminal UI.
import type { IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Indexes } from '../domain/indexes.js';
import { assessTerm } from '../domain/assessment.js';
import { cadreLabel } from '../domain/labels.js';
import type { Cadre, Datastore, Term } from '../domain/schema.js';
import { buildForm1 } from './form1-registration.js';
import { buildForm2 } from './form2-summary.js';
import { form1Entries } from './form-data.js';
import { buildAssessment } from './report-assessment.js';
import { saveWorkbook } from './xlsx-write.js';

export interface ExportOptions {
  out: string;
  asOf: IsoDate;
  force?: boolean;
  collegeId?: string;
  cadreId?: string;
}

export interface Form1Result {
  sheets: number;
  /** Cadres exported without an active assignment on the as-of date: their class part is empty. */
  unassigned: Cadre[];
}

/**
 * 附件1 for every 在岗 cadre (of a college), assigned or not, or for one cadre. One cadre who is not
 * 在岗 and holds no assignment is refused: the document asks a form of the cadres who do the duties.
 */
export async function exportForm1(data: Datastore, idx: Indexes, o: ExportOptions): Promise<Form1Result> {
  const cadre = o.cadreId ? idx.cadreById.get(o.cadreId) : undefined;
  const entries = form1Entries(data, idx, o.asOf, { collegeId: o.collegeId, cadres: cadre ? [cadre] : undefined });
  if (cadre && entries.length === 1 && entries[0]!.assignment === null && cadre.status !== '在岗') {
    throw new UserError(
      `${cadreLabel(cadre)} 的状态为“${cadre.status}”，${o.asOf} 没有联系分配：不填写登记表，未导出（如已返岗，请先把状态改为在岗）`,
    );
  }
  if (entries.length === 0) {
    throw new UserError(
      cadre ? `${cadreLabel(cadre)} 不属于所选学院，未导出` : `${o.asOf} 没有符合条件的在岗干部，未导出`,
    );
  }
  await saveWorkbook(buildForm1(entries, o.asOf), o.out, o.force);
  return { sheets: entries.length, unassigned: entries.filter((e) => e.assignment === null).map((e) => e.cadre) };
}

/** 附件2 for the whole school or one college. Returns the count of cadres listed (序号; a row per 困难生). */
export async function exportForm2(data: Datastore, idx: Indexes, o: ExportOptions): Promise<number> {
  const { workbook, cadres } = buildForm2(data, idx, o.asOf, o.collegeId);
  await saveWorkbook(workbook, o.out, o.force);
  return cadres;
}

/** 评议考核 for one term, as of `o.asOf`. Returns the cadre count. */
export async function exportAssessment(data: Datastore, idx: Indexes, term: Term, o: ExportOptions): Promise<number> {
  const assessment = assessTerm(data, idx, term, o.asOf, o.collegeId);
  const scope = o.collegeId ? (idx.collegeById.get(o.collegeId)?.name ?? '') : '全校';
  await saveWorkbook(buildAssessment(data.settings.schoolName, assessment, scope), o.out, o.force);
  return assessment.rows.length;
}
