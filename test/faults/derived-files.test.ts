// Issue 21, case 6: a derived file (the overdue digest, with the contacts logged since it was built)
// never answers for a datastore `check` would refuse. A main file damaged where its stamp (inode, size,
// mtime) cannot tell — rewritten in place to the same size and mtime, as a file cut by a short write was
// stamped after it — makes `overdue --count` refuse in one Chinese line, never print a stale count.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { assignedStore, tempDir } from './fault-helpers.js';
import { join } from 'node:path';

const COUNT = ['overdue', '--as-of', '2026-11-25', '--count', '--exit-code'];

/** Damages `file` in place: the same inode, size and mtime (to the nanosecond), bytes no parser accepts. */
function damageKeepingStamp(file: string): void {
  const reference = join(tempDir(), 'stamp');
  writeFileSync(reference, '');
  execFileSync('touch', ['-r', file, reference]);
  const { ino, size } = statSync(file);
  writeFileSync(
    file,
    readFileSync(file)
      .subarray(0, size - 10)
      .toString('latin1')
      .padEnd(size, '\0'),
  );
  execFileSync('touch', ['-r', reference, file]);
  expect(statSync(file).ino).toBe(ino);
}

describe('derived files rest on a main file check would accept', () => {
  it('the digest: a main file damaged under the same stamp makes overdue --count refuse', async () => {
    const store = await assignedStore();
    const built = await runCli(COUNT, store.file);
    expect(built.stdout.trim()).toMatch(/^\d+$/);
    expect(existsSync(store.layout.digest)).toBe(true);
    damageKeepingStamp(store.file);
    const after = await runCli(COUNT, store.file);
    expect(after.stdout).toBe('');
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^数据文件 .*data\.json 不是有效的 JSON/);
  });

  it('the digest with a contact logged since it was built: likewise', async () => {
    const store = await assignedStore();
    await runCli(COUNT, store.file);
    const log = [
      'log',
      '--cadre',
      '张三',
      '--type',
      '班级',
      '--target',
      '会计1班',
      '--date',
      '2026-11-20',
      '--as-of',
      '2026-11-25',
    ];
    expect((await runCli(log, store.file)).code).toBe(0);
    expect((await runCli(COUNT, store.file)).stdout.trim()).toMatch(/^\d+$/);
    damageKeepingStamp(store.file);
    const after = await runCli(COUNT, store.file);
    expect(after.stdout).toBe('');
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^数据文件 .*data\.json 不是有效的 JSON/);
  });
});
