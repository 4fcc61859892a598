// `coverage` on the demo school: the holes it prints as JSON, on a date in term and after the June
// graduations, and what a college secretary sees of them over SSH (her college only).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../../source/demo/demo-data.js';
import { runCli } from '../helpers/run-cli.js';

function demoFile(): string {
  const data = buildDemoData();
  // A 困难生 the roster import added after the class was assigned: nobody holds her.
  const cls = data.classes.find((c) => c.name === '会计252班')!;
  data.students.push({
    id: 'stu_new',
    studentNo: '2202501999',
    name: '新来的',
    classId: cls.id,
    dormId: null,
    categories: ['经济困难'],
    contact: '',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'slx-coverage-')), 'data.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

interface Json {
  asOf: string;
  classes: Array<{ class: string; college: string }>;
  dorms: unknown[];
  students: Array<{ name: string; class: string }>;
  freeCadres: Array<{
    cadre: string;
    employeeNo: string;
    college: string;
    since: { date: string; reason: string } | null;
  }>;
  ending: Array<{ cadre: string; employeeNo: string; class: string; end: string; reason: string }>;
}

describe('coverage', () => {
  it('lists the holes of the whole school, then of her college only over SSH', async () => {
    const file = demoFile();
    const term = await runCli(['coverage', '--as-of', '2026-11-24', '--json'], file);
    expect(term.stderr).toBe('');
    const now = JSON.parse(term.stdout) as Json;
    expect(Object.keys(now)).toEqual(['asOf', 'classes', 'dorms', 'students', 'freeCadres', 'ending']);
    expect(now.classes).toEqual([]);
    expect(now.students).toEqual([{ name: '2202501999 新来的', class: '会计252班' }]);
    // Per college: the cadre who was never given a class, and the two spare ones.
    expect(now.freeCadres).toHaveLength(9);
    expect(now.freeCadres.every((c) => c.since === null)).toBe(true);

    const june = JSON.parse(
      (await runCli(['coverage', '--as-of', '2027-06-10', '--json', '--college', '经济管理学院'], file)).stdout,
    ) as Json;
    expect(june.ending.map((e) => e.class).sort()).toEqual(
      ['会计241班', '电子商务241班', '物流管理241班', '市场营销241班'].sort(),
    );
    expect(june.ending.every((e) => e.end === '2027-06-30' && e.reason === '班级毕业')).toBe(true);
    expect(june.freeCadres.every((c) => c.college === '经济管理学院')).toBe(true);

    expect(
      (await runCli(['users', 'add', 'wang', '--name', '王芳', '--role', 'college', '--college', '经济管理学院'], file))
        .code,
    ).toBe(0);
    process.env['SSH_CONNECTION'] = '127.0.0.1 50000 127.0.0.1 22';
    process.env['SSH_ORIGINAL_COMMAND'] = 'coverage --as-of 2027-07-01 --json';
    try {
      const hers = await runCli(['--data', file, '--user', 'wang']);
      expect(hers.stderr).toBe('');
      const after = JSON.parse(hers.stdout) as Json;
      expect(after.freeCadres.every((c) => c.college === '经济管理学院')).toBe(true);
      // The four cadres of the classes that graduated on 06-30, free from 07-01, beside the three never assigned.
      expect(after.freeCadres.filter((c) => c.since !== null).map((c) => c.since)).toEqual(
        Array(4).fill({ date: '2027-07-01', reason: '班级毕业' }),
      );
      expect(after.freeCadres).toHaveLength(7);
      expect(after.students.map((s) => s.class)).toEqual(['会计252班']);
      expect(hers.stdout).not.toMatch(/机电信息学院|外国语学院/);
    } finally {
      delete process.env['SSH_CONNECTION'];
      delete process.env['SSH_ORIGINAL_COMMAND'];
    }
  });
});
