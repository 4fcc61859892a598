// Every command line the fast path (fast-path.ts) does not take: yargs with all the commands, their
// help (--help) and its messages for a mistaken line.
import yargs from 'yargs';
import { UserError } from '../domain/errors.js';
import { assignCommand, endCommand, reassignCommand } from './commands/assign.js';
import { checkCommand } from './commands/check.js';
import { contactsCommand } from './commands/contacts.js';
import { initCommand } from './commands/init.js';
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { exportCommand } from './commands/export.js';
import { exportsCommand } from './commands/exports.js';
import { tuiCommand } from './commands/tui.js';
import { historyCommand, undoCommand } from './commands/journal.js';
import { backupsCommand, restoreCommand } from './commands/backups.js';
import { importCommand, templateCommand } from './commands/roster.js';
import { usersCommand } from './commands/users.js';
import { remindCommand } from './commands/remind.js';
import { webhookCommand } from './commands/webhook.js';
import { DATA_OPTION } from './plain-command.js';

export async function parseWithYargs(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('sanlianxi')
    .locale('zh_CN')
    .usage('党员干部“三联系”管理\n\n用法：$0 [命令] [选项]（不带命令时打开终端界面）')
    .option('data', { ...DATA_OPTION, global: true })
    .command(tuiCommand)
    .command(initCommand)
    .command(checkCommand)
    .command(templateCommand)
    .command(importCommand)
    .command(assignCommand)
    .command(reassignCommand)
    .command(endCommand)
    .command(logCommand)
    .command(contactsCommand)
    .command(overdueCommand)
    .command(remindCommand)
    .command(webhookCommand)
    .command(exportCommand)
    .command(exportsCommand)
    .command(historyCommand)
    .command(undoCommand)
    .command(backupsCommand)
    .command(restoreCommand)
    .command(usersCommand)
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
    // --help and bad arguments return here instead of ending the process.
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new UserError(`${message}（运行 sanlianxi --help 查看用法）`);
    })
    .parseAsync();
}
