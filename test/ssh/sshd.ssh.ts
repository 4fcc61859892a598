// Three secretaries, one service account, a real sshd (issue 14): an sshd of its own on 127.0.0.1 (its
// own host key, config and pid file in a temp folder; no system sshd is touched), the current account
// as the service account, three users with keys made by ssh-keygen, authorized_keys written by
// `sanlianxi users sync-keys`. Over real ssh: each role's allowed and refused commands, scope, injection
// through SSH_ORIGINAL_COMMAND, port forwards, export to stdout and the TUI over `ssh -t` (tmux).
// The SSH matrix (test/helpers/ssh-matrix.ts, issue 21) runs whole in process, through the forced
// command's own path (forced-matrix.ssh.ts: ~1000 lines in half a minute); here, over sshd, its representative
// part — every role × every command behind `-h … --no-help` (the help bypass), and every spelling
// (help options, `--`, --data, --user, repeated, `=`) on overdue — since each ssh login is a new process.
// Fails, never skips, when sshd, tmux or the built program is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadreRow, fillRoster } from '../helpers/filled-roster.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { judgeCase, matrixCases, matrixCommands } from '../helpers/ssh-matrix.js';

const SSHD = '/usr/sbin/sshd';
const MAIN = resolve('dist/cli/main.js');
const ACCOUNT = userInfo().username;
const LOGINS = ['zhang', 'wang', 'li'] as const;
type Login = (typeof LOGINS)[number];

let dir: string;
let data: string;
let port: number;
let sshd: ChildProcess;
const tally = { attempts: 0, allowed: 0, refused: 0 };

function sanlianxi(args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args, '--data', data], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sanlianxi ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function must(command: string, args: string[]) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => done(p));
    });
  });
}

/** Resolves with what a TCP connection to `p` receives before it closes (or its first bytes), null if refused. */
function firstBytes(p: number): Promise<string | null> {
  return new Promise((done) => {
    const socket = createConnection({ port: p, host: '127.0.0.1' });
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk.toString('latin1');
      if (got.includes('\n')) socket.destroy();
    });
    socket.on('close', () => done(got));
    socket.on('error', () => done(null));
  });
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function sshArgs(login: Login, extra: string[] = []): string[] {
  return [
    '-F',
    '/dev/null',
    '-p',
    String(port),
    '-i',
    join(dir, `key_${login}`),
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
    '-o',
    'LogLevel=ERROR',
    ...extra,
    `${ACCOUNT}@127.0.0.1`,
  ];
}

function ssh(login: Login, command: string, extra: string[] = [], input?: Buffer) {
  // `--`: ssh's own options end there, so that a command starting with "-" is sent as it is.
  const r = spawnSync('ssh', [...sshArgs(login, extra), '--', command], {
    encoding: 'buffer',
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Every file of the datastore (main, months, journal, seal, backups), hashed: unchanged means byte for byte. */
function datastoreState(): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(join(dir, 'data'));
  return hash.digest('hex');
}

beforeAll(async () => {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} 不存在：请安装 openssh-server（.ci/run 会安装）`);
  if (!existsSync(MAIN)) throw new Error(`${MAIN} 不存在：请先 npm run build`);
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux 未安装');
  dir = mkdtempSync(join(tmpdir(), 'slx-sshd-'));
  chmodSync(dir, 0o700);
  mkdirSync(join(dir, 'data'), { mode: 0o700 });
  data = join(dir, 'data', 'sanlianxi.json');

  // Two colleges, a cadre assigned in each: 张三 (经济管理学院) 会计1班, 周七 (机电信息学院) 软件1班.
  const school = smallSchool([AUTUMN]);
  school.cadres.push({ ...school.cadres[0]!, id: 'c_zq', name: '周七', employeeNo: 'T009', collegeId: 'col_jd' });
  writeFileSync(data, JSON.stringify(school), { mode: 0o600 });
  sanlianxi(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01']);
  sanlianxi(['assign', '--cadre', '周七', '--class', '软件1班', '--start', '2026-09-01']);

  for (const login of LOGINS)
    must('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', login, '-f', join(dir, `key_${login}`)]);
  const key = (login: Login) => ['--key-file', join(dir, `key_${login}.pub`)];
  sanlianxi(['users', 'add', 'zhang', '--name', '张老师', '--role', 'school', ...key('zhang')]);
  sanlianxi([
    'users',
    'add',
    'wang',
    '--name',
    '王芳',
    '--role',
    'college',
    '--college',
    '经济管理学院',
    ...key('wang'),
  ]);
  sanlianxi(['users', 'add', 'li', '--name', '李院长', '--role', 'viewer', ...key('li')]);
  // A line of the account's own, outside sanlianxi's block: kept by sync-keys.
  writeFileSync(join(dir, 'authorized_keys'), "# the service account's own line\n", { mode: 0o600 });
  sanlianxi(['users', 'sync-keys', '--file', join(dir, 'authorized_keys')]);

  must('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  port = await freePort();
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${readFileSync(join(dir, 'host_key.pub'), 'utf8')}`);
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // Root (CI) may log in only with a key bound to a forced command.
      'PermitRootLogin forced-commands-only',
      // The keys live in a temp folder under /tmp (mode 1777), which StrictModes would refuse; the
      // modes sync-keys gives ~/.ssh and authorized_keys are checked in test/operations/users.test.ts.
      'StrictModes no',
      // Forwarding allowed by the server: the refusal must come from the key's `restrict`.
      'AllowTcpForwarding yes',
      'PermitTTY yes',
      'LogLevel VERBOSE',
    ].join('\n') + '\n',
  );
  // sshd running as root wants its privilege-separation directory (Debian's is created by the service unit).
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const log = openSync(join(dir, 'sshd.log'), 'a');
  sshd = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', log, log] });
  await until('sshd to listen', async () => {
    if (sshd.exitCode !== null) throw new Error(`sshd exited: ${readFileSync(join(dir, 'sshd.log'), 'utf8')}`);
    const banner = await firstBytes(port);
    return banner?.startsWith('SSH-') ? banner : null;
  });
});

afterAll(() => {
  if (sshd?.pid !== undefined && sshd.exitCode === null) process.kill(sshd.pid, 'SIGTERM');
  spawnSync('tmux', ['-L', `slx-ssh-${process.pid}`, 'kill-server']);
  console.log(
    `ssh test: ${tally.attempts} commands over ssh, ${tally.allowed} allowed as expected, ${tally.refused} refused as expected`,
  );
});

describe('over a real sshd', () => {
  it("authorized_keys: one forced-command line per key, the account's own line kept", () => {
    const lines = readFileSync(join(dir, 'authorized_keys'), 'utf8').split('\n');
    expect(lines[0]).toBe("# the service account's own line");
    const wang = lines.find((l) => l.endsWith('sanlianxi:wang'));
    expect(wang).toMatch(
      new RegExp(`^command="${process.execPath} ${MAIN} --data \\S+ --user wang",restrict,pty ssh-ed25519 `),
    );
  });

  it("the matrix's representative part: every role × every command behind -h … --no-help, and every spelling on overdue, as README's table says", () => {
    mkdirSync(join(dir, 'scratch'));
    const other = join(dir, 'other.json');
    writeFileSync(other, readFileSync(data));
    const otherBefore = readFileSync(other);
    const names = matrixCommands('')
      .map((c) => c.name)
      .filter((n) => n !== '');
    const representative = (command: string) => /^-h .* --no-help$/.test(command) || /^overdue /.test(command);
    for (const c of matrixCases(join(dir, 'scratch'), other).filter((m) => representative(m.command))) {
      const before = datastoreState();
      tally.attempts += 1;
      const r = ssh(c.login, c.command, [], Buffer.alloc(0));
      judgeCase(
        c,
        { code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr },
        datastoreState() !== before,
        names,
      );
      if (c.expected.kind === 'refused') tally.refused += 1;
      else tally.allowed += 1;
    }
    expect(readFileSync(other).equals(otherBefore)).toBe(true);
    expect(readdirSync(join(dir, 'scratch'))).toEqual([]);
  });

  it('each role runs its commands; the journal names who logged', () => {
    const allowed: Array<[Login, string, (out: string) => void]> = [
      [
        'zhang',
        'overdue --as-of 2026-09-20 --json',
        (o) =>
          expect(new Set((JSON.parse(o) as Array<{ college: string }>).map((r) => r.college))).toEqual(
            new Set(['经济管理学院', '机电信息学院']),
          ),
      ],
      [
        'wang',
        'overdue --as-of 2026-09-20 --json',
        (o) =>
          expect(new Set((JSON.parse(o) as Array<{ college: string }>).map((r) => r.college))).toEqual(
            new Set(['经济管理学院']),
          ),
      ],
      [
        'li',
        'overdue --as-of 2026-09-20 --json',
        (o) =>
          expect(new Set((JSON.parse(o) as Array<{ college: string }>).map((r) => r.college))).toEqual(
            new Set(['经济管理学院', '机电信息学院']),
          ),
      ],
      [
        'wang',
        "log --cadre 张三 --type 班级 --target 会计1班 --date 2026-09-10 --note '座谈，全班 30 人'",
        (o) => expect(o).toContain('已记录：张三 班级 会计1班 2026-09-10'),
      ],
      [
        'zhang',
        'log --cadre 周七 --type 班级 --target 软件1班 --date 2026-09-11',
        (o) => expect(o).toContain('已记录：周七 班级 软件1班'),
      ],
      [
        'wang',
        'contacts --json',
        (o) =>
          expect(new Set((JSON.parse(o) as Array<{ target: string }>).map((c) => c.target))).toEqual(
            new Set(['会计1班']),
          ),
      ],
      ['zhang', 'check', (o) => expect(o).not.toBe('')],
      ['li', 'history', (o) => expect(o).toContain('王芳（wang）')],
    ];
    for (const [login, command, check] of allowed) {
      tally.attempts += 1;
      const r = ssh(login, command);
      expect(r.stderr, `${login}: ${command}`).toBe('');
      expect(r.code, `${login}: ${command}`).toBe(0);
      check(r.stdout.toString('utf8'));
      tally.allowed += 1;
    }
    const history = JSON.parse(ssh('zhang', 'history --json').stdout.toString('utf8')) as Array<{
      user: string;
      summary: string;
    }>;
    expect(history.slice(0, 2).map((e) => e.user)).toEqual(['张老师（zhang）', '王芳（wang）']);
  });

  it('refused: other colleges, viewers, pinned options, shell syntax, newlines — the datastore unchanged, nothing run', () => {
    const pwned = join(dir, 'pwned');
    const refused: Array<[Login, string, RegExp]> = [
      [
        'wang',
        'log --cadre 周七 --type 班级 --target 软件1班 --date 2026-09-12',
        /只能修改本学院（经济管理学院）的记录：干部“周七”属于其他学院/,
      ],
      ['wang', 'end --cadre 周七 --date 2026-10-01 --reason 调整', /干部“周七”属于其他学院/],
      ['wang', 'log --cadre 张三 --type 班级 --target 软件1班 --date 2026-09-12', /班级“软件1班”属于其他学院/],
      ['wang', 'assign --cadre 李四 --class 软件1班 --start 2026-10-01', /班级“软件1班”属于其他学院/],
      ['li', 'log --cadre 张三 --type 班级 --target 会计1班', /不能运行“/],
      ['li', 'undo', /不能运行“undo”/],
      ['wang', 'users list', /不能运行“users”/],
      ['zhang', 'users add eve --name 夏娃 --role school', /不能运行“users”/],
      ['zhang', 'init --school 另一所 --force', /不能运行“init”/],
      ['zhang', 'restore 1', /不能运行“restore”/],
      ['wang', 'import /etc/passwd', /只能从标准输入导入/],
      ['li', 'import -', /不能运行“/],
      ['wang', 'exports get ../zhang/附件2.xlsx --out -', /不是你的导出文件夹中的文件名/],
      ['wang', 'exports get /etc/passwd --out -', /不是你的导出文件夹中的文件名/],
      ['wang', 'overdue --data /other/file.json', /不能指定 --data/],
      ['wang', 'overdue --data=/other/file.json', /不能指定 --data/],
      ['wang', 'overdue --user zhang', /不能指定 --user/],
      ['wang', `overdue; touch ${pwned}`, /shell 运算符/],
      ['wang', `overdue && touch ${pwned}`, /shell 运算符/],
      ['wang', `overdue | touch ${pwned}`, /shell 运算符/],
      ['wang', `overdue > ${pwned}`, /shell 运算符/],
      ['wang', `overdue $(touch ${pwned})`, /命令替换/],
      ['wang', `overdue \`touch ${pwned}\``, /命令替换/],
      ['wang', `overdue\ntouch ${pwned}`, /换行或控制字符/],
      ['wang', `export form2 --out ${join(dir, 'x.xlsx')}`, /只能导出到标准输出/],
    ];
    const before = datastoreState();
    for (const [login, command, message] of refused) {
      tally.attempts += 1;
      const r = ssh(login, command);
      expect(r.code, `${login}: ${command}`).toBe(1);
      expect(r.stderr, `${login}: ${command}`).toMatch(message);
      expect(r.stderr.trim().split('\n'), `${login}: ${command}`).toHaveLength(1);
      tally.refused += 1;
    }
    expect(datastoreState()).toBe(before);
    expect(existsSync(pwned)).toBe(false);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('port forwards are refused by the key (restrict), though the server allows them', async () => {
    tally.attempts += 1;
    const remote = ssh('wang', 'overdue --count', ['-o', 'ExitOnForwardFailure=yes', '-R', '0:127.0.0.1:22']);
    expect(remote.code).not.toBe(0);
    expect(remote.stderr).toMatch(/forwarding failed/i);
    tally.refused += 1;

    tally.attempts += 1;
    const local = await freePort();
    const tunnel = spawn('ssh', [...sshArgs('wang', ['-N', '-L', `${local}:127.0.0.1:${port}`])], { stdio: 'ignore' });
    try {
      // The tunnel's listener is the client's; what matters is that the server opens no channel through it.
      const got = await until('the tunnel to listen', async () => {
        const bytes = await firstBytes(local);
        return bytes === null ? null : bytes;
      });
      expect(got).not.toContain('SSH-');
      tally.refused += 1;
    } finally {
      tunnel.kill('SIGTERM');
    }
  });

  it('export form2 --out - brings back a workbook that opens, her college only', async () => {
    tally.attempts += 1;
    const r = ssh('wang', 'export form2 --out - --as-of 2026-09-20');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已导出附件2：标准输出');
    writeFileSync(join(dir, '附件2.xlsx'), r.stdout);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '附件2.xlsx'));
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String)).join(' ');
    expect(cells).toContain('张三');
    expect(cells).toContain('会计1班');
    expect(cells).not.toContain('周七');
    expect(cells).not.toContain('软件1班');
    tally.allowed += 1;
  });

  it("import - reads the roster from standard input: her college's rows imported, a roster touching another college refused whole", async () => {
    const other = readFileSync(
      await fillRoster(join(dir, 'other.xlsx'), {
        干部: [cadreRow('T020', '孙八', '经济管理学院'), cadreRow('T021', '吴九', '机电信息学院')],
      }),
    );
    const own = readFileSync(
      await fillRoster(join(dir, 'own.xlsx'), { 干部: [cadreRow('T020', '孙八', '经济管理学院')] }),
    );
    const before = datastoreState();
    tally.attempts += 1;
    const refusedImport = ssh('wang', 'import -', [], other);
    expect(refusedImport.code).toBe(1);
    expect(refusedImport.stderr).toMatch(
      /^王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改涉及其他学院的干部 吴九.*未做任何改动\n$/,
    );
    expect(datastoreState()).toBe(before);
    tally.refused += 1;

    tally.attempts += 1;
    const imported = ssh('wang', 'import -', [], own);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.toString('utf8')).toBe('已导入 标准输入：干部 新增 1、更新 0\n');
    expect(sanlianxi(['history'])).toMatch(/王芳（wang）.*导入花名册/);
    tally.allowed += 1;
  });

  it('exports list and exports get bring back what was exported into her folder, and only hers', async () => {
    const folder = join(dir, 'data', 'exports', 'wang');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // What the TUI over SSH writes there (tested in test/ui/ssh-exports.test.tsx), made here by the CLI.
    sanlianxi(['export', 'form2', '--out', join(folder, '附件2.xlsx'), '--as-of', '2026-09-20']);
    tally.attempts += 1;
    const listed = ssh('wang', 'exports list');
    expect(listed.code).toBe(0);
    expect(listed.stdout.toString('utf8')).toContain('附件2.xlsx');
    tally.allowed += 1;

    tally.attempts += 1;
    const got = ssh('wang', 'exports get 附件2.xlsx --out -');
    expect(got.code).toBe(0);
    expect(got.stderr).toMatch(/已取回 附件2.xlsx/);
    expect(Buffer.compare(got.stdout, readFileSync(join(folder, '附件2.xlsx')))).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(got.stdout as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    tally.allowed += 1;

    tally.attempts += 1;
    const other = ssh('li', 'exports get 附件2.xlsx --out -');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/你的导出文件夹中没有文件“附件2.xlsx”/);
    expect(other.stdout.length).toBe(0);
    tally.refused += 1;
  });

  it('the terminal UI draws over ssh -t', async () => {
    tally.attempts += 1;
    const tmux = (...args: string[]) =>
      spawnSync('tmux', ['-L', `slx-ssh-${process.pid}`, ...args], { encoding: 'utf8' });
    const command = ['ssh', '-t', ...sshArgs('wang')].join(' ');
    expect(tmux('new-session', '-d', '-s', 'tui', '-x', '80', '-y', '24', `${command}; sleep 60`).status).toBe(0);
    const screen = await until('the TUI to draw', () => {
      const text = tmux('capture-pane', '-p', '-t', 'tui').stdout;
      return text.includes('三联系') ? text : null;
    });
    expect(screen).toContain('测试职业技术学院 三联系');
    tmux('send-keys', '-t', 'tui', 'q');
    tally.allowed += 1;
  });
});
