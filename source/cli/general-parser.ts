// Every command line the fast path (fast-path.ts) does not take, and every SSH forced command's: yargs
// with all the commands (over SSH, those of her role: forced-command.ts), their help (--help) and its
// messages for a mistaken line.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import yargs, { type Arguments, type CommandModule } from 'yargs';
import { UserError } from '../domain/errors.js';
import { assignCommand, endCommand, reassignCommand } from './commands/assign.js';
import { checkCommand } from './commands/check.js';
import { contactsCommand } from './commands/contacts.js';
import { initCommand } from './commands/init.js';
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { coverageCommand } from './commands/coverage.js';
import { yearCommand } from './commands/year.js';
import { exportCommand } from './commands/export.js';
import { exportsCommand } from './commands/exports.js';
import { tuiCommand } from './commands/tui.js';
import { historyCommand, undoCommand } from './commands/journal.js';
import { backupsCommand, restoreCommand } from './commands/backups.js';
import { importCommand, templateCommand } from './commands/roster.js';
import { usersCommand } from './commands/users.js';
import { remindCommand } from './commands/remind.js';
import { webhookCommand } from './commands/webhook.js';
import { assertOptionValues, type DeclaredOptions } from './option-values.js';
import { DATA_OPTION } from './plain-command.js';
import type { GlobalArgs } from './runtime.js';

/** How a line not typed at the server's console is narrowed: an SSH forced command's (forced-command.ts: sshLimits). */
export interface ParserLimits {
  /** Whether the line may run the command of this word ('$0': the terminal UI). */
  allows(command: string): boolean;
  /** The command as this line may use it: itself, or a hidden one that refuses when named. */
  command<A>(module: CommandModule<GlobalArgs, A>): CommandModule<GlobalArgs, A>;
  /** Judges the line as read, every option known, before its command runs; may set arguments. */
  judge(args: Arguments): void;
}

/** The width a mistaken line's message fits: a terminal's, over SSH too. */
const MESSAGE_COLUMNS = 80;

export async function parseWithYargs(argv: string[], limits?: ParserLimits): Promise<void> {
  const allowed = <A>(command: CommandModule<GlobalArgs, A>) => (limits ? limits.command(command) : command);
  let parser = yargs(argv)
    .scriptName('sanlianxi')
    .locale('zh_CN')
    .usage('党员干部“三联系”管理\n\n用法：$0 [命令] [选项]（不带命令时打开终端界面）')
    // `--data.x` is an unknown option, not an object under --data.
    .parserConfiguration({ 'dot-notation': false })
    // Over SSH the server names the datastore and the user: declared, unlisted, so that judge() names them.
    .option('data', { ...DATA_OPTION, global: true, hidden: limits !== undefined });
  if (limits) parser = parser.option('user', { type: 'string', global: true, hidden: true });
  await parser
    .command(allowed(tuiCommand))
    .command(allowed(initCommand))
    .command(allowed(checkCommand))
    .command(allowed(templateCommand))
    .command(allowed(importCommand))
    .command(allowed(assignCommand))
    .command(allowed(reassignCommand))
    .command(allowed(endCommand))
    .command(allowed(logCommand))
    .command(allowed(contactsCommand))
    .command(allowed(overdueCommand))
    .command(allowed(coverageCommand))
    .command(allowed(yearCommand))
    .command(allowed(remindCommand))
    .command(allowed(webhookCommand))
    .command(allowed(exportCommand))
    .command(allowed(exportsCommand))
    .command(allowed(historyCommand))
    .command(allowed(undoCommand))
    .command(allowed(backupsCommand))
    .command(allowed(restoreCommand))
    .command(allowed(usersCommand))
    .strict()
    // After every option is read, before the command's handler: yargs runs no handler without it.
    .check((args, options) => {
      limits?.judge(args);
      assertOptionValues(args, options as unknown as DeclaredOptions);
      return true;
    }, true)
    .help('help')
    .alias('help', 'h')
    .version(false)
    // --help and bad arguments return here instead of ending the process.
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // One line that fits 80 columns, whatever was typed: a long word is cut in its middle.
      const hint = '（运行 sanlianxi --help 查看用法）';
      throw new UserError(cliTruncate(message, MESSAGE_COLUMNS - stringWidth(hint), { position: 'middle' }) + hint);
    })
    .parseAsync();
}
