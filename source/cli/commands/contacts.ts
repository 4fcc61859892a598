import type { CommandModule } from 'yargs';
import { contactHistory } from '../../domain/contacts.js';
import { buildIndexes } from '../../domain/indexes.js';
import { cadreName, targetLabel } from '../../domain/labels.js';
import { findCadre, findCollege } from '../../domain/lookup.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import { dateArg, openStore, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';
import { safeJson } from '../../domain/safe-text.js';

interface Args extends GlobalArgs {
  cadre?: string;
  college?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export const contactsCommand: CommandModule<GlobalArgs, Args> = {
  command: 'contacts',
  describe: '联系记录（最新的在前）',
  builder: (y) =>
    y
      .option('cadre', { type: 'string', describe: '只看该干部（姓名或工号）' })
      .option('college', { type: 'string', describe: '只看该学院' })
      .option('from', { type: 'string', describe: '起始日期' })
      .option('to', { type: 'string', describe: '截止日期' })
      .option('json', { type: 'boolean', default: false, describe: '输出 JSON' }),
  handler: async (args) => {
    const store = openStore(args);
    const data = await store.load(args.from ? dateArg(args.from, 'from') : 'all');
    const idx = buildIndexes(data);
    const { cadre, college } = args;
    const list = contactHistory(data, idx, {
      cadreId: cadre ? (await store.find(() => findCadre(idx, cadre))).id : undefined,
      collegeId: college ? (await store.find(() => findCollege(idx, college))).id : undefined,
      from: args.from ? dateArg(args.from, 'from') : undefined,
      to: args.to ? dateArg(args.to, 'to') : undefined,
    });
    const rows = list.map((c) => ({
      cadre: idx.cadreById.get(c.cadreId)?.name ?? c.cadreId,
      cadreId: c.cadreId,
      employeeNo: idx.cadreById.get(c.cadreId)?.employeeNo ?? null,
      type: DUTY_LABELS[c.duty],
      target: targetLabel(idx, c.duty, c.targetId),
      date: c.date,
      form: c.form,
      note: c.note,
    }));
    if (args.json) {
      console.log(safeJson(rows));
      return;
    }
    // 工号 beside the name of a namesake; each cadre's label worked out once, not once a row.
    const labels = new Map<string, string>();
    const shownCadre = (id: string, name: string) => {
      let label = labels.get(id);
      if (label === undefined) {
        const cadre = idx.cadreById.get(id);
        labels.set(id, (label = cadre ? cadreName(idx, cadre) : name));
      }
      return label;
    };
    if (rows.length === 0) {
      console.log('没有符合条件的联系记录');
      return;
    }
    console.log(
      await renderTable(
        ['日期', '干部', '类型', '对象', '形式', '备注'],
        rows.map((r) => [r.date, shownCadre(r.cadreId, r.cadre), r.type, r.target, r.form, r.note]),
      ),
    );
    console.log(`共 ${rows.length} 条`);
  },
};
