import { CONTACT_FORMS } from '../../domain/vocabulary.js';
import { UserError } from '../../domain/errors.js';
import { DuplicateContactError, logContactOperation } from '../../operations/log-contact.js';
import { plainCommand } from '../plain-command.js';
import { dateArg, operations, type GlobalArgs } from '../runtime.js';

interface Args extends GlobalArgs {
  cadre: string;
  type: string;
  target: string;
  date?: string;
  form?: string;
  note?: string;
  again?: boolean;
  'as-of'?: string;
}

export const logCommand = plainCommand<Args>({
  command: 'log',
  describe: '记录一次联系（班级、寝室或困难生）',
  options: {
    cadre: { type: 'string', demandOption: true, describe: '干部姓名或工号' },
    type: { type: 'string', demandOption: true, describe: '类型：班级、寝室 或 困难生' },
    target: { type: 'string', demandOption: true, describe: '对象：班级名称、寝室楼-寝室号 或 学号' },
    date: { type: 'string', describe: '联系日期（默认今天；也可写 昨天、-3、11-20）' },
    form: { type: 'string', describe: `形式：${CONTACT_FORMS.join('、')}` },
    note: { type: 'string', describe: '备注' },
    again: { type: 'boolean', describe: '同一干部、对象、日期已有记录时仍再记一条' },
    'as-of': { type: 'string', describe: '把此日期当作“今天”' },
  },
  handler: async (args) => {
    const run = operations(args, dateArg(args['as-of'], 'as-of'));
    const input = { cadre: args.cadre, duty: args.type, target: args.target, date: args.date, form: args.form, note: args.note, again: args.again === true };
    try {
      console.log((await run.run(logContactOperation, input)).message);
    } catch (error) {
      if (error instanceof DuplicateContactError) throw new UserError(`${error.message}：确要再记一条请加 --again`);
      throw error;
    }
  },
});
