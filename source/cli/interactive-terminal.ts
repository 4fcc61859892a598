import { UserError } from '../domain/errors.js';

/**
 * The TUI needs a terminal on both ends: ink reads keys in raw mode and draws frames.
 * Refused with a pointer to the commands when run from a pipe or a cron job.
 */
export function requireInteractiveTerminal(): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new UserError(
    '终端界面需要在交互式终端中打开（标准输入和输出都不能是管道或文件）。\n' +
      '在脚本中请改用命令，如：sanlianxi overdue --json、sanlianxi log …；sanlianxi --help 列出全部命令。',
  );
}

/**
 * ink draws nothing until exit when it believes it runs under CI (`CI` or `CONTINUOUS_INTEGRATION`
 * set, read by is-in-ci when ink is first imported). A person at a terminal must see every frame,
 * so these are cleared before ink loads; only this process's environment changes.
 */
export function clearCiMarkers(): void {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
