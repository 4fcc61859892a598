import type { CommandModule } from 'yargs';
import { END_REASONS, TRANSFER_REASONS } from '../../domain/vocabulary.js';
import { assignOperation, endOperation, reassignOperation } from '../../operations/assignments.js';
import { splitList } from '../../domain/vocabulary.js';
import { operations, type GlobalArgs } from '../runtime.js';

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
    const input = {
      cadre: args.cadre,
      class: args.class,
      dorms: args.dorms === undefined ? undefined : splitList(args.dorms),
      students: splitList(args.students ?? ''),
      start: args.start,
    };
    console.log((await operations(args).run(assignOperation, input)).message);
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
      .option('reason', { type: 'string', demandOption: true, describe: `原因：${TRANSFER_REASONS.join('、')}` }),
  handler: async (args) => {
    const input = { class: args.class, to: args.to, date: args.date, reason: args.reason };
    console.log((await operations(args).run(reassignOperation, input)).message);
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
    const input = { cadre: args.cadre, date: args.date, reason: args.reason };
    console.log((await operations(args).run(endOperation, input)).message);
  },
};
