// `export` as a secretary runs it: the exit code and the line she reads.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

it('form1 --cadre: an unassigned 在岗 cadre gets the form and a note (exit 0); a 离职 one a refusal (exit 1, no file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slx-cli-export-'));
  const file = join(dir, 'data.json');
  const data = smallSchool([AUTUMN]);
  writeFileSync(file, JSON.stringify(data));
  const run = (out: string) =>
    runCli(['export', 'form1', '--cadre', '王五', '--as-of', '2026-11-25', '--out', join(dir, out)], file);
  const unassigned = await run('ww.xlsx');
  expect(unassigned.code).toBe(0);
  expect(unassigned.stdout).toContain('已导出附件1');
  expect(unassigned.stdout).toContain(
    '注意：王五（T003） 在 2026-11-25 没有联系分配，登记表中班级、困难学生、寝室部分为空',
  );
  data.cadres.find((c) => c.name === '王五')!.status = '离职';
  writeFileSync(file, JSON.stringify(data));
  const left = await run('left.xlsx');
  expect(left.code).toBe(1);
  expect(left.stderr.trim().split('\n')).toEqual([
    '王五（T003） 的状态为“离职”，2026-11-25 没有联系分配：不填写登记表，未导出（如已返岗，请先把状态改为在岗）',
  ]);
  expect(existsSync(join(dir, 'left.xlsx'))).toBe(false);
});

it('form2 counts the cadres it lists, not its rows (one row per 困难生)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slx-cli-export-'));
  const file = join(dir, 'data.json');
  const data = smallSchool([AUTUMN]);
  data.students.push({ ...data.students[0]!, id: 's_3', studentNo: '2025003', name: '小刚' });
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1', 's_3'], start: '2026-09-01' }, testContext());
  writeFileSync(file, JSON.stringify(data));
  const out = join(dir, 'f2.xlsx');
  const r = await runCli(['export', 'form2', '--as-of', '2026-11-25', '--out', out], file);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe(`已导出附件2：${out}（1 位干部）`);
});
