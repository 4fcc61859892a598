#!/usr/bin/env node
// sanlianxi: with no command, the terminal UI; otherwise one command for scripts and SSH.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isUserError } from '../domain/errors.js';
import { safeText } from '../domain/safe-text.js';
import { storageProblem } from '../store/storage-errors.js';
import { plainLine } from './fast-path.js';
import { STDIN_PATH } from './stdin-file.js';
import { openStore, setIdentity } from './runtime.js';

/**
 * Runs one command line (without `node main.js`) in this process and returns its exit code: 0 done,
 * 1 a user error (its lines on stderr, each neutralised), 2 an internal error, or a command's own
 * status (overdue --exit-code: 3). Tests call it directly.
 */
export async function run(given: string[]): Promise<number> {
  // A command may set process.exitCode for a status that is no error (overdue --exit-code): it is
  // returned, and this process's own exit code is left as it was.
  const outer = process.exitCode;
  process.exitCode = undefined;
  try {
    // yargs reads a lone "-" as an unknown option: `--out -` (standard output) is passed as `--out=-`,
    // `import -` (standard input) as `import /dev/stdin`.
    const argv = (await sshArgv(given)).flatMap((a, i, all) =>
      a === '--out' && all[i + 1] === '-' ? ['--out=-'] : a === '-' && all[i - 1] === '--out' ? [] : a === '-' && all[i - 1] === 'import' ? [STDIN_PATH] : [a],
    );
    const plain = plainLine(argv);
    if (plain !== null) await plain.command.handler(plain.args as Parameters<typeof plain.command.handler>[0]);
    // Loaded only for the lines it parses: yargs and every command are most of a short command's start-up.
    else await (await import('./general-parser.js')).parseWithYargs(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${error.message.split('\n').map(safeText).join('\n')}\n`);
      return 1;
    }
    // A file-system error no layer below turned into a message (the store's own say whether a change was saved).
    const storage = storageProblem(error, '');
    if (storage) {
      process.stderr.write(`${safeText(storage)}：操作未完成\n`);
      return 1;
    }
    process.stderr.write(`内部错误：${safeText((error as Error)?.message ?? String(error))}\n`);
    return 2;
  } finally {
    process.exitCode = outer;
  }
}

/**
 * Under an SSH forced command, the client's command (SSH_ORIGINAL_COMMAND) checked against her role,
 * with the forced command's datastore; otherwise the arguments as given, the OS account the user.
 */
async function sshArgv(given: string[]): Promise<string[]> {
  setIdentity(null);
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

/** Run as the program (also through npm's bin link), not imported by a test. */
function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  // An error exits now with its code; otherwise the process ends when its output is flushed.
  // The arguments after node and this script (yargs' hideBin does the same for node, with yargs-parser loaded).
  const code = await run(process.argv.slice(2));
  if (code === 1 || code === 2) process.exit(code);
  process.exitCode = code;
}
