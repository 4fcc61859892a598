// Every import error names its place (sheet, row, column); a conflict between two rows names both.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDatastore, type Datastore } from '../../source/domain/schema.js';
import { ImportError, importRoster } from '../../source/io/roster-import.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { testContext } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-places-'));

const ROSTER = {
  干部: [
    ['T001', '张三', '经济管理学院', '', '', '', '', '', '普通党员'],
    ['T002', '李四', '经济管理学院', '', '', '', '', '', '普通党员'],
  ],
  班级: [['经济管理学院', '会计241班', 2024, '2027-06-30', '', '', '', '']],
  寝室: [['7号楼', '301', '会计241班', '', 6, '']],
  困难生: [['2024010001', '周同学', '会计241班', '7号楼', '301', '经济困难', '']],
};

async function refusal(data: Datastore, rows: Record<string, unknown[][]>, name: string): Promise<string[]> {
  const file = await fillRoster(join(dir, name), rows);
  const before = structuredClone(data);
  const error = await importRoster(data, file, testContext('2026-11-25')).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(data).toEqual(before);
  const lines = (error as ImportError).lines;
  for (const line of lines) expect(line).toMatch(/^[^,-]+, 第\d+行, [^:-]+: .+/);
  return lines;
}

describe('import error places', () => {
  it('two rows assigning one class over the same weeks: the later row names the earlier', async () => {
    const lines = await refusal(
      emptyDatastore('测试学院'),
      {
        ...ROSTER,
        联系分配: [
          ['张三', 'T001', '会计241班', '', '2026-09-01', '', ''],
          ['李四', 'T002', '会计241班', '', '2026-10-01', '', ''],
        ],
      },
      'two-cadres.xlsx',
    );
    expect(lines).toEqual([
      expect.stringMatching(/^联系分配, 第4行, 班级: 班级 会计241班 在同一时期已由其他干部联系：.*与第3行冲突/),
    ]);
  });

  it('two overlapping terms: the later one is named at its 开始日期, with the row it overlaps', async () => {
    const lines = await refusal(
      emptyDatastore('测试学院'),
      {
        ...ROSTER,
        学期: [
          ['2026-2027学年第一学期', '2026-09-01', '2027-01-20'],
          ['2026-2027学年第二学期', '2027-01-10', '2027-07-02'],
        ],
      },
      'terms.xlsx',
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^学期, 第4行, 开始日期: 学期“2026-2027学年第一学期”与“2026-2027学年第二学期”的日期重叠.*与第3行冲突/,
      ),
    ]);
  });

  it('a row that reopens an ended assignment, or ends one before its contacts, is named at its 结束日期', async () => {
    const data = emptyDatastore('测试学院');
    const first = await fillRoster(join(dir, 'first.xlsx'), {
      ...ROSTER,
      联系分配: [
        ['张三', 'T001', '会计241班', '', '2026-09-01', '2026-10-31', '调整'],
        ['李四', 'T002', '会计241班', '', '2026-11-01', '', ''],
      ],
      联系记录: [['李四', 'T002', '班级', '会计241班', '2026-11-20', '座谈会', '']],
    });
    await importRoster(data, first, testContext('2026-11-25'));
    const reopened = await refusal(
      data,
      {
        ...ROSTER,
        联系分配: [['张三', 'T001', '会计241班', '', '2026-09-01', '', '']],
      },
      'reopened.xlsx',
    );
    expect(reopened).toEqual([
      expect.stringMatching(/^联系分配, 第3行, 结束日期: 班级 会计241班 在同一时期已由其他干部联系/),
    ]);
    const endedEarly = await refusal(
      data,
      {
        ...ROSTER,
        联系分配: [['李四', 'T002', '会计241班', '', '2026-11-01', '2026-11-10', '调整']],
      },
      'ended-early.xlsx',
    );
    expect(endedEarly).toEqual([
      expect.stringMatching(
        /^联系分配, 第3行, 结束日期: 联系记录（2026-11-20）：李四 在 2026-11-20 没有有效的联系分配/,
      ),
    ]);
  });

  it('a dorm moved to another class while an assignment holds it: the row names the assignment and what to do', async () => {
    const data = emptyDatastore('测试学院');
    const classes = [...ROSTER.班级, ['经济管理学院', '会计242班', 2024, '2027-06-30', '', '', '', '']];
    const first = await fillRoster(join(dir, 'held.xlsx'), {
      ...ROSTER,
      班级: classes,
      联系分配: [['张三', 'T001', '会计241班', '', '2026-09-01', '', '']],
    });
    await importRoster(data, first, testContext('2026-11-25'));
    const moved = await refusal(data, { 寝室: [['7号楼', '301', '会计242班', '', 6, '']] }, 'moved.xlsx');
    expect(moved).toEqual([
      '寝室, 第3行, 班级: 寝室 7号楼-301 不属于班级 会计241班，却在 张三（T001） 联系 会计241班 的分配（2026-09-01 至 2027-06-30）中：分配只能包括本班的寝室，改寝室的班级前先结束或移交该分配',
    ]);
  });

  it('a namesake in 联系记录 or 联系分配 is named at 干部姓名; an unknown 工号 at 工号', async () => {
    const lines = await refusal(
      emptyDatastore('测试学院'),
      {
        ...ROSTER,
        干部: [...ROSTER.干部, ['T003', '张三', '经济管理学院', '', '', '', '', '', '普通党员']],
        联系分配: [
          ['张三', 'T001', '会计241班', '', '2026-09-01', '', ''],
          ['张三', '', '会计241班', '', '2026-09-01', '', ''],
        ],
        联系记录: [
          ['张三', '', '班级', '会计241班', '2026-10-08', '座谈会', ''],
          ['张三', 'T009', '班级', '会计241班', '2026-10-08', '座谈会', ''],
        ],
      },
      'namesakes.xlsx',
    );
    expect(lines).toEqual([
      expect.stringMatching(/^联系分配, 第4行, 干部姓名: 有 2 位干部名为“张三”/),
      expect.stringMatching(/^联系记录, 第3行, 干部姓名: 有 2 位干部名为“张三”/),
      expect.stringMatching(/^联系记录, 第4行, 工号: 找不到干部“T009”/),
    ]);
  });
});
