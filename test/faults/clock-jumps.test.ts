// Issue 21, case 7: the built program under a clock moved by libfaketime between saves (ahead 1,100
// days, ±1 day, a year, three years, then set right) keeps every journal entry, undo and the backups,
// listed newest (by revision) first. Needs `faketime` (Debian package faketime; .ci/run installs it)
// and `dist/` (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { tempDir } from './fault-helpers.js';

const MAIN = resolve('dist/cli/main.js');

/** `sanlianxi …` with the clock at `time` (Shanghai local time, advancing from there). */
function at(time: string, args: string[], file: string) {
  // Monotonic time left real: only the wall clock jumps, as when a clock is set.
  const env = { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' };
  const r = spawnSync('faketime', ['-f', `@${time}`, process.execPath, MAIN, ...args, '--data', file], {
    encoding: 'utf8',
    env,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function logAt(time: string, date: string, file: string): void {
  const r = at(
    time,
    ['log', '--cadre', '张三', '--type', '班级', '--target', '会计1班', '--date', date, '--note', time],
    file,
  );
  expect(r, time).toMatchObject({ code: 0, stderr: '' });
}

const historyRevisions = (time: string, file: string) =>
  (JSON.parse(at(time, ['history', '--json', '--limit', '100'], file).stdout) as { revision: number }[]).map(
    (e) => e.revision,
  );

const backupRevisions = (time: string, file: string) =>
  [...at(time, ['backups'], file).stdout.matchAll(/-r\d+\S*\s+\S+ \S+\s+(\d+)$/gm)].map((m) => Number(m[1]));

describe('clock jumps under faketime', () => {
  // About twenty processes: more time than the suite's default on a busy machine.
  it(
    'saves 1,100 days ahead, ±1 day, +1 year, +3 years and set right: history, undo and backups kept',
    { timeout: 120_000 },
    () => {
      expect(existsSync(MAIN), 'npm run build first').toBe(true);
      const file = join(tempDir('slx-clock-'), 'data.json');
      writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
      expect(
        at('2026-11-20 09:00:00', ['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)
          .code,
      ).toBe(0);
      for (let n = 1; n <= 6; n++) logAt(`2026-11-20 09:0${n}:00`, `2026-11-0${n}`, file);
      logAt('2029-11-23 09:00:00', '2026-11-07', file);
      // Before: the journal shrank from 7 entries to this one.
      expect(historyRevisions('2029-11-23 09:10:00', file)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      logAt('2026-11-21 09:00:00', '2026-11-08', file);
      logAt('2026-11-19 09:00:00', '2026-11-09', file);
      logAt('2027-11-20 09:00:00', '2026-11-10', file);
      logAt('2029-11-19 09:00:00', '2026-11-11', file);
      logAt('2026-11-20 10:00:00', '2026-11-12', file);
      expect(historyRevisions('2026-11-20 10:10:00', file)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      // Before: the 2029 backups were listed first, the save made at the right time among the older ones.
      expect(backupRevisions('2026-11-20 10:10:00', file)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(at('2026-11-20 10:20:00', ['undo'], file).stdout).toContain('已撤销第 13 号修改');
      expect(at('2026-11-20 10:21:00', ['undo'], file).stdout).toContain('已撤销第 12 号修改');
      expect(backupRevisions('2026-11-20 10:30:00', file).slice(0, 3)).toEqual([15, 14, 13]);
    },
  );
});
