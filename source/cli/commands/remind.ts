// `remind` (催办, issue 25): each college's late cadres as the message she pastes into the group, or with
// --send posts to the college's robot. A college whose robot refuses is one line on stderr; the others
// are still sent; exit 0 only when every college's message was accepted. What a robot accepted is
// recorded, message by message, so the same `remind --send` again (a cron job run twice, or two at
// once: send-lock.ts) sends nothing new, and after a failure only what was not delivered.
import type { CommandModule } from 'yargs';
import { buildIndexes } from '../../domain/indexes.js';
import { findCadre, findCollege } from '../../domain/lookup.js';
import { reminderMessages } from '../../domain/remind-message.js';
import { reminders } from '../../domain/remind.js';
import { maskUrl, robotsOf } from '../../domain/robots.js';
import { UserError } from '../../domain/errors.js';
import { safeJson, safeLines } from '../../domain/safe-text.js';
import { todayInShanghai } from '../../domain/dates.js';
import { reportingTerm } from '../../domain/terms.js';
import { RobotSender } from '../../io/robot-send.js';
import { withSendLock, type SendLock } from '../../io/send-lock.js';
import { messageNumbers, sendCollege, type CollegeSent } from '../../operations/remind-send.js';
import { remindSentOperation } from '../../operations/webhooks.js';
import { dateArg, openStore, operations, type GlobalArgs } from '../runtime.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
  college?: string;
  cadre?: string;
  soon?: number;
  json?: boolean;
  send?: boolean;
  again?: boolean;
}

type Outcome = 'sent' | 'already' | 'failed' | 'no-robot' | 'nothing';

/** A college's send as the output says it: a note on stdout, or its failure on stderr. */
function sendSaid(
  college: string,
  total: number,
  robot: string,
  r: CollegeSent,
): { outcome: Outcome; note: string; failure: string | null } {
  if (r.failure) {
    const done = [...r.before.map((b) => b.n), ...r.delivered].sort((a, b) => a - b);
    const what = r.failure.n === 1 ? '催办未发出' : `催办${messageNumbers([r.failure.n])}（共 ${total} 条）起未发出`;
    const rest = done.length > 0 ? `；${messageNumbers(done)}已送达，下次只发未送达的` : '';
    return { outcome: 'failed', note: '', failure: `${college}：${what}，${r.failure.reason}（${robot}）${rest}` };
  }
  if (r.delivered.length === 0)
    return {
      outcome: 'already',
      note: `${college}：这份催办已于 ${r.before.at(-1)!.date} 发送过，未重复发送（重发请加 --again）`,
      failure: null,
    };
  const dates = [...new Set(r.before.map((b) => b.date))];
  const earlier = dates
    .map((date) => `${messageNumbers(r.before.filter((b) => b.date === date).map((b) => b.n))}已于 ${date} 发送过`)
    .join('，');
  return {
    outcome: 'sent',
    note: `${college}：已发送到群机器人（${r.delivered.length} 条消息${earlier ? `；${earlier}，未重复发送` : ''}）`,
    failure: null,
  };
}

export const remindCommand: CommandModule<GlobalArgs, Args> = {
  command: 'remind',
  describe: '催办：各学院逾期未联系的干部，整理成可贴到群里的消息；--send 发到学院的群机器人',
  builder: (y) =>
    y
      .option('as-of', { type: 'string', describe: '截至日期（默认今天）' })
      .option('college', { type: 'string', describe: '只看这个学院' })
      .option('cadre', { type: 'string', describe: '只看这位干部（姓名或工号）' })
      .option('soon', { type: 'number', describe: '也列出 N 天内到期的联系任务' })
      .option('json', { type: 'boolean', describe: '输出 JSON' })
      .option('send', { type: 'boolean', describe: '发到各学院的群机器人（sanlianxi webhook set 设置）' })
      .option('again', { type: 'boolean', describe: '与 --send 同用：已发送过的催办也重发' })
      .epilog('每月 25 日由 cron 运行 sanlianxi remind --send --soon 6：同一份催办不会发两次') as never,
  handler: async (args) => {
    const asOf = dateArg(args['as-of'], 'as-of');
    const soon = args.soon;
    if (soon !== undefined && (!Number.isInteger(soon) || soon < 0 || soon > 366))
      throw new UserError('--soon 应为 0 到 366 之间的整数天数');
    if (args.again && !args.send) throw new UserError('--again 只能与 --send 同用');
    const store = openStore(args);
    if (args.send && (await store.actor())?.role === 'viewer')
      throw new UserError('只读用户只能查看催办，不能发送：请去掉 --send');
    const today = todayInShanghai();
    const runner = operations(args, today);
    const sender = new RobotSender();
    const failed: string[] = [];
    const prepare = async (lock: SendLock | null) => {
      const data = await store.load((main) => reportingTerm(main.settings.terms, asOf)?.start ?? 'none');
      const idx = buildIndexes(data);
      const { college, cadre } = args;
      const collegeId = college ? (await store.find(() => findCollege(idx, college))).id : undefined;
      const cadreId = cadre ? (await store.find(() => findCadre(idx, cadre))).id : undefined;
      const report = reminders(data, idx, asOf, { collegeId, cadreId, soon });
      const robots = robotsOf(data.settings);
      const colleges = [];
      for (const college of report.colleges) {
        const messages = reminderMessages(report, college, soon !== undefined);
        const robot = robots[college.collegeId];
        let outcome: Outcome | null = null;
        let note = '';
        if (lock) {
          if (messages.length === 0) {
            outcome = 'nothing';
            note = `${college.college}：没有需要催办的干部`;
          } else if (!robot) {
            outcome = 'no-robot';
            note = `${college.college}：未设置群机器人，未发送（用 sanlianxi webhook set ${college.college} 地址 设置）`;
          } else {
            // Recorded as each college is done: a run that fails or is killed later sends these not again.
            const record = (hashes: string[]) =>
              runner.run(remindSentOperation, {
                date: today,
                sent: hashes.map((hash) => ({ collegeId: college.collegeId, hash })),
              });
            const r = await sendCollege(sender, lock, robot, messages, Boolean(args.again), record);
            const said = sendSaid(college.college, messages.length, maskUrl(robot.url), r);
            outcome = said.outcome;
            note = said.note;
            if (said.failure) failed.push(said.failure);
          }
        }
        colleges.push({ college, messages, robot: robot ? maskUrl(robot.url) : null, outcome, note });
      }
      return { report, colleges };
    };
    const { report, colleges } = args.send ? await withSendLock(store.layout.main, true, prepare) : await prepare(null);
    if (args.json) {
      console.log(
        safeJson({
          term: report.term?.name ?? null,
          asOf,
          colleges: colleges.map((c) => ({
            college: c.college.college,
            robot: c.robot,
            cadres: c.college.cadres.map(({ cadreId: _id, ...rest }) => rest),
            messages: c.messages,
            ...(c.outcome === null ? {} : { sent: c.outcome }),
          })),
        }),
      );
    } else if (!report.term) {
      console.log(`${asOf} 之前没有已配置的学期，无需催办`);
    } else {
      // Names in a message are sent as they are (robot-send.ts); a terminal gets them neutralised.
      for (const c of colleges) {
        if (args.send) {
          if (c.note) console.log(safeLines(c.note));
          continue;
        }
        if (c.messages.length === 0) {
          console.log(safeLines(`—— ${c.college.college}：没有需要催办的干部\n`));
          continue;
        }
        console.log(safeLines(`—— ${c.college.college}（群机器人：${c.robot ?? '未设置'}）`));
        console.log(safeLines(`${c.messages.join('\n\n')}\n`));
      }
    }
    for (const line of failed) process.stderr.write(`${safeLines(line)}\n`);
    if (failed.length > 0) process.exitCode = 1;
  },
};
