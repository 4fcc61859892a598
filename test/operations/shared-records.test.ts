// Records two colleges share (issue 21): a college secretary changes her part of a 混合寝室 only; what
// the other college sees of it (its classes' links, 寝室长, 人数, 备注, who of hers lives in its dorms)
// stays as it was, her refusals name that college and none of its records, and she cannot undo a change
// outside her scope — through `import -`, the command line and the journal (the terminal UI: ui/scope.test.tsx).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { assertWithinScope } from '../../source/domain/scope-check.js';
import { journalRecordSeen } from '../../source/domain/scope-journal.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { runCli as run } from '../helpers/run-cli.js';
import { sharedDormSchool, WANG } from '../helpers/shared-dorm-school.js';
import { testContext } from '../helpers/fixtures.js';

/** What of 机电信息学院 her messages must never name: its class, its cadre, its student, its own dorm. */
const THEIRS = /软件1班|周七|小红|2号楼-202/;

let dir: string;
let file: string;

function ssh(login: string, command: string, stdin?: Buffer) {
  process.env['SSH_CONNECTION'] = '127.0.0.1 50000 127.0.0.1 22';
  process.env['SSH_ORIGINAL_COMMAND'] = command;
  const spy =
    stdin === undefined
      ? undefined
      : vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin]) as unknown as typeof process.stdin);
  return run(['--data', file, '--user', login]).finally(() => spy?.mockRestore());
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slx-shared-'));
  file = join(dir, 'data.json');
});
afterEach(() => {
  delete process.env['SSH_CONNECTION'];
  delete process.env['SSH_ORIGINAL_COMMAND'];
});

/** Her refusal: exit 1, one line naming 机电信息学院 and nothing of it, the file as it was. */
async function refused(result: Promise<{ code: number; stderr: string }>, message: RegExp) {
  const before = readFileSync(file, 'utf8');
  const r = await result;
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(THEIRS);
  expect(readFileSync(file, 'utf8')).toBe(before);
}

describe('shared records', () => {
  it("import -: a 寝室 row for a 混合寝室 that drops the other class and changes its 寝室长, or a 困难生 row moving her student out of the other college's dorm, is refused whole", async () => {
    const dorm = readFileSync(
      await fillRoster(join(dir, 'dorm.xlsx'), { 寝室: [['2号楼', '201', '会计1班', '新寝室长', 4, '']] }),
    );
    const student = readFileSync(
      await fillRoster(join(dir, 'student.xlsx'), { 困难生: [['2025001', '小明', '会计1班', '', '', '经济困难', '']] }),
    );
    // The other college's cadre holds the dorm: the import's own checks meet his assignment, which they must not name.
    const data = sharedDormSchool();
    assign(
      data,
      { cadreId: 'c_zq', classId: 'cls_rj', studentIds: [], start: '2026-09-01' },
      testContext('2026-09-01'),
    );
    writeFileSync(file, JSON.stringify(data));
    await refused(ssh('wang', 'import -', dorm), /^王芳（wang）.*机电信息学院也看到的寝室 2号楼-201.*未做任何改动\n$/);
    await refused(
      ssh('wang', 'import -', student),
      /^王芳（wang）.*困难生 2025001 小明 住的机电信息学院的寝室.*未做任何改动\n$/,
    );
  }, 20_000);

  it("import -: her 寝室 row for a 混合寝室 lists her classes only; the other college's class stays", async () => {
    const row = readFileSync(
      await fillRoster(join(dir, 'dorm.xlsx'), { 寝室: [['2号楼', '201', '会计1班、物流23班', '寝室长', 4, '']] }),
    );
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    const r = await ssh('wang', 'import -', row);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/已导入.*寝室.*更新 1/);
    const dorm = (await new DatastoreFile(file).load('none')).dorms.find((d) => d.id === 'd_201')!;
    expect([...dorm.classIds].sort()).toEqual(['cls_kj', 'cls_old', 'cls_rj']);
  });

  it("import -: a row naming another college's cadre, class or student says it is that college's, naming only what she typed", async () => {
    const roster = readFileSync(
      await fillRoster(join(dir, 'theirs.xlsx'), {
        寝室: [['9号楼', '901', '软件1班', '', '', '']],
        联系分配: [['周七', '', '会计1班', '2025002', '2026-09-01', '', '']],
      }),
    );
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    const before = readFileSync(file, 'utf8');
    const r = await ssh('wang', 'import -', roster);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(1, -1)).toEqual([
      '寝室, 第3行, 班级: 班级“软件1班”属于其他学院（只能导入本学院的记录）',
      '联系分配, 第3行, 干部姓名: 干部“周七”属于其他学院（只能导入本学院的记录）',
      '联系分配, 第3行, 困难生学号: 困难生“2025002”属于其他学院（只能导入本学院的记录）',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it("log on a 混合寝室 by her own cadre is hers; undo of another user's change outside her scope is refused as such", async () => {
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    expect(await ssh('wang', 'log --cadre 张三 --type 寝室 --target 2号楼-201 --date 2026-09-10')).toMatchObject({
      code: 0,
      stderr: '',
    });
    expect(await ssh('wang', 'undo')).toMatchObject({ code: 0 });
    expect((await ssh('zhang', 'assign --cadre 周七 --class 软件1班 --start 2026-09-01')).code).toBe(0);
    await refused(
      ssh('wang', 'undo'),
      /^王芳（wang）不能撤销第 \d+ 号修改：它改动了机电信息学院的记录，不在你的权限范围内，未做任何改动\n$/,
    );
    // Newest first: the school's assign.
    const [latest] = JSON.parse((await ssh('zhang', 'history --json')).stdout) as Array<{ revision: number }>;
    await refused(ssh('wang', `undo --revision ${latest!.revision}`), /不在你的权限范围内/);
  });

  it("history shows her the changes to her part of a 混合寝室, and nothing of the other college's", async () => {
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    expect((await ssh('wang', 'log --cadre 张三 --type 寝室 --target 2号楼-201 --date 2026-09-10')).code).toBe(0);
    expect((await ssh('zhang', 'assign --cadre 周七 --class 软件1班 --start 2026-09-01')).code).toBe(0);
    expect((await ssh('zhang', 'log --cadre 周七 --type 寝室 --target 2号楼-202 --date 2026-09-11')).code).toBe(0);
    const r = await ssh('wang', 'history --json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      {
        user: '王芳（wang）',
        action: '记录联系',
        summary: '联系记录 新增 1',
        changes: [{ after: { cadreId: 'c_zs', targetId: 'd_201' } }],
      },
    ]);
    expect(r.stdout).not.toMatch(/c_zq|cls_rj/);
    expect((await ssh('wang', 'history')).stdout).toMatch(/王芳（wang）.*记录联系.*联系记录 新增 1/);
  });

  it("the journal as she sees it: her part of a shared record, none of the other college's own", () => {
    const data = sharedDormSchool();
    const seen = journalRecordSeen(new Set(WANG.collegeIds), data);
    expect(
      seen(
        'dorms',
        data.dorms.find((d) => d.id === 'd_201'),
      ),
    ).toMatchObject({ classIds: ['cls_kj'] });
    expect(
      seen(
        'dorms',
        data.dorms.find((d) => d.id === 'd_202'),
      ),
    ).toBeNull();
    expect(
      seen(
        'students',
        data.students.find((s) => s.id === 's_1'),
      ),
    ).toMatchObject({ name: '小明', dormId: null });
    expect(seen('contacts', { id: 'x', cadreId: 'c_zs', duty: 'dorm', targetId: 'd_201' })).not.toBeNull();
    expect(seen('contacts', { id: 'x', cadreId: 'c_zq', duty: 'dorm', targetId: 'd_201' })).toBeNull();
    expect(
      seen(
        'cadres',
        data.cadres.find((c) => c.id === 'c_zq'),
      ),
    ).toBeNull();
    expect(seen('users', WANG)).toBeNull();
  });

  it("a change her part of the data allows but another college's records refuse names that college, not what is in the way", async () => {
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    // The school gave her college's cadre the other college's class; she cannot see that assignment.
    expect((await ssh('zhang', 'assign --cadre 李四 --class 软件1班 --start 2026-09-01')).code).toBe(0);
    await refused(
      ssh('wang', 'assign --cadre 李四 --class 物流23班 --start 2026-09-01'),
      /^王芳（wang）.*这次修改与机电信息学院的记录冲突.*未做任何改动/,
    );
    // 李四 is hers, and 机电信息学院's forms show his name and phone: a new phone is that college's to see changed.
    const phone = readFileSync(
      await fillRoster(join(dir, 'cadre.xlsx'), {
        干部: [['T002', '李四', '经济管理学院', '教务处', '科长', '中共党员', '669999', '', '科职以上干部']],
      }),
    );
    await refused(
      ssh('wang', 'import -', phone),
      /^王芳（wang）.*会改变机电信息学院也看到的干部 李四（.*组织部\/学工部.*未做任何改动\n$/,
    );
  });

  it('a record of another college that she names is refused as such, naming only what she typed; one in no college is not found', async () => {
    writeFileSync(file, JSON.stringify(sharedDormSchool()));
    const theirs = (what: string, verb = '修改') =>
      new RegExp(`^王芳（wang）只能${verb}本学院（经济管理学院）的记录：${what}属于其他学院`);
    for (const [command, what] of [
      ['log --cadre 周七 --type 班级 --target 会计1班 --date 2026-09-10', '干部“周七”'],
      ['log --cadre 张三 --type 困难生 --target 2025002 --date 2026-09-10', '困难生“2025002”'],
      ['assign --cadre T009 --class 会计1班 --start 2026-09-01', '干部“T009”'],
      ['assign --cadre 李四 --class 软件1班 --start 2026-09-01', '班级“软件1班”'],
      ['assign --cadre 李四 --class 会计1班 --dorms 2号楼-202 --start 2026-09-01', '寝室“2号楼-202”'],
      ['reassign --class 会计1班 --to 周七 --date 2026-10-01 --reason 调整', '干部“周七”'],
      ['end --cadre 周七 --date 2026-10-01 --reason 调整', '干部“周七”'],
    ] as const) {
      const before = readFileSync(file, 'utf8');
      const r = await ssh('wang', command);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(theirs(what));
      // Nothing of 机电信息学院 but what she typed: not even which college it is.
      expect(r.stderr.replace(what, '')).not.toMatch(/机电|软件1班|周七|小红|2号楼-202/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
    for (const command of ['contacts --cadre 周七', 'overdue --cadre 周七', 'export form1 --cadre 周七 --out -']) {
      const r = await ssh('wang', command);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(theirs('干部“周七”', '查看'));
      expect(r.stderr).not.toMatch(/机电/);
    }
    await refused(ssh('wang', 'end --cadre 赵九 --date 2026-10-01 --reason 调整'), /^找不到干部“赵九”/);
  });

  it('the rule: every link and field another college sees stays as it was; her own links to a shared dorm are hers', () => {
    const before = sharedDormSchool();
    const change = (edit: (d: ReturnType<typeof sharedDormSchool>) => void) => {
      const after = structuredClone(before);
      edit(after);
      return () => assertWithinScope(WANG, before, after);
    };
    const dorm = (d: ReturnType<typeof sharedDormSchool>) => d.dorms.find((x) => x.id === 'd_201')!;
    expect(change((d) => void (dorm(d).classIds = ['cls_rj', 'cls_kj', 'cls_old']))).not.toThrow();
    expect(change((d) => void (dorm(d).classIds = ['cls_rj']))).not.toThrow();
    expect(change((d) => void d.dorms.find((x) => x.id === 'd_202')!.classIds.push('cls_kj'))).not.toThrow();
    const shared =
      /^王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改会改变机电信息学院也看到的寝室 2号楼-201/;
    expect(change((d) => void (dorm(d).classIds = ['cls_kj']))).toThrow(shared);
    expect(change((d) => void (dorm(d).note = '混合'))).toThrow(shared);
    expect(change((d) => void d.dorms.splice(d.dorms.indexOf(dorm(d)), 1))).toThrow(shared);
    // Another college's own record: the college is named, the record is not.
    expect(change((d) => void (d.classes.find((c) => c.id === 'cls_rj')!.headTeacher = '新班主任'))).toThrow(
      '王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改涉及其他学院的班级（机电信息学院），已全部取消，未做任何改动',
    );
    expect(change((d) => void (d.students.find((s) => s.id === 's_1')!.dormId = null))).toThrow(
      /困难生 2025001 小明 住的机电信息学院的寝室/,
    );
    // Her cadre holding another college's class: every field that college sees of him stays as it was.
    assign(
      before,
      { cadreId: 'c_ls', classId: 'cls_rj', studentIds: [], start: '2026-09-01' },
      { ...testContext('2026-09-01'), newId: () => 'a_ls' },
    );
    const cadre = (d: ReturnType<typeof sharedDormSchool>, id: string) => d.cadres.find((c) => c.id === id)!;
    expect(change((d) => void (cadre(d, 'c_ls').shortPhone = '669999'))).toThrow(/会改变机电信息学院也看到的干部 李四/);
    expect(change((d) => void (cadre(d, 'c_ls').status = '离职'))).toThrow(/会改变机电信息学院也看到的干部 李四/);
    expect(change((d) => void (cadre(d, 'c_ww').shortPhone = '669999'))).not.toThrow();
  });
});
