// `overdue` as a secretary uses it over SSH and in cron: fitted to 80 and 60 columns, namesakes told
// apart by 工号, filtered by cadre and status, counted, and an exit status a script can test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { cadreLabels, overdueText } from '../../source/cli/commands/overdue.js';
import { assign } from '../../source/domain/assignments.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import type { Datastore } from '../../source/domain/schema.js';
import { logContact } from '../../source/domain/contacts.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** Without a terminal (a pipe, as over `ssh host sanlianxi …`); COLUMNS only when given. */
const run = (args: string[], columns?: number) => runCli(args, file, columns);

let file: string;
beforeAll(() => {
  // Two 李明; 李明 T010 holds 会计1班 with six dorms (a long 对象) and a student with a long name.
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  const cadre = (id: string, employeeNo: string) => ({ ...data.cadres[0]!, id, employeeNo, name: '李明' });
  data.cadres.push(cadre('c_lm1', 'T010'), cadre('c_lm2', 'T011'));
  for (const n of ['103', '104', '105', '106']) data.dorms.push({ ...data.dorms[0]!, id: `d_${n}`, number: n });
  data.students[0]!.name = '欧阳娜仁托娅·巴特尔';
  assign(data, { cadreId: 'c_lm1', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
  assign(data, { cadreId: 'c_lm2', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
  logContact(data, { cadreId: 'c_lm2', duty: 'dorm', targetId: 'd_201', date: '2026-11-03' }, ctx);
  file = join(mkdtempSync(join(tmpdir(), 'slx-overdue-')), 'data.json');
  writeFileSync(file, JSON.stringify(data));
});

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const NOW = '2026-11-25';

describe('overdue text', () => {
  it('fits 80 columns, and 60 with fewer columns; cut names end in …; namesakes carry their 工号', async () => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Datastore;
    const idx = buildIndexes(data);
    const report = overdueReport(data, idx, NOW);
    const wide = await overdueText(cadreLabels(idx), report, 80);
    expect(widest(wide)).toBeLessThanOrEqual(80);
    expect(wide).toMatch(/^状态\s+天数\s+干部\s+学院\s+类型\s+对象\s+窗口$/m);
    expect(wide).toMatch(/逾期\s+25天\s+李明（T010）\s+经济管理学院\s+寝室\s+1号楼-101、1号…\s+10-01~10-31/);
    expect(wide).toMatch(/逾期\s+56天\s+李明（T011）\s+机电信息学院\s+困难生\s+2025002 小红\s+09-01~09-30/);

    const narrow = await overdueText(cadreLabels(idx), report, 60);
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    expect(narrow).toMatch(
      /^2026-2027学年第一学期，截至 2026-11-25\n逾期 8 项，待完成 5 项\n状态\s+干部\s+类型\s+对象\s+窗口$/m,
    );
    expect(narrow).toMatch(/逾期25天\s+李明（T010）\s+困难生\s+2025001 欧阳\S*…\s+10-01~10-31/);
    expect(narrow).not.toContain('经济管理学院');
  });

  it('without a terminal the command prints for 80 columns; COLUMNS=60 narrows it', async () => {
    const piped = await run(['overdue', '--as-of', NOW]);
    expect(piped.code).toBe(0);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
    expect(piped.stdout).toContain('经济管理学院');
    const narrow = await run(['overdue', '--as-of', NOW], 60);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(60);
    expect(narrow.stdout).not.toContain('经济管理学院');
  });
});

describe('overdue for scripts', () => {
  it('--cadre by 工号 (a shared name is refused with both 工号), --json rows carry employeeNo', async () => {
    const mine = JSON.parse((await run(['overdue', '--as-of', NOW, '--json', '--cadre', 'T011'])).stdout) as Array<
      Record<string, unknown>
    >;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => `${r['cadre']} ${r['employeeNo']} ${r['cadreId']}`))).toEqual(
      new Set(['李明 T011 c_lm2']),
    );
    const ambiguous = await run(['overdue', '--cadre', '李明']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('有 2 位干部名为“李明”（工号 T010、T011）');
  });

  it('--status overdue|due (or 逾期|待完成) with --count prints the number alone; a bad status is one Chinese line', async () => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Datastore;
    expect(overdueReport(data, buildIndexes(data), NOW, { status: 'overdue' }).rows).toHaveLength(8);
    expect(await run(['overdue', '--as-of', NOW, '--status', 'overdue', '--count'])).toMatchObject({
      code: 0,
      stdout: '8\n',
    });
    const bad = await run(['overdue', '--status', 'late']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--status 的值“late”无效');
  });

  it('--exit-code: 3 when a row is selected, 0 when none', async () => {
    expect(await run(['overdue', '--as-of', NOW, '--status', '待完成', '--count', '--exit-code'])).toMatchObject({
      code: 3,
      stdout: '5\n',
    });
    // Five days into the term nothing is overdue yet.
    expect(
      await run(['overdue', '--as-of', '2026-09-05', '--status', 'overdue', '--count', '--exit-code']),
    ).toMatchObject({ code: 0, stdout: '0\n' });
  });

  it('contacts --json names each cadre with employeeNo and cadreId; the text tells namesakes apart', async () => {
    const json = JSON.parse((await run(['contacts', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(json).toEqual([
      expect.objectContaining({
        cadre: '李明',
        cadreId: 'c_lm2',
        employeeNo: 'T011',
        target: '2号楼-201',
        date: '2026-11-03',
      }),
    ]);
    expect((await run(['contacts'])).stdout).toMatch(/2026-11-03\s+李明（T011）\s+寝室/);
  });
});
