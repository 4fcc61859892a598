// `year start 2027-2028`: the academic year's two terms, and the graduated classes' assignments ended
// on their 毕业日期 (one journal entry, `undo` takes it back); then what the pairing screen will pair.
import type { CommandModule } from 'yargs';
import { todayInShanghai } from '../../domain/dates.js';
import { buildIndexes } from '../../domain/indexes.js';
import { cadreName, collegeName } from '../../domain/labels.js';
import { pairingGroups, pairingStart } from '../../domain/new-year.js';
import { startYearOperation } from '../../operations/new-year.js';
import { operations, type GlobalArgs } from '../runtime.js';

interface StartArgs extends GlobalArgs {
  year: string;
  'first-start'?: string;
  'first-end'?: string;
  'second-start'?: string;
  'second-end'?: string;
}

const start: CommandModule<GlobalArgs, StartArgs> = {
  command: 'start <year>',
  describe: '开始新学年：添加两个学期，以“班级毕业”结束已毕业班级的联系分配',
  builder: (y) =>
    y
      .positional('year', { type: 'string', demandOption: true, describe: '学年，如 2027-2028' })
      .option('first-start', { type: 'string', describe: '第一学期开始日期（默认 9 月 1 日）' })
      .option('first-end', { type: 'string', describe: '第一学期结束日期（默认次年 1 月 20 日）' })
      .option('second-start', { type: 'string', describe: '第二学期开始日期（默认 2 月 20 日）' })
      .option('second-end', { type: 'string', describe: '第二学期结束日期（默认 7 月 10 日）' }) as never,
  handler: async (args) => {
    const runner = operations(args);
    const done = await runner.run(startYearOperation, {
      year: String(args.year),
      firstStart: args['first-start'],
      firstEnd: args['first-end'],
      secondStart: args['second-start'],
      secondEnd: args['second-end'],
    });
    const lines = [done.message, ...done.result.lines.map((l) => `  ${l}`)];
    const idx = buildIndexes(done.data);
    const from = pairingStart(done.result.terms[0].start, todayInShanghai());
    const groups = pairingGroups(done.data, idx, from);
    if (groups.length === 0) lines.push(`${from} 起没有待配对的班级`);
    else lines.push(`${from} 起待配对（在终端界面的“网格”中按 p 配对）：`);
    for (const g of groups) {
      lines.push(
        `  ${collegeName(idx, g.collegeId)}：班级 ${g.classes.map((c) => c.name).join('、')}；空闲干部 ${g.cadres.map((c) => cadreName(idx, c)).join('、') || '无'}`,
      );
    }
    console.log(lines.join('\n'));
  },
};

export const yearCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'year',
  describe: '学年：start（新学年的学期与毕业班级的分配）',
  builder: (y) => y.command(start).demandCommand(1, '请指定：start'),
  handler: () => undefined,
};
