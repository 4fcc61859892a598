// Commands as real processes, as a secretary's shell starts them: the program runs when started
// (not only when imported), prints, and exits with the code run() returned. Each process costs a
// tsx start-up, so only these two; --help and everything else run in process (commands.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';

const TSX = resolve('node_modules/.bin/tsx');
const MAIN = resolve('source/cli/main.ts');

function sanlianxi(args: string[]) {
  const r = spawnSync(TSX, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sanlianxi as a process', () => {
  it('assigns (exit 0), refuses a user error with one line and exit 1, the file untouched', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-proc-')), 'data.json');
    writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
    expect(
      sanlianxi(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01', '--data', file]),
    ).toMatchObject({ code: 0, stdout: '已把 会计1班 分配给 张三，自 2026-09-01 起\n' });
    const before = readFileSync(file, 'utf8');
    const refused = sanlianxi(['log', '--cadre', '赵六', '--type', '班级', '--target', '会计1班', '--data', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('找不到干部“赵六”：请检查姓名或工号，或先在“干部”表中导入该干部\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
