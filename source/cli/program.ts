// The whole program, for every line main.ts does not give to fast.ts: the terminal UI, every command,
// --help and mistakes (yargs), SSH forced commands. Built with its chunks (bundle-cli.ts).
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { tuiCommand } from './commands/tui.js';
import { outcome } from './outcome.js';
import { plainLine, type PlainCommand } from './plain-command.js';
import { STDIN_PATH } from './stdin-file.js';
import type { ParserLimits } from './general-parser.js';
import { openStore, setIdentity, type GlobalArgs } from './runtime.js';

/** The commands a plain line of runs without yargs (plain-command.ts: plainLine). */
export const FAST_COMMANDS: readonly PlainCommand<GlobalArgs>[] = [
  overdueCommand,
  logCommand,
  tuiCommand,
] as unknown as PlainCommand<GlobalArgs>[];

/** Runs one command line (without `node main.js`) in this process and returns its exit code (outcome.ts). */
export function run(given: string[]): Promise<number> {
  return outcome(async () => {
    const forced = await forcedLine(given);
    // yargs reads a lone "-" as an unknown option: `--out -` (standard output) is passed as `--out=-`,
    // `import -` (standard input) as `import /dev/stdin`.
    const argv = (forced?.argv ?? given).flatMap((a, i, all) =>
      a === '--out' && all[i + 1] === '-'
        ? ['--out=-']
        : a === '-' && all[i - 1] === '--out'
          ? []
          : a === '-' && all[i - 1] === 'import'
            ? [STDIN_PATH]
            : [a],
    );
    // A forced command's plain line (read as yargs reads it: test/cli/fast-path.test.ts) is one of her
    // role's commands and is judged as yargs' reading is (general-parser.ts), by the same limits.
    const plain = plainLine(
      argv,
      forced ? FAST_COMMANDS.filter((c) => forced.limits.allows(c.command)) : FAST_COMMANDS,
    );
    if (plain !== null) {
      const args = { ...plain.args, _: plain.command.command === '$0' ? [] : [plain.command.command], $0: 'sanlianxi' };
      forced?.limits.judge(args);
      await plain.command.handler(args as Parameters<typeof plain.command.handler>[0]);
    }
    // Loaded only for the lines it parses: yargs and every command are most of a short command's start-up.
    else await (await import('./general-parser.js')).parseWithYargs(argv, forced?.limits);
  });
}

/**
 * Under an SSH forced command, the client's command (SSH_ORIGINAL_COMMAND) and how her role narrows
 * its reading (forced-command.ts: sshLimits); otherwise null: the arguments as given, the OS account the user.
 */
async function forcedLine(given: string[]): Promise<{ argv: string[]; limits: ParserLimits } | null> {
  // Only a forced command names --user (forced-command.ts, loaded only then).
  if (!given.includes('--user')) return null;
  const { forcedCommand, sshLimits } = await import('./forced-command.js');
  const forced = forcedCommand(given, process.env);
  if (forced === null) return null;
  setIdentity({ login: forced.login, forced: true });
  const actor = await openStore({ data: forced.data }).actor();
  // actor() refuses a forced login that is not a registered user.
  if (actor === null) throw new Error(`强制命令的用户 ${forced.login} 没有角色`);
  return { argv: forced.argv, limits: sshLimits(actor.role, forced.data) };
}
