import type { CommandModule } from 'yargs';
import { assign, endAssignment, reassign } from '../../domain/assignments.js';
import { addDays } from '../../domain/dates.js';
import { buildIndexes } from '../../domain/indexes.js';
import { cadreName } from '../../domain/labels.js';
import { findCadre, findClass, findDorm, findStudent } from '../../domain/lookup.js';
import { END_REASONS } from '../../domain/schema.js';
import { changeContext, dateArg, oneOf, openStore, splitList, type GlobalArgs } from '../runtime.js';

interface AssignArgs extends GlobalArgs {
  cadre: string;
  class: string;
  dorms?: string;
  students?: string;
  start?: string;
}

export const assignCommand: CommandModule<GlobalArgs, AssignArgs> = {
  command: 'assign',
  describe: '给干部分配联系班级（及寝室、困难生）',
  builder: (y) =>
    y
      .option('cadre', { type: 'string', demandOption: true, describe: '干部姓名或工号' })
      .option('class', { type: 'string', demandOption: true, describe: '班级名称' })
      .option('dorms', { type: 'string', describe: '寝室，楼-号，多个用逗号分隔（默认本班全部寝室）' })
      .option('students', { type: 'string', describe: '困难生学号，多个用逗号分隔' })
      .option('start', { type: 'string', describe: '开始日期（默认今天）' }),
  handler: async (args) => {
    const ctx = changeContext();
    const start = dateArg(args.start, 'start', ctx.today);
    const { result } = await openStore(args).update((data) => {
      const idx = buildIndexes(data);
      const cadre = findCadre(idx, args.cadre);
      const cls = findClass(idx, args.class);
      const dormIds = args.dorms === undefined ? undefined : splitList(args.dorms).map((d) => findDorm(idx, d).id);
      const studentIds = splitList(args.students).map((s) => findStudent(idx, s).id);
      assign(data, { cadreId: cadre.id, classId: cls.id, dormIds, studentIds, start }, ctx, idx);
      return `已分配：${cadreName(idx, cadre)} 自 ${start} 起联系 ${cls.name}`;
    }, { action: 'assign', contacts: 'none' });
    console.log(result);
  },
};

interface ReassignArgs extends GlobalArgs {
  class: string;
  to: string;
  date: string;
  reason: string;
}

export const reassignCommand: CommandModule<GlobalArgs, ReassignArgs> = {
  command: 'reassign',
  describe: '把班级（连同寝室、困难生）移交给另一位干部',
  builder: (y) =>
    y
      .option('class', { type: 'string', demandOption: true, describe: '班级名称' })
      .option('to', { type: 'string', demandOption: true, describe: '接手干部的姓名或工号' })
      .option('date', { type: 'string', demandOption: true, describe: '接手日期（原分配在前一天结束）' })
      .option('reason', { type: 'string', demandOption: true, describe: '原因：离职、长期请假 或 调整' }),
  handler: async (args) => {
    const ctx = changeContext();
    const date = dateArg(args.date, 'date');
    const reason = oneOf(args.reason, ['离职', '长期请假', '调整'] as const, 'reason');
    const { result } = await openStore(args).update((data) => {
      const idx = buildIndexes(data);
      const cls = findClass(idx, args.class);
      const to = findCadre(idx, args.to);
      const { ended } = reassign(data, { classId: cls.id, toCadreId: to.id, date, reason }, ctx, idx);
      const from = idx.cadreById.get(ended.cadreId);
      return `已移交：${cls.name} 由 ${from ? cadreName(idx, from) : ''}（至 ${addDays(date, -1)}，${reason}）改为 ${cadreName(idx, to)}（自 ${date} 起）`;
    }, { action: 'reassign', contacts: date });
    console.log(result);
  },
};

interface EndArgs extends GlobalArgs {
  cadre: string;
  date: string;
  reason: string;
}

export const endCommand: CommandModule<GlobalArgs, EndArgs> = {
  command: 'end',
  describe: '结束干部的联系分配（该日为最后一天）',
  builder: (y) =>
    y
      .option('cadre', { type: 'string', demandOption: true, describe: '干部姓名或工号' })
      .option('date', { type: 'string', demandOption: true, describe: '最后一天' })
      .option('reason', { type: 'string', demandOption: true, describe: `原因：${END_REASONS.join('、')}` }),
  handler: async (args) => {
    const date = dateArg(args.date, 'date');
    const reason = oneOf(args.reason, END_REASONS, 'reason');
    const { result } = await openStore(args).update((data) => {
      const idx = buildIndexes(data);
      const cadre = findCadre(idx, args.cadre);
      const ended = endAssignment(data, { cadreId: cadre.id, date, reason }, idx);
      return `已结束：${cadreName(idx, cadre)} 联系 ${idx.classById.get(ended.classId)?.name ?? ''} 至 ${date}（${reason}）`;
    }, { action: 'end', contacts: date });
    console.log(result);
  },
};
