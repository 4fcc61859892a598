// `webhook set|list|remove` (issue 25): one group robot per college. The address is a secret: shown
// masked by every command and message, stored in the datastore's private files.
import type { CommandModule } from 'yargs';
import { maskUrl, robotsOf } from '../../domain/robots.js';
import { removeWebhookOperation, setWebhookOperation } from '../../operations/webhooks.js';
import { openStore, operations, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';

interface SetArgs extends GlobalArgs {
  college: string;
  url: string;
  secret?: string;
}

const set: CommandModule<GlobalArgs, SetArgs> = {
  command: 'set <college> <url>',
  describe: '设置学院的群机器人地址（企业微信或钉钉，https://…）',
  builder: (y) =>
    y
      .positional('college', { type: 'string', demandOption: true, describe: '学院名称' })
      .positional('url', { type: 'string', demandOption: true, describe: '机器人的 Webhook 地址' })
      .option('secret', { type: 'string', describe: '钉钉机器人“加签”的密钥（SEC…）' }) as never,
  handler: async (args) =>
    console.log(
      (
        await operations(args).run(setWebhookOperation, {
          college: String(args.college),
          url: String(args.url),
          secret: args.secret ?? null,
        })
      ).message,
    ),
};

const remove: CommandModule<GlobalArgs, { college: string } & GlobalArgs> = {
  command: 'remove <college>',
  describe: '删除学院的群机器人',
  builder: (y) => y.positional('college', { type: 'string', demandOption: true }) as never,
  handler: async (args) =>
    console.log((await operations(args).run(removeWebhookOperation, { college: String(args.college) })).message),
};

const list: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: '列出各学院的群机器人（地址只显示开头和末 4 位）',
  handler: async (args) => {
    const data = await openStore(args).load('none');
    const robots = robotsOf(data.settings);
    const rows = data.colleges.map((c) => {
      const r = robots[c.id];
      const last = r?.sent.at(-1);
      return [c.name, r ? maskUrl(r.url) : '未设置', r ? (r.secret === null ? '否' : '是') : '', last ? last.date : ''];
    });
    if (rows.length === 0) {
      console.log('还没有学院');
      return;
    }
    console.log(await renderTable(['学院', '群机器人', '加签', '最近催办'], rows));
  },
};

export const webhookCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'webhook',
  describe: '群机器人：set、list、remove（每个学院一个企业微信或钉钉群机器人，用于 remind --send）',
  builder: (y) => y.command(set).command(list).command(remove).demandCommand(1, '请指定：set、list 或 remove'),
  handler: () => undefined,
};
