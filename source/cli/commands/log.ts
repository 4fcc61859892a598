import { UserError } from '../../domain/errors.js';
import { DuplicateContactError, logContactOperation } from '../../operations/log-contact.js';
import { plainCommand } from '../plain-command.js';
import { LOG_LINE } from './log-line.js';
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
  ...LOG_LINE,
  handler: async (args) => {
    const run = operations(args, dateArg(args['as-of'], 'as-of'));
    const input = {
      cadre: args.cadre,
      duty: args.type,
      target: args.target,
      date: args.date,
      form: args.form,
      note: args.note,
      again: args.again === true,
    };
    try {
      console.log((await run.run(logContactOperation, input)).message);
    } catch (error) {
      if (error instanceof DuplicateContactError) throw new UserError(`${error.message}：确要再记一条请加 --again`);
      throw error;
    }
  },
});
