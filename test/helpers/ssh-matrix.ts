// The SSH matrix (issue 21): every role × every command × the ways a client's line has tried to get
// round the forced command — help options before and after, a trailing `--`, `--data`/`--user` in every
// spelling, a repeated option, `=`-joined values — each expected exactly as README's role table
// (一台服务器，多位秘书) says; and what export, import and webhook set may name. Run in process
// (test/ssh/forced-matrix.ssh.ts) and over a real sshd (test/ssh/sshd.ssh.ts) by the same cases and judge.
import { readFileSync } from 'node:fs';
import { quote } from 'shell-quote';
import stringWidth from 'string-width';
import { expect } from 'vitest';
import type { Role } from '../../source/domain/vocabulary.js';

/** README's role table: what each role may run over SSH (the single truth; SSH_COMMANDS is its code twin). */
export function readmeSshCommands(): Record<Role, string[]> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## 一台服务器，多位秘书'));
  const rows: Partial<Record<Role, string[]>> = {};
  for (const line of section.slice(0, section.indexOf('\n## ', 1)).split('\n')) {
    // The last cell: command names, each perhaps with a note in parentheses (remind（不能 `--send`）).
    const row = /^\| `(school|college|viewer)`.*\| ([^|]+) \|$/.exec(line);
    if (row)
      rows[row[1] as Role] = row[2]!
        .replace(/（[^）]*）/g, '')
        .trim()
        .split(/\s+/);
  }
  if (!rows.school || !rows.college || !rows.viewer)
    throw new Error('README 的角色表缺少 school、college 或 viewer 行');
  return rows as Record<Role, string[]>;
}

export const MATRIX_USERS = { zhang: 'school', wang: 'college', li: 'viewer' } as const satisfies Record<string, Role>;
export type MatrixLogin = keyof typeof MATRIX_USERS;

/**
 * A line of each command (the terminal UI: no command) that passes every check but the role's, and
 * what it does when run: most stop at a message of the data (so that the store stays as it was), log
 * saves. `repeat`: one of its own single-valued options, given again.
 */
interface MatrixCommand {
  name: string;
  line: string[];
  code: number;
  says: RegExp;
  repeat: string[] | null;
}

export function matrixCommands(scratch: string): MatrixCommand[] {
  return [
    {
      name: '',
      line: ['--as-of', '2026-09-20'],
      code: 1,
      says: /^终端界面需要在交互式终端中打开/,
      repeat: ['--as-of', '2026-09-21'],
    },
    {
      name: 'init',
      line: ['init', '--school', '另一所', '--as-of', '2026-09-20'],
      code: 1,
      says: /已存在/,
      repeat: ['--school', '第三所'],
    },
    { name: 'check', line: ['check'], code: 0, says: /正常/, repeat: null },
    {
      name: 'template',
      line: ['template', `${scratch}/模板.xlsx`, '--force'],
      code: 0,
      says: /已生成导入模板/,
      repeat: ['--force'],
    },
    { name: 'import', line: ['import', '-'], code: 1, says: /^标准输入为空/, repeat: null },
    {
      name: 'assign',
      line: ['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'],
      code: 1,
      says: /已有联系分配/,
      repeat: ['--cadre', '李四'],
    },
    {
      name: 'reassign',
      line: ['reassign', '--class', '会计1班', '--to', '张三', '--date', '2026-09-02', '--reason', '工作调动'],
      code: 1,
      says: /移交原因“工作调动”无效/,
      repeat: ['--to', '李四'],
    },
    {
      name: 'end',
      line: ['end', '--cadre', '张三', '--date', '2026-08-01', '--reason', '调整'],
      code: 1,
      says: /没有有效的联系分配/,
      repeat: ['--reason', '离职'],
    },
    {
      name: 'log',
      line: ['log', '--cadre', '张三', '--type', '班级', '--target', '会计1班', '--date', '2026-09-03', '--again'],
      code: 0,
      says: /^已记录：张三 班级 会计1班 2026-09-03/,
      repeat: ['--cadre', '李四'],
    },
    {
      name: 'contacts',
      line: ['contacts', '--cadre', '张三', '--json'],
      code: 0,
      says: /^\[/,
      repeat: ['--cadre', '李四'],
    },
    {
      name: 'overdue',
      line: ['overdue', '--as-of', '2026-09-20', '--count'],
      code: 0,
      says: /^\d+\n$/,
      repeat: ['--as-of', '2026-09-21'],
    },
    {
      name: 'remind',
      line: ['remind', '--as-of', '2026-09-20'],
      code: 0,
      says: /经济管理学院/,
      repeat: ['--as-of', '2026-09-21'],
    },
    { name: 'webhook', line: ['webhook', 'list'], code: 0, says: /群机器人/, repeat: null },
    {
      name: 'export',
      line: ['export', 'form2', '--out', '-', '--as-of', '2026-09-20'],
      code: 0,
      says: /已导出附件2：标准输出/,
      repeat: ['--as-of', '2026-09-21'],
    },
    { name: 'exports', line: ['exports', 'list'], code: 0, says: /你的导出文件夹中还没有文件/, repeat: null },
    { name: 'history', line: ['history', '--limit', '2'], code: 0, says: /编号/, repeat: ['--limit', '3'] },
    {
      name: 'undo',
      line: ['undo', '--revision', '999'],
      code: 1,
      says: /日志中没有第 999 号修改/,
      repeat: ['--revision', '998'],
    },
    { name: 'backups', line: ['backups'], code: 0, says: /共 \d+ 份/, repeat: null },
    { name: 'restore', line: ['restore', '1'], code: 1, says: /找不到备份/, repeat: null },
    { name: 'users', line: ['users', 'list', '--json'], code: 0, says: /^\[/, repeat: ['--json'] },
  ];
}

/** `--x value` written `--x=value` (a lone `-` too); flags stay as they are. */
function joined(line: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const word = line[i]!;
    const next = line[i + 1];
    if (word.startsWith('--') && next !== undefined && (next === '-' || !next.startsWith('-'))) {
      out.push(`${word}=${next}`);
      i += 1;
    } else out.push(word);
  }
  return out;
}

/** How a case must end: as its command's line runs, with help shown, or refused with the store as it was. */
export type Expected =
  { kind: 'runs'; code: number; says: RegExp } | { kind: 'help'; command: string } | { kind: 'refused'; says: RegExp };

export interface MatrixCase {
  login: MatrixLogin;
  /** The client's command, as typed after `ssh sanlianxi@server`. */
  command: string;
  expected: Expected;
}

const REFUSED = /^SSH 命令被拒绝：/;

/** Every case of the matrix; `other`: another datastore a client might name. */
export function matrixCases(scratch: string, other: string): MatrixCase[] {
  const table = readmeSshCommands();
  const cases: MatrixCase[] = [];
  for (const [login, role] of Object.entries(MATRIX_USERS) as Array<[MatrixLogin, Role]>) {
    for (const c of matrixCommands(scratch)) {
      const allowed = c.name === '' || table[role].includes(c.name);
      const add = (words: string[], expected: Expected) => cases.push({ login, command: quote(words), expected });
      const runs: Expected = allowed
        ? { kind: 'runs', code: c.code, says: c.says }
        : { kind: 'refused', says: /不能运行/ };
      add(c.line, runs);
      add(joined(c.line), runs);
      add(['-h', ...c.line, '--no-help'], runs);
      add(['--help', ...c.line, '--help=false'], runs);
      add([...c.line, '-h', '--help=false'], runs);
      add([...c.line, '--help'], allowed ? { kind: 'help', command: c.name } : runs);
      add(['-h', ...c.line], allowed ? { kind: 'help', command: c.name } : runs);
      const pinned = (says: RegExp): Expected => ({ kind: 'refused', says: allowed ? says : /不能运行|不能用 --/ });
      add([...c.line, '--'], { kind: 'refused', says: /不能用 -- 结束选项/ });
      add([...c.line, '--', '--data', other], { kind: 'refused', says: /不能用 -- 结束选项/ });
      add([...c.line, '--data', other], pinned(/不能指定 --data/));
      add([...c.line, `--data=${other}`], pinned(/不能指定 --data/));
      add([...c.line, '--no-data'], pinned(/不能指定 --data/));
      add([...c.line, '--data.x', other], pinned(/无法识别的选项：data\.x/));
      add([...c.line, '--user', 'zhang'], pinned(/不能指定 --user/));
      add([...c.line, '--user=zhang'], pinned(/不能指定 --user/));
      add(['--data', other, ...c.line], pinned(/不能指定 --data/));
      if (c.repeat) add([...c.line, ...c.repeat], pinned(/只能给一次/));
    }
    // `export` and `exports get` only to standard output, `import` only from it: one `--out -` in any spelling.
    if (table[role].includes('export')) {
      const form2 = ['export', 'form2', '--as-of', '2026-09-20'];
      const out = (says: RegExp): Expected => ({ kind: 'refused', says });
      cases.push(
        {
          login,
          command: quote([...form2, '--out=-']),
          expected: { kind: 'runs', code: 0, says: /已导出附件2：标准输出/ },
        },
        { login, command: quote([...form2, '--out', '-', '--out', '-']), expected: out(/只能导出到标准输出/) },
        { login, command: quote([...form2, '--out=-', '--no-out']), expected: out(/只能导出到标准输出/) },
        { login, command: quote([...form2, '--no-out']), expected: out(/只能导出到标准输出/) },
        { login, command: quote([...form2, '--out.x', '-']), expected: out(/缺少必须的选项：out/) },
        { login, command: quote([...form2, '--out=-', '--out.x', '-']), expected: out(/无法识别.*out\.x/) },
        { login, command: quote([...form2, '--out', `${scratch}/x.xlsx`]), expected: out(/只能导出到标准输出/) },
        { login, command: quote([...form2, '--out=']), expected: out(/只能导出到标准输出/) },
        {
          login,
          command: quote([...form2, '--out', `${scratch}/x.xlsx`, '--out', '-']),
          expected: out(/只能导出到标准输出/),
        },
        {
          login,
          command: quote(['exports', 'get', '附件2.xlsx', '--out', `${scratch}/x.xlsx`]),
          expected: out(/只能导出到标准输出/),
        },
        { login, command: quote(['exports', 'get', '附件2.xlsx']), expected: out(/只能导出到标准输出|缺少必须的选项/) },
      );
    }
    // "Today" decides which contacts have happened: the lines that record them may not move it ahead.
    const ahead: Expected = { kind: 'refused', says: /--as-of 不能晚于今天/ };
    cases.push({ login, command: quote(['--as-of', '2999-01-01']), expected: ahead });
    if (table[role].includes('log')) {
      const log = ['log', '--cadre', '张三', '--type', '班级', '--target', '会计1班', '--date', '2999-01-01'];
      cases.push(
        { login, command: quote([...log, '--as-of', '2999-01-02']), expected: ahead },
        { login, command: quote([...log, '--as-of=2999-01-02']), expected: ahead },
      );
    }
    // `webhook set` only to a 企业微信 or 钉钉 robot: remind --send would post to any other address, on any port.
    if (table[role].includes('webhook')) {
      for (const url of ['http://127.0.0.1:2375/containers/prune', 'https://10.0.0.1:8443/x']) {
        cases.push({
          login,
          command: quote(['webhook', 'set', '经济管理学院', url]),
          expected: { kind: 'refused', says: /群机器人只能是企业微信或钉钉的 https 地址/ },
        });
      }
    }
    if (table[role].includes('import')) {
      cases.push(
        {
          login,
          command: quote(['import', `${scratch}/模板.xlsx`]),
          expected: { kind: 'refused', says: /只能从标准输入导入/ },
        },
        {
          login,
          command: quote(['import', '-', `${scratch}/模板.xlsx`]),
          expected: { kind: 'refused', says: /只能从标准输入导入|无法识别|参数过多/ },
        },
      );
    }
  }
  return cases;
}

export interface SshResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Holds a case's outcome to its expectation; `changed`: whether the datastore's files changed. */
export function judgeCase(c: MatrixCase, r: SshResult, changed: boolean, allCommands: readonly string[]): void {
  const what = `${c.login}（${MATRIX_USERS[c.login]}）: ${c.command}`;
  const { expected } = c;
  if (expected.kind === 'refused') {
    expect(r.code, what).toBe(1);
    expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
    expect(r.stderr, what).toMatch(expected.says);
    // One line that fits an 80-column terminal, in Chinese: no role or option named in English alone.
    expect(stringWidth(r.stderr.trim()), `${what}: ${r.stderr}`).toBeLessThanOrEqual(80);
    expect(r.stdout, what).toBe('');
    expect(changed, `${what}: the datastore changed`).toBe(false);
    return;
  }
  expect(r.stderr, what).not.toMatch(REFUSED);
  if (expected.kind === 'help') {
    expect(r.code, what).toBe(0);
    expect(r.stdout, what).toContain(`sanlianxi ${expected.command}`.trim());
    expect(changed, `${what}: the datastore changed`).toBe(false);
    // Help lists only her commands (a listed command: a line of its own, `  sanlianxi name …`).
    const role = MATRIX_USERS[c.login];
    const table = readmeSshCommands();
    for (const name of allCommands) {
      if (!table[role].includes(name))
        expect(r.stdout, `${what}: help lists ${name}`).not.toMatch(new RegExp(`^ {2}sanlianxi ${name}\\b`, 'm'));
    }
    return;
  }
  expect(r.code, `${what}\n${r.stderr}`).toBe(expected.code);
  expect(`${r.stdout}${r.stderr}`, what).toMatch(expected.says);
  if (expected.code !== 0) expect(changed, `${what}: the datastore changed`).toBe(false);
}
