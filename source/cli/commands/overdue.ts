import type { CommandModule } from 'yargs';
import { reportingTerm } from '../../domain/terms.js';
import { buildIndexes } from '../../domain/indexes.js';
import { findCollege } from '../../domain/lookup.js';
import { overdueReport } from '../../domain/overdue.js';
import { DUTY_LABELS } from '../../domain/schema.js';
import { dateArg, openStore, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
  college?: string;
  json?: boolean;
}

export const overdueCommand: CommandModule<GlobalArgs, Args> = {
  command: 'overdue',
  describe: '逾期与待完成的联系（按学期、月份窗口）',
  builder: (y) =>
    y
      .option('as-of', { type: 'string', describe: '按此日期计算（默认今天）' })
      .option('college', { type: 'string', describe: '只看该学院' })
      .option('json', { type: 'boolean', default: false, describe: '输出 JSON' }),
  handler: async (args) => {
    const asOf = dateArg(args['as-of'], 'as-of');
    const data = await openStore(args).load((main) => reportingTerm(main.settings.terms, asOf)?.start ?? 'none');
    const idx = buildIndexes(data);
    const collegeId = args.college ? findCollege(idx, args.college).id : undefined;
    const report = overdueReport(data, idx, asOf, { collegeId });
    if (args.json) {
      console.log(JSON.stringify(report.rows, null, 2));
      return;
    }
    if (!report.term) {
      console.log(`${asOf} 之前没有已配置的学期，无需联系`);
      return;
    }
    const overdue = report.rows.filter((r) => r.status === 'overdue').length;
    console.log(`${report.term.name}，截至 ${asOf}：逾期 ${overdue} 项，待完成 ${report.rows.length - overdue} 项`);
    if (report.rows.length === 0) return;
    console.log(
      await renderTable(
        ['状态', '天数', '干部', '学院', '类型', '对象', '窗口'],
        report.rows.map((r) => [
          r.status === 'overdue' ? '逾期' : '待完成',
          r.status === 'overdue' ? `逾期${r.days}天` : `剩${r.days}天`,
          r.cadre,
          r.college,
          DUTY_LABELS[r.duty],
          r.target,
          `${r.windowStart}~${r.windowEnd}`,
        ]),
      ),
    );
  },
};
