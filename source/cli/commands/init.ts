import type { CommandModule } from 'yargs';
import { todayInShanghai } from '../../domain/dates.js';
import { emptyDatastore } from '../../domain/schema.js';
import { defaultTermsFor } from '../../domain/terms.js';
import { dateArg, openStore, sayNotice, type GlobalArgs } from '../runtime.js';

interface Args extends GlobalArgs {
  school: string;
  'as-of'?: string;
}

export const initCommand: CommandModule<GlobalArgs, Args> = {
  command: 'init',
  describe: '新建数据文件（学校名称与本学年的两个学期）',
  builder: (y) =>
    y
      .option('school', { type: 'string', demandOption: true, describe: '学校名称，如 义乌工商职业技术学院' })
      .option('as-of', { type: 'string', describe: '按此日期确定“本学年”（默认今天）' }),
  handler: async (args) => {
    const store = openStore(args);
    const terms = defaultTermsFor(dateArg(args['as-of'], 'as-of', todayInShanghai()));
    const notice = await store.create(emptyDatastore(args.school.trim(), terms));
    console.log(
      `已创建数据文件 ${store.file}：${args.school.trim()}，学期 ${terms.map((t) => `${t.name}（${t.start} 至 ${t.end}）`).join('、')}`,
    );
    if (notice !== null) sayNotice(notice);
  },
};
