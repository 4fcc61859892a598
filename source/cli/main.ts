#!/usr/bin/env node
// sanlianxi: with no command, the terminal UI; otherwise one command for scripts and SSH.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isUserError } from '../domain/errors.js';
import { assignCommand, endCommand, reassignCommand } from './commands/assign.js';
import { checkCommand } from './commands/check.js';
import { contactsCommand } from './commands/contacts.js';
import { initCommand } from './commands/init.js';
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { exportCommand } from './commands/export.js';
import { tuiCommand } from './commands/tui.js';
import { historyCommand, undoCommand } from './commands/journal.js';
import { backupsCommand, restoreCommand } from './commands/backups.js';
import { importCommand, templateCommand } from './commands/roster.js';
import { safeText } from '../domain/safe-text.js';

/** A user error: its lines (an import lists one bad row a line), each neutralised, then exit 1. */
function fail(message: string): never {
  process.stderr.write(`${message.split('\n').map(safeText).join('\n')}\n`);
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('sanlianxi')
      .locale('zh_CN')
      .usage('党员干部“三联系”管理\n\n用法：$0 [命令] [选项]（不带命令时打开终端界面）')
      .option('data', { type: 'string', global: true, describe: '数据文件（默认 $SANLIANXI_DATA 或安装目录下 data/sanlianxi.json）' })
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
      .command(exportCommand)
      .command(historyCommand)
      .command(undoCommand)
      .command(backupsCommand)
      .command(restoreCommand)
      .strict()
      .help('help')
      .alias('help', 'h')
      .version(false)
      .fail((message, error) => {
        if (error) throw error;
        fail(`${message}（运行 sanlianxi --help 查看用法）`);
      })
      .parseAsync();
  } catch (error) {
    if (isUserError(error)) fail(error.message);
    process.stderr.write(`内部错误：${safeText((error as Error)?.message ?? String(error))}\n`);
    process.exit(2);
  }
}

await main(hideBin(process.argv));
