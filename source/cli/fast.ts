// The program for a plain overdue or log line, the lines run many times a day (from a shell prompt,
// cron, scripts). main.ts gives it only such lines, and it is built as one file (bundle-cli.ts) that
// loads no other part of the program: see main.ts for why.
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { outcome } from './outcome.js';
import { plainLine, type PlainCommand } from './plain-command.js';
import type { GlobalArgs } from './runtime.js';

const COMMANDS = [overdueCommand, logCommand] as unknown as PlainCommand<GlobalArgs>[];

/** Runs a plain overdue or log line (main.ts: isFastLine) and returns its exit code (outcome.ts). */
export function run(given: string[]): Promise<number> {
  return outcome(async () => {
    const plain = plainLine(given, COMMANDS);
    if (plain === null) throw new Error(`不是 overdue 或 log 的简单命令行：${given.join(' ')}`);
    await plain.command.handler(plain.args as Parameters<typeof plain.command.handler>[0]);
  });
}
