// Many secretaries, one datastore (issue 14): users and roles, who the journal names, scope enforced on
// every change and read, and the SSH forced command's checks — here with SSH's environment set by hand;
// test/ssh/ssh.test.ts runs the same through a real sshd.
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../source/domain/vocabulary.js';
import { clientArgv } from '../../source/cli/forced-command.js';
import { cadreRow, fillRoster } from '../helpers/filled-roster.js';
import { assertWithinScope } from '../../source/domain/scope-check.js';
import { BLOCK_BEGIN, BLOCK_END, withBlock } from '../../source/io/authorized-keys.js';
import { migrate } from '../../source/store/migrations.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli as run } from '../helpers/run-cli.js';

// Keys of the right shape (sshd is not asked here; the ssh test uses generated ones).
const KEY = (n: number) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${String(n).padStart(43, 'A')}`;
const ME = userInfo().username;

let file: string;
let dir: string;

/** Two colleges with an assigned cadre each: 张三 (经管) on 会计1班, 周七 (机电) on 软件1班. */
async function school(): Promise<void> {
  const data = smallSchool([AUTUMN]);
  data.cadres.push({ ...data.cadres[0]!, id: 'c_zq', name: '周七', employeeNo: 'T009', collegeId: 'col_jd' });
  writeFileSync(file, JSON.stringify(data));
  for (const [cadre, cls] of [
    ['张三', '会计1班'],
    ['周七', '软件1班'],
  ]) {
    expect((await run(['assign', '--cadre', cadre!, '--class', cls!, '--start', '2026-09-01'], file)).code).toBe(0);
  }
  const users: string[][] = [
    ['zhang', '--name', '张老师', '--role', 'school', '--key', KEY(1)],
    ['wang', '--name', '王芳', '--role', 'college', '--college', '经济管理学院', '--key', `${KEY(2)} wang@laptop`],
    ['li', '--name', '李院长', '--role', 'viewer', '--key', KEY(3)],
  ];
  for (const u of users) expect((await run(['users', 'add', ...u], file)).stderr).toBe('');
}

/** `ssh sanlianxi@server <command>` as sshd runs the forced command of `login`'s key. */
function ssh(login: string, command: string | undefined) {
  process.env['SSH_CONNECTION'] = '127.0.0.1 50000 127.0.0.1 22';
  if (command === undefined) delete process.env['SSH_ORIGINAL_COMMAND'];
  else process.env['SSH_ORIGINAL_COMMAND'] = command;
  return run(['--data', file, '--user', login]);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slx-users-'));
  file = join(dir, 'data.json');
});
afterEach(() => {
  delete process.env['SSH_CONNECTION'];
  delete process.env['SSH_ORIGINAL_COMMAND'];
});

describe('users', () => {
  it('a version-2 datastore is upgraded with no users', () => {
    const { users: _u, ...v2 } = { ...smallSchool(), schemaVersion: 2 };
    const data = migrate(v2 as unknown as Record<string, unknown>, 'x.json');
    expect(data['users']).toEqual([]);
    expect(data['schemaVersion']).toBe(SCHEMA_VERSION);
  });

  it('add, list, set and remove; bad input is one line and changes nothing', async () => {
    await school();
    const list = JSON.parse((await run(['users', 'list', '--json'], file)).stdout) as Array<Record<string, unknown>>;
    expect(list.map((u) => [u['login'], u['name'], u['role'], u['colleges'], u['keys']])).toEqual([
      ['zhang', '张老师', 'school', [], [KEY(1)]],
      ['wang', '王芳', 'college', ['经济管理学院'], [KEY(2)]],
      ['li', '李院长', 'viewer', [], [KEY(3)]],
    ]);
    const before = readFileSync(file, 'utf8');
    const bad: Array<[string[], RegExp]> = [
      [['users', 'add', 'Wang!', '--name', 'x', '--role', 'viewer'], /登录名“Wang!”无效/],
      [['users', 'add', 'wang', '--name', 'x', '--role', 'viewer'], /用户 wang 已存在/],
      [['users', 'add', 'zhao', '--name', '赵', '--role', 'college'], /请用 --college 指定其学院/],
      [['users', 'add', 'zhao', '--name', '赵', '--role', 'admin'], /角色“admin”无效/],
      [
        ['users', 'add', 'zhao', '--name', '赵', '--role', 'viewer', '--key', 'ssh-ed25519 AAAA\ncommand="sh" x'],
        /不是 OpenSSH 公钥/,
      ],
      [['users', 'add', 'zhao', '--name', '赵', '--role', 'viewer', '--key', KEY(2)], /公钥已属于用户 wang/],
      [['users', 'set', 'nobody', '--name', 'x'], /没有登录名为 nobody 的用户/],
    ];
    for (const [args, message] of bad) {
      const r = await run(args, file);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(
      (await run(['users', 'set', 'li', '--role', 'college', '--college', '机电信息学院'], file)).stdout,
    ).toContain('已修改用户 李院长（li，二级学院）');
    expect((await run(['users', 'remove', 'li'], file)).code).toBe(0);
    expect((await run(['users', 'list'], file)).stdout).not.toContain('李院长');
  });

  it('sync-keys writes the marked block, keeps the lines outside it, mode 0600', async () => {
    await school();
    const keys = join(dir, 'ssh', 'authorized_keys');
    const r = await run(['users', 'sync-keys', '--file', keys, '--program', '/usr/local/bin/sanlianxi'], file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('3 位用户的 3 个公钥');
    writeFileSync(keys, `ssh-ed25519 AAAAadmin admin@desk\n${readFileSync(keys, 'utf8')}# after\n`);
    const text = withBlock(readFileSync(keys, 'utf8'), ['x']);
    expect(text).toBe(`ssh-ed25519 AAAAadmin admin@desk\n${BLOCK_BEGIN}\nx\n${BLOCK_END}\n# after\n`);
    const lines = readFileSync(keys, 'utf8').split('\n');
    expect(lines).toContain(
      `command="/usr/local/bin/sanlianxi --data ${resolve(file)} --user wang",restrict,pty ${KEY(2)} sanlianxi:wang`,
    );
    expect(statSync(keys).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'ssh')).mode & 0o777).toBe(0o700);
  });
});

describe('identity and scope', () => {
  it('the journal names each secretary by 姓名 and login', async () => {
    await school();
    expect(
      (await ssh('wang', "log --cadre 张三 --type 班级 --target 会计1班 --date 2026-09-10 --note '家访 后'")).code,
    ).toBe(0);
    const history = JSON.parse((await ssh('zhang', 'history --json')).stdout) as Array<{
      user: string;
      action: string;
    }>;
    expect(history[0]).toMatchObject({ user: '王芳（wang）', action: '记录联系' });
    expect(history.at(-1)?.user).toBe(ME);
  });

  it("every change made as a forced command's user is journaled under her name — a restore too, never the service account", async () => {
    await school();
    const zhang = new ScopedStore(file, undefined, { login: 'zhang', forced: true });
    // The newest backup: her own user is in it.
    const newest = (await zhang.backups()).at(-1)!;
    await zhang.restore(newest.id, { action: '恢复备份' });
    const history = JSON.parse((await run(['history', '--json'], file)).stdout) as Array<{
      user: string;
      action: string;
    }>;
    expect(history[0]).toMatchObject({ user: '张老师（zhang）', action: '恢复备份' });
    // Over SSH restore is refused: the server's console only.
    const before = readFileSync(file, 'utf8');
    expect(await ssh('zhang', `restore ${newest.id}`)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^SSH 命令被拒绝：.*不能运行“restore”/),
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a college secretary sees and changes only her college; a viewer changes nothing; all refusals leave the file as it was', async () => {
    await school();
    const rows = JSON.parse((await ssh('wang', 'overdue --as-of 2026-09-20 --json')).stdout) as Array<
      Record<string, unknown>
    >;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r['college']))).toEqual(new Set(['经济管理学院']));
    const all = JSON.parse((await ssh('zhang', 'overdue --as-of 2026-09-20 --json')).stdout) as Array<
      Record<string, unknown>
    >;
    expect(new Set(all.map((r) => r['college']))).toEqual(new Set(['经济管理学院', '机电信息学院']));

    const before = readFileSync(file, 'utf8');
    const refused: Array<[string, string, RegExp]> = [
      [
        'wang',
        'log --cadre 周七 --type 班级 --target 软件1班',
        /只能修改本学院（经济管理学院）的记录：干部“周七”属于其他学院/,
      ],
      ['wang', 'end --cadre 周七 --date 2026-10-01 --reason 调整', /干部“周七”属于其他学院/],
      ['wang', 'assign --cadre 李四 --class 软件1班 --start 2026-10-01', /班级“软件1班”属于其他学院/],
      // --college and remind's --cadre name another college's record: said so, not 找不到.
      ...['overdue', 'coverage', 'contacts', 'remind', 'export form2 --out -'].map(
        (command): [string, string, RegExp] => [
          'wang',
          `${command} --college 机电信息学院`,
          /只能查看本学院（经济管理学院）的记录：学院“机电信息学院”是其他学院/,
        ],
      ),
      ['wang', 'remind --cadre 周七', /只能查看本学院（经济管理学院）的记录：干部“周七”属于其他学院/],
      ['wang', 'overdue --college 不存在学院', /找不到学院“不存在学院”：已有的学院有 经济管理学院$/m],
      ['wang', 'users list', /不能运行“/],
      ['wang', 'overdue --data /other/file.json', /不能指定 --data/],
      ['wang', 'overdue --data=/other/file.json', /不能指定 --data/],
      ['wang', 'overdue --no-data', /不能指定 --data/],
      ['wang', 'overdue --user zhang', /不能指定 --user/],
      ['wang', 'overdue; rm -rf /', /shell 运算符/],
      ['wang', 'overdue && rm -rf /', /shell 运算符/],
      ['wang', 'overdue | tee x', /shell 运算符/],
      ['wang', 'overdue > /tmp/x', /shell 运算符/],
      ['wang', 'overdue $(rm -rf /)', /命令替换/],
      ['wang', 'overdue `id`', /命令替换/],
      ['wang', 'overdue\nrm -rf /', /换行或控制字符/],
      ['wang', 'export form2 --out /tmp/x.xlsx', /只能导出到标准输出/],
      ['wang', 'import /tmp/roster.xlsx', /只能从标准输入导入/],
      ['wang', 'import - /tmp/roster.xlsx', /无法识别的选项：\/tmp\/roster.xlsx/],
      ['li', 'import -', /不能运行“/],
      ['li', 'log --cadre 张三 --type 班级 --target 会计1班', /不能运行“/],
      ['li', 'undo', /不能运行“undo”/],
      ['nobody', 'overdue', /用户 nobody 未登记或已被删除/],
    ];
    for (const [login, command, message] of refused) {
      const r = await ssh(login, command);
      expect(r.code, `${login}: ${command}`).toBe(1);
      expect(r.stderr, `${login}: ${command}`).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      // Nothing of the other college is named in her refusals.
      expect(r.stderr, `${login}: ${command}`).not.toMatch(/周七（|软件1班（|小红/);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('locally the OS account is mapped to its registered user: a viewer there changes nothing', async () => {
    await school();
    expect((await run(['users', 'add', ME, '--name', '本机用户', '--role', 'viewer'], file)).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = await run(['log', '--cadre', '张三', '--type', '班级', '--target', '会计1班'], file);
    expect(r).toMatchObject({ code: 1, stderr: `本机用户（${ME}）是只读用户，不能修改数据：未做任何改动\n` });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--user is refused outside an SSH forced command', async () => {
    await school();
    const r = await run(['--user', 'zhang', 'overdue'], file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--user 只能由 SSH 登录时的强制命令给出/);
  });

  it('export --out - writes the workbook to standard output, her college only', async () => {
    await school();
    // Standard output's bytes, in process (through a real process and sshd: test/ssh).
    const out: Buffer[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: unknown[]
    ) => {
      out.push(Buffer.from(chunk));
      for (const done of rest) if (typeof done === 'function') done();
      return true;
    }) as typeof process.stdout.write);
    const r = await ssh('wang', 'export form2 --out - --as-of 2026-09-20').finally(() => write.mockRestore());
    expect(r.stderr).toMatch(/已导出附件2：标准输出/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(out) as unknown as ArrayBuffer);
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(cells.some((c) => c.includes('张三'))).toBe(true);
    expect(cells.some((c) => c.includes('周七') || c.includes('软件1班'))).toBe(false);
  });

  it("import - over SSH: a college secretary imports her college's roster from standard input; one touching another college is refused whole", async () => {
    await school();
    // The workbook on standard input, as sshd passes what the client redirected into ssh (in process).
    const sshImport = async (login: string, input: Buffer) => {
      const stdin = vi
        .spyOn(process, 'stdin', 'get')
        .mockReturnValue(Readable.from([input]) as unknown as typeof process.stdin);
      try {
        return await ssh(login, 'import -');
      } finally {
        stdin.mockRestore();
      }
    };
    const other = readFileSync(
      await fillRoster(join(dir, 'other.xlsx'), {
        干部: [cadreRow('T020', '孙八', '经济管理学院'), cadreRow('T021', '吴九', '机电信息学院')],
      }),
    );
    const before = readFileSync(file, 'utf8');
    const refusedOther = await sshImport('wang', other);
    expect(refusedOther.code).toBe(1);
    expect(refusedOther.stderr).toMatch(
      /^王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改涉及其他学院的干部 吴九/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);

    const own = readFileSync(
      await fillRoster(join(dir, 'own.xlsx'), { 干部: [cadreRow('T020', '孙八', '经济管理学院')] }),
    );
    expect(await sshImport('wang', own)).toMatchObject({
      code: 0,
      stdout: '已导入 标准输入：干部 新增 1、更新 0\n',
      stderr: '',
    });
    const history = (await run(['history'], file)).stdout;
    expect(history).toMatch(/王芳（wang）.*导入花名册/);
  }, 60_000);

  it("exports list shows only her own folder; exports get takes a plain file name there, never a path, a link or another secretary's file", async () => {
    await school();
    expect((await ssh('wang', 'exports list')).stdout).toMatch(/你的导出文件夹中还没有文件/);
    const folder = join(dir, 'exports', 'wang');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(join(folder, '附件2-2026-11-25.xlsx'), 'x'.repeat(2048));
    symlinkSync('/etc/passwd', join(folder, 'passwd.xlsx'));
    const listed = await ssh('wang', 'exports list');
    expect(listed.stdout).toContain('附件2-2026-11-25.xlsx');
    expect(listed.stdout).toContain('2.0 KB');
    expect(listed.stdout).not.toContain('passwd');
    expect((await ssh('li', 'exports list')).stdout).toMatch(/还没有文件/);
    const refused: Array<[string, string, RegExp]> = [
      ['wang', 'exports get ../zhang/附件2.xlsx --out -', /不是你的导出文件夹中的文件名/],
      ['wang', 'exports get .. --out -', /不是你的导出文件夹中的文件名/],
      ['wang', 'exports get passwd.xlsx --out -', /你的导出文件夹中没有文件“passwd.xlsx”/],
      ['wang', 'exports get 附件2-2026-11-25.xlsx --out /tmp/x.xlsx', /只能导出到标准输出/],
      ['wang', 'exports get 附件2-2026-11-25.xlsx', /缺少必须的选项：out/],
      ['li', 'exports get 附件2-2026-11-25.xlsx --out -', /你的导出文件夹中没有文件/],
    ];
    for (const [login, command, message] of refused) {
      const r = await ssh(login, command);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(message);
    }
  });

  it("a college secretary's log copies no data for her scope check: her view and the comparison use the store's frozen records", async () => {
    await school();
    const clone = vi.spyOn(globalThis, 'structuredClone');
    try {
      const r = await ssh('wang', 'log --cadre 张三 --type 班级 --target 会计1班 --date 2026-09-10');
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(clone).not.toHaveBeenCalled();
      // Still refused, naming only what she typed, when it reaches another college.
      const refused = await ssh('wang', 'log --cadre 张三 --type 班级 --target 软件1班 --date 2026-09-10');
      expect(refused.stderr).toMatch(/班级“软件1班”属于其他学院/);
    } finally {
      clone.mockRestore();
    }
  });

  it('a change that reaches another college is refused whole, whatever its route', () => {
    const before = smallSchool([AUTUMN]);
    const wang = { id: 'u_1', login: 'wang', name: '王芳', role: 'college' as const, collegeIds: ['col_jg'], keys: [] };
    const moved = structuredClone(before);
    moved.classes.find((c) => c.id === 'cls_rj')!.headTeacher = '新班主任';
    expect(() => assertWithinScope(wang, before, moved)).toThrow(
      '王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改涉及其他学院的班级（机电信息学院），已全部取消，未做任何改动',
    );
    const into = structuredClone(before);
    into.classes.find((c) => c.id === 'cls_kj')!.collegeId = 'col_jd';
    expect(() => assertWithinScope(wang, before, into)).toThrow(/其他学院的班级（机电信息学院）/);
    const rules = structuredClone(before);
    rules.settings.rules.colleges['col_jd'] = { dormPerMonth: 2 };
    expect(() => assertWithinScope(wang, before, rules)).toThrow(/其他学院的考核细则/);
    const own = structuredClone(before);
    own.settings.rules.colleges['col_jg'] = { dormPerMonth: 2 };
    own.classes.find((c) => c.id === 'cls_kj')!.headTeacher = '新班主任';
    expect(() => assertWithinScope(wang, before, own)).not.toThrow();
  });

  it('splits a command as a shell would quote it, without a shell', () => {
    expect(clientArgv(`log --note '家访，谈心' --cadre "张 三"`)).toEqual([
      'log',
      '--note',
      '家访，谈心',
      '--cadre',
      '张 三',
    ]);
    expect(() => clientArgv('overdue *')).toThrow(/通配符/);
  });
});
