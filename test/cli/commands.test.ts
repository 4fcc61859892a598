// The command line as a secretary uses it over SSH: exit codes, stdout, stderr lines, the file on disk.
// Each command runs in this process through run(argv); cli-process.test.ts runs a few as real processes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli as run } from '../helpers/run-cli.js';

let file: string;
beforeEach(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'slx-cli-')), 'data.json');
  writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
});

describe('sanlianxi commands', async () => {
  it('log --date 12-28 in January is the December just past, not this December ahead', async () => {
    expect((await run(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(
      0,
    );
    const log = ['log', '--cadre', '张三', '--type', '寝室', '--target', '1号楼-101', '--as-of', '2027-01-05'];
    const december = await run([...log, '--date', '12-28'], file);
    expect(december.stderr).toBe('');
    expect(december.stdout).toContain('已记录：张三 寝室 1号楼-101 2026-12-28 寝室走访');
    // A month-day not yet past this year is this year's.
    expect((await run([...log, '--date', '1-4'], file)).stdout).toContain('2027-01-04');
  });

  it('assign, log and overdue --json: the logged window disappears', async () => {
    expect(
      (
        await run(
          ['assign', '--cadre', '张三', '--class', '会计1班', '--students', '2025001', '--start', '2026-09-01'],
          file,
        )
      ).code,
    ).toBe(0);
    const before = JSON.parse((await run(['overdue', '--as-of', '2026-09-20', '--json'], file)).stdout) as Array<
      Record<string, unknown>
    >;
    expect(before.map((r) => `${r['duty']} ${r['target']} ${r['status']} ${r['days']}`)).toEqual([
      'class 会计1班 due 122',
      'dorm 1号楼-101、1号楼-102 due 10',
      'student 2025001 小明 due 10',
    ]);
    const logged = await run(
      [
        'log',
        '--cadre',
        'T001',
        '--type',
        '寝室',
        '--target',
        '1号楼-102',
        '--date',
        '2026-09-18',
        '--as-of',
        '2026-09-20',
      ],
      file,
    );
    expect(logged.code).toBe(0);
    expect(logged.stdout).toContain('已记录：张三 寝室 1号楼-102 2026-09-18 寝室走访');
    const after = JSON.parse((await run(['overdue', '--as-of', '2026-09-20', '--json'], file)).stdout) as Array<
      Record<string, unknown>
    >;
    expect(after.map((r) => r['duty'])).toEqual(['class', 'student']);
    const text = (await run(['overdue', '--as-of', '2026-10-02'], file)).stdout;
    expect(text).toContain('逾期 1 项');
    expect(text).toMatch(/逾期\s+2天\s+张三\s+经济管理学院\s+困难生\s+2025001 小明/);
  });

  it('a lone "-" is standard input only after import: a note of "-" stays "-"', async () => {
    expect((await run(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(
      0,
    );
    expect(
      (
        await run(
          [
            'log',
            '--cadre',
            '张三',
            '--type',
            '班级',
            '--target',
            '会计1班',
            '--date',
            '2026-09-18',
            '--note',
            '-',
            '--as-of',
            '2026-09-20',
          ],
          file,
        )
      ).code,
    ).toBe(0);
    const contacts = JSON.parse((await run(['contacts', '--json'], file)).stdout) as Array<{ note: string }>;
    expect(contacts.map((c) => c.note)).toEqual(['-']);
  });

  it('log refuses the same contact again (cadre, type, target, date) in one line, exit 1, unless --again', async () => {
    expect((await run(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(
      0,
    );
    const log = [
      'log',
      '--cadre',
      '张三',
      '--type',
      '班级',
      '--target',
      '会计1班',
      '--date',
      '2026-09-18',
      '--note',
      '班会',
      '--as-of',
      '2026-09-20',
    ];
    expect((await run(log, file)).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const again = await run(log, file);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toEqual([
      '张三 2026-09-18 与 会计1班 的联系已有记录（座谈会，班会），未重复记录：确要再记一条请加 --again',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Another date, or another target, is a new contact.
    expect((await run([...log.slice(0, 7), '--date', '2026-09-19', '--as-of', '2026-09-20'], file)).code).toBe(0);
    const forced = await run([...log, '--again'], file);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('已记录：张三 班级 会计1班 2026-09-18 座谈会');
    const saved = await new DatastoreFile(file).load();
    expect(saved.contacts.filter((c) => c.date === '2026-09-18')).toHaveLength(2);
  });

  it('user errors: one Chinese line on stderr, exit 1, the file untouched', async () => {
    const before = readFileSync(file, 'utf8');
    const cases: Array<[string[], RegExp]> = [
      [['assign', '--cadre', '赵六', '--class', '会计1班'], /找不到干部“赵六”/],
      [['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-02-30'], /开始日期“2026-02-30”无效/],
      [
        ['log', '--cadre', '张三', '--type', '寝室', '--target', '1号楼-101', '--date', '2026-09-18'],
        /没有有效的联系分配/,
      ],
      [['log', '--cadre', '张三', '--type', '食堂', '--target', 'x'], /类型“食堂”无效/],
      [['end', '--cadre', '张三', '--date', '2026-10-01', '--reason', '退休'], /结束原因“退休”无效/],
      [['overdue', '--college', '不存在学院'], /找不到学院“不存在学院”/],
      [['log', '--cadre', '张三'], /缺少这些必须的选项/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, file);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a corrupt datastore is reported with its file and field, and never overwritten', async () => {
    writeFileSync(file, '{"schemaVersion": 1, "settings": ');
    const r = await run(['log', '--cadre', '张三', '--type', '班级', '--target', '会计1班'], file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据文件 ${file} 不是有效的 JSON`);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "settings": ');

    const bad = smallSchool([AUTUMN]) as unknown as { cadres: Array<Record<string, unknown>> };
    bad.cadres[1]!['status'] = '退休';
    writeFileSync(file, JSON.stringify(bad));
    const v = await run(['check'], file);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/校验失败：cadres\[1\]\.status（李四）/);
  });

  it('a datastore from a newer version is refused', async () => {
    writeFileSync(file, JSON.stringify({ ...smallSchool([AUTUMN]), schemaVersion: 99 }));
    const r = await run(['overdue'], file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('由更新版本的 sanlianxi 写入');
  });

  it('init creates a datastore and refuses to overwrite one; --help is Chinese', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'slx-init-')), 'new.json');
    const r = await run(['init', '--school', '测试学院', '--as-of', '2026-11-25'], fresh);
    expect(r.code).toBe(0);
    expect((await new DatastoreFile(fresh).load('none')).settings.terms[0]).toEqual({
      name: '2026-2027学年第一学期',
      start: '2026-09-01',
      end: '2027-01-20',
    });
    expect((await run(['init', '--school', '测试学院'], fresh)).stderr).toContain('已存在');
    const help = (await run(['overdue', '--help'], fresh)).stdout;
    expect(help).toContain('选项：');
    expect(help).toContain('按此日期计算');
    const usage = await run(['--help']);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain('用法：sanlianxi [命令] [选项]');
    // The top-level --as-of is the terminal interface's (the default command), not an option of every command.
    expect(usage.stdout).toMatch(/--as-of\s+（仅终端界面）/);
  });

  it('names with terminal escape sequences are printed neutralised', async () => {
    const data = smallSchool([AUTUMN]);
    data.cadres[0]!.name = '张三\u001b[2J\u001b[31m';
    writeFileSync(file, JSON.stringify(data));
    expect((await run(['assign', '--cadre', 'T001', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(
      0,
    );
    const out = (await run(['overdue', '--as-of', '2026-10-05'], file)).stdout;
    expect(out).toContain('张三�[2J�[31m');
    expect(out).not.toContain('\u001b');
  });

  it("a change's message, remind's and overdue's text, export's notes neutralise the names they repeat", async () => {
    // Such a name is kept from data saved before the forms refused it (or written on the server by hand).
    const data = smallSchool([{ ...AUTUMN, name: `${AUTUMN.name}\u001b[2J` }]);
    for (const cadre of data.cadres) cadre.name += '\u001b]0;x\u0007\u202e\u009b';
    writeFileSync(file, JSON.stringify(data));
    const said = [
      await run(['assign', '--cadre', 'T001', '--class', '会计1班', '--start', '2026-09-01'], file),
      await run(['log', '--cadre', 'T001', '--type', '班级', '--target', '会计1班', '--date', '2026-09-03'], file),
      await run(['remind', '--as-of', '2026-10-05'], file),
      await run(['overdue', '--as-of', '2026-10-05'], file),
      await run(['end', '--cadre', 'T001', '--date', '2026-10-30', '--reason', '离职'], file),
      await run(['export', 'form1', '--out', join(dirname(file), '附件1.xlsx'), '--as-of', '2026-11-05'], file),
    ];
    for (const r of said) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/(张三|李四)�]0;x���/);
      // eslint-disable-next-line no-control-regex -- control characters are what must not be printed
      expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b\u009b\u202e]/);
    }
  });

  it('without a terminal the UI refuses with exit 1 and names the commands to use, the file untouched', async () => {
    const before = readFileSync(file, 'utf8');
    const r = await run(['--as-of', '2026-09-20'], file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('终端界面需要在交互式终端中打开');
    expect(r.stderr).toContain('sanlianxi overdue --json');
    expect(r.stderr).not.toContain('Raw mode');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
