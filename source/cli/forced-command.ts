// Commands over SSH (issue 14, gitolite's model). The service account's authorized_keys binds each key
// to `command="<program> --data <file> --user <login>",restrict,pty`: sshd runs that and nothing else,
// whatever the client asked, and puts what she asked in SSH_ORIGINAL_COMMAND. So `--user` is the key's
// owner, fixed by the server; it is honoured only then (under sshd), and the client's command is split
// here, without a shell, then read by the same parser as any line, knowing only her role's commands,
// and judged after every option is read: never by its first word (issue 21: `-h users … --no-help`).
import cliTruncate from 'cli-truncate';
import { parse } from 'shell-quote';
import { todayInShanghai } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { isRobotHostUrl } from '../domain/robots.js';
import { LOGIN_PATTERN, type Role } from '../domain/vocabulary.js';
import type { ParserLimits } from './general-parser.js';
import { dateArg } from './runtime.js';
import { STDIN_PATH } from './stdin-file.js';

export interface ForcedCommand {
  login: string;
  /** The datastore the forced command names (never the client's). */
  data: string | undefined;
  /** The client's command as arguments; empty: the terminal UI. */
  argv: string[];
}

/**
 * What each role may run over SSH: README's role table (一台服务器，多位秘书), which test/ssh holds
 * this equal to (`users`, `init`, `template`, `restore`: at the server's console only; `import` only
 * as `import -`, the workbook on standard input).
 */
const READ = ['overdue', 'coverage', 'contacts', 'history', 'export', 'exports', 'remind'];
export const SSH_COMMANDS: Record<Role, readonly string[]> = {
  viewer: READ,
  college: [...READ, 'log', 'assign', 'reassign', 'end', 'undo', 'import', 'webhook'],
  school: [...READ, 'log', 'assign', 'reassign', 'end', 'undo', 'import', 'check', 'backups', 'webhook'],
};

// Every refusal is one line that fits an 80-column terminal (issue 23): short reasons, typed words cut.
const refused = (why: string) => new UserError(`SSH 命令被拒绝：${why}，未做改动`);
const typed = (word: string) => cliTruncate(word, 16);

/** The forced command's own arguments, or null when the program was not started as one. */
export function forcedCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ForcedCommand | null {
  if (!argv.includes('--user')) return null;
  if (!env['SSH_CONNECTION']) {
    throw new UserError(
      '--user 只能由 SSH 登录时的强制命令给出（见 sanlianxi users sync-keys）；在服务器上直接运行时身份是当前系统账号',
    );
  }
  let login: string | undefined;
  let data: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--user' && value !== undefined && login === undefined) login = value;
    else if (flag === '--data' && value !== undefined && data === undefined) data = value;
    else
      throw new UserError(
        '强制命令只能带 --data 文件 和 --user 登录名：请用 sanlianxi users sync-keys 重写 authorized_keys',
      );
  }
  if (login === undefined || !LOGIN_PATTERN.test(login)) throw new UserError(`强制命令中的登录名无效：${login ?? ''}`);
  return { login, data, argv: clientArgv(env['SSH_ORIGINAL_COMMAND'] ?? '') };
}

/** SSH_ORIGINAL_COMMAND as arguments: quotes honoured, anything a shell would act on refused. */
export function clientArgv(command: string): string[] {
  // A newline would end a command in a shell, ESC could paint the terminal.
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\u0000-\u001f\u007f]/.test(command)) throw refused('命令中含换行或控制字符');
  if (/[$`]/.test(command)) throw refused('命令中含 $ 或 `（不做变量替换或命令替换）');
  const tokens = parse(command, (name) => {
    throw refused(`命令中含变量 ${typed(name)}`);
  });
  const argv: string[] = [];
  for (const token of tokens) {
    if (typeof token !== 'string') throw refused('命令中含 ; | & > < 等 shell 运算符、通配符或注释');
    // What follows `--` would be read as words, not options: the forced command's own would be among them.
    if (token === '--') throw refused('不能用 -- 结束选项（值以 - 开头时写成 --选项=值）');
    argv.push(token);
  }
  return argv;
}

/**
 * The forced command's line as yargs reads it (general-parser.ts), or the fast parser for a plain line
 * (program.ts), which reads it the same: her role's commands only — any other is hidden from help and
 * refused when named, even with --help — and, after every option is read, the line judged on what was
 * read: no datastore or user of the client's, `export`/`exports get` only to standard output, `import`
 * only from standard input, `webhook set` only to a 企业微信 or 钉钉 robot, no --as-of after today for a line
 * that records contacts (log, the terminal UI); then the forced command's datastore is set.
 */
export function sshLimits(role: Role, data: string | undefined): ParserLimits {
  const allowed = SSH_COMMANDS[role];
  const allows = (name: string) => name === '$0' || allowed.includes(name);
  return {
    allows,
    command: (module) => {
      const name = String(module.command).split(' ')[0] ?? '';
      if (allows(name)) return module;
      return {
        command: name,
        describe: false,
        builder: () => {
          throw refused(`不能运行“${typed(name)}”，可运行的见 ssh … --help`);
        },
        handler: () => undefined,
      };
    },
    judge: (args) => {
      for (const pinned of ['data', 'user']) {
        if (args[pinned] !== undefined) throw refused(`不能指定 --${pinned}：数据文件和身份由服务器决定`);
      }
      const [command, sub] = args._.map(String);
      if (command === 'import' && args['file'] !== STDIN_PATH) {
        throw refused('只能从标准输入导入：ssh … import - < 名单.xlsx');
      }
      if ((command === 'export' || (command === 'exports' && sub === 'get')) && args['out'] !== '-') {
        throw refused('只能导出到标准输出：… --out - > 附件2.xlsx');
      }
      // "Today" decides which contacts have happened (domain/contacts.ts): a line that records them keeps it.
      const asOf = args['as-of'];
      if (
        (command === undefined || command === 'log') &&
        typeof asOf === 'string' &&
        dateArg(asOf, 'as-of') > todayInShanghai()
      ) {
        throw refused('--as-of 不能晚于今天：只能记录已经发生的联系');
      }
      // remind --send posts to the robot's address: any other would let her line reach a port of the server's.
      if (command === 'webhook' && sub === 'set' && !(typeof args['url'] === 'string' && isRobotHostUrl(args['url']))) {
        throw refused('群机器人只能是企业微信或钉钉的 https 地址');
      }
      args['data'] = data;
    },
  };
}
