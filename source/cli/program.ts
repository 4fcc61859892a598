// The whole program, for every line main.ts does not give to fast.ts: the terminal UI, every command,
// --help and mistakes (yargs), SSH forced commands. Built with its chunks (bundle-cli.ts).
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { tuiCommand } from './commands/tui.js';
import { outcome } from './outcome.js';
import { plainLine, type PlainCommand } from './plain-command.js';
import { STDIN_PATH } from './stdin-file.js';
import { openStore, setIdentity, type GlobalArgs } from './runtime.js';

/** The commands a plain line of runs without yargs (plain-command.ts: plainLine). */
export const FAST_COMMANDS: readonly PlainCommand<GlobalArgs>[] = [overdueCommand, logCommand, tuiCommand] as unknown as PlainCommand<GlobalArgs>[];

/** Runs one command line (without `node main.js`) in this process and returns its exit code (outcome.ts). */
export function run(given: string[]): Promise<number> {
  return outcome(async () => {
    // yargs reads a lone "-" as an unknown option: `--out -` (standard output) is passed as `--out=-`,
    // `import -` (standard input) as `import /dev/stdin`.
    const argv = (await sshArgv(given)).flatMap((a, i, all) =>
      a === '--out' && all[i + 1] === '-' ? ['--out=-'] : a === '-' && all[i - 1] === '--out' ? [] : a === '-' && all[i - 1] === 'import' ? [STDIN_PATH] : [a],
    );
    const plain = plainLine(argv, FAST_COMMANDS);
    if (plain !== null) await plain.command.handler(plain.args as Parameters<typeof plain.command.handler>[0]);
    // Loaded only for the lines it parses: yargs and every command are most of a short command's start-up.
    else await (await import('./general-parser.js')).parseWithYargs(argv);
  });
}

/**
 * Under an SSH forced command, the client's command (SSH_ORIGINAL_COMMAND) checked against her role,
 * with the forced command's datastore; otherwise the arguments as given, the OS account the user.
 */
async function sshArgv(given: string[]): Promise<string[]> {
  // Only a forced command names --user (forced-command.ts, loaded only then).
  if (!given.includes('--user')) return given;
  const { checkSshCommand, forcedCommand } = await import('./forced-command.js');
  const forced = forcedCommand(given, process.env);
  if (forced === null) return given;
  setIdentity({ login: forced.login, forced: true });
  const data = forced.data === undefined ? [] : ['--data', forced.data];
  const actor = await openStore({ data: forced.data }).actor();
  // A forced identity is always a registered user (actor() refuses others).
  if (actor !== null) checkSshCommand(forced.argv, actor.role);
  return [...forced.argv, ...data];
}
