import { reportingTerm } from '../../domain/terms.js';
import { buildIndexes, type Indexes } from '../../domain/indexes.js';
import { cadreName } from '../../domain/labels.js';
import { findCadre, findCollege } from '../../domain/lookup.js';
import { overdueReport, type OverdueReport, type OverdueRow } from '../../domain/overdue.js';
import { overdueCountFromDigest, overdueFromDigest } from '../../domain/overdue-digest.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import { dateArg, oneOf, openStore, outputColumns, type GlobalArgs } from '../runtime.js';
import { renderTable, type TableFit } from '../text-table.js';
import { plainCommand } from '../plain-command.js';
import { EXIT_ROWS_FOUND, OVERDUE_LINE } from './overdue-line.js';
import { safeJson, safeText } from '../../domain/safe-text.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
  college?: string;
  cadre?: string;
  status?: string;
  json?: boolean;
  count?: boolean;
  'exit-code'?: boolean;
}

const STATUS_BY_WORD: Record<string, 'overdue' | 'due'> = { 逾期: 'overdue', 待完成: 'due' };
/** Below this many columns the 学院 column is left out and 状态 and 天数 share one. */
const WIDE = 80;

export const overdueCommand = plainCommand<Args>({
  ...OVERDUE_LINE,
  handler: async (args) => {
    const asOf = dateArg(args['as-of'], 'as-of');
    const status =
      args.status === undefined
        ? undefined
        : (STATUS_BY_WORD[args.status] ?? oneOf(args.status, ['overdue', 'due'] as const, 'status'));
    const store = openStore(args);
    // The term's digest answers all but --cadre (finding a cadre by name needs the whole roster).
    const digest = args.cadre === undefined ? await store.overdueDigest(asOf) : null;
    let report: OverdueReport;
    let labelOf: CadreLabel;
    if (digest) {
      const collegeId = args.college
        ? findCollege({ collegeByName: new Map(digest.colleges.map((c) => [c.name, c])) }, args.college).id
        : undefined;
      if (args.count) {
        const count = overdueCountFromDigest(digest, asOf, { collegeId, status });
        if (args['exit-code'] && count > 0) process.exitCode = EXIT_ROWS_FOUND;
        console.log(String(count));
        return;
      }
      report = overdueFromDigest(digest, asOf, { collegeId, status });
      labelOf = (id) => digest.cadres[id]?.label;
    } else {
      const data = await store.load((main) => reportingTerm(main.settings.terms, asOf)?.start ?? 'none');
      const idx = buildIndexes(data);
      const college = args.college;
      const collegeId = college ? (await store.find(() => findCollege(idx, college))).id : undefined;
      const cadre = args.cadre;
      const cadreId = cadre ? (await store.find(() => findCadre(idx, cadre))).id : undefined;
      report = overdueReport(data, idx, asOf, { collegeId, cadreId, status });
      labelOf = cadreLabels(idx);
    }
    if (args['exit-code'] && report.rows.length > 0) process.exitCode = EXIT_ROWS_FOUND;
    if (args.count) {
      console.log(String(report.rows.length));
      return;
    }
    if (args.json) {
      console.log(safeJson(report.rows));
      return;
    }
    console.log(await overdueText(labelOf, report, outputColumns()));
  },
});

/** A cadre's name as a table shows it (with the 工号 when a namesake exists); undefined: unknown id. */
export type CadreLabel = (cadreId: string) => string | undefined;

export function cadreLabels(idx: Indexes): CadreLabel {
  return (id) => {
    const c = idx.cadreById.get(id);
    return c ? cadreName(idx, c) : undefined;
  };
}

/** The report as plain text no wider than `columns`: a heading, then the rows as a table. */
export async function overdueText(labelOf: CadreLabel, report: OverdueReport, columns: number): Promise<string> {
  if (!report.term) return `${report.asOf} 之前没有已配置的学期，无需联系`;
  const overdue = report.rows.filter((r) => r.status === 'overdue').length;
  const when = `${safeText(report.term.name)}，截至 ${report.asOf}`;
  const counts = `逾期 ${overdue} 项，待完成 ${report.rows.length - overdue} 项`;
  const { default: stringWidth } = await import('string-width');
  const heading = stringWidth(`${when}：${counts}`) <= columns ? `${when}：${counts}` : `${when}\n${counts}`;
  return report.rows.length === 0 ? heading : `${heading}\n${await overdueTable(labelOf, report.rows, columns)}`;
}

/** The rows as a table that fits `columns`: long names, 学院 and 对象 are cut with an ellipsis. */
function overdueTable(labelOf: CadreLabel, rows: OverdueRow[], columns: number): Promise<string> {
  // The term is named above the table, so a window's dates need no year.
  const window = (r: OverdueRow) => `${r.windowStart.slice(5)}~${r.windowEnd.slice(5)}`;
  const cadre = (r: OverdueRow) => labelOf(r.cadreId) ?? r.cadre;
  if (columns >= WIDE) {
    const fit: TableFit = { width: columns, shrink: { 2: 6, 3: 4, 5: 8 } };
    return renderTable(
      ['状态', '天数', '干部', '学院', '类型', '对象', '窗口'],
      rows.map((r) => [
        r.status === 'overdue' ? '逾期' : '待完成',
        r.status === 'overdue' ? `${r.days}天` : `剩${r.days}天`,
        cadre(r),
        r.college,
        DUTY_LABELS[r.duty],
        r.target,
        window(r),
      ]),
      fit,
    );
  }
  return renderTable(
    ['状态', '干部', '类型', '对象', '窗口'],
    rows.map((r) => [
      r.status === 'overdue' ? `逾期${r.days}天` : `剩${r.days}天`,
      cadre(r),
      DUTY_LABELS[r.duty],
      r.target,
      window(r),
    ]),
    { width: columns, shrink: { 1: 6, 3: 6 } },
  );
}
