// Issue 13, cases 9 and 11: read-only, full and forbidden storage, EEXIST and EISDIR: one accurate
// Chinese line that says whether the change was saved, at once (no 30 s wait), never 内部错误.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { UserError } from '../../source/domain/errors.js';
import { wholeSchool } from '../helpers/stores.js';
import { runCli } from '../helpers/run-cli.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { logContactOperation } from '../../source/operations/log-contact.js';
import { assignedStore, ctx, logNote, mount, notes, tempDir, unmount } from './fault-helpers.js';

// An injected fault: the private file write whose target matches `failing.target` fails with `failing.code`.
const failing = vi.hoisted(() => ({ target: null as RegExp | null, code: '' }));
vi.mock('../../source/files/private-files.js', async (original) => {
  const real = await original<typeof import('../../source/files/private-files.js')>();
  return {
    ...real,
    writePrivateFile: async (file: string, data: string | Buffer) => {
      if (failing.target?.test(file))
        throw Object.assign(new Error(`${failing.code}: injected, open '${file}'`), { code: failing.code, path: file });
      return real.writePrivateFile(file, data);
    },
    writeNewPrivateFile: async (file: string, data: string | Buffer) => {
      if (failing.target?.test(file))
        throw Object.assign(new Error(`${failing.code}: injected, open '${file}'`), { code: failing.code, path: file });
      return real.writeNewPrivateFile(file, data);
    },
  };
});
afterEach(() => {
  failing.target = null;
});

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) unmount(dir);
});

describe('storage errors', () => {
  it('case 9: read-only storage is said at once, blaming the storage, not another process; nothing changes', async () => {
    const store = await assignedStore();
    await logNote(store, '2026-11-10', '一');
    const dir = join(store.file, '..');
    mount(['--bind', dir, dir]);
    mounted.push(dir);
    mount(['-o', 'remount,bind,ro', dir]);
    const error = await logNote(store, '2026-11-11', '二').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/只读.*修改未保存/);
    expect((error as Error).message).not.toMatch(/其他进程/);
    expect(await notes(store.file)).toEqual(['一']);
  });

  it.each([
    ['ENOSPC', /磁盘已满.*修改未保存/],
    ['EACCES', /没有写入 .*data\.json.* 的权限.*修改未保存/],
    ['EISDIR', /是一个目录.*修改未保存/],
    ['EROFS', /只读.*修改未保存/],
  ])(
    'case 11: %s while committing the main file: a user error saying the change was not saved, and it was not',
    async (code, message) => {
      const store = await assignedStore();
      const before = readFileSync(store.file, 'utf8');
      failing.code = code;
      failing.target = /data\.json$/;
      const error = await logNote(store, '2026-11-11', '二').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
      expect(readFileSync(store.file, 'utf8')).toBe(before);
      failing.target = null;
      expect(await notes(store.file)).toEqual([]);
    },
  );

  it('case 11: a failure after the commit (the seal) leaves the change saved and reported as saved', async () => {
    const store = await assignedStore();
    failing.code = 'ENOSPC';
    failing.target = /seal\.json$/;
    await expect(logNote(store, '2026-11-11', '二')).resolves.toMatchObject({
      revision: 2,
      notice: '已保存，但校验值未完成（磁盘已满）：下次保存时重做',
    });
    failing.target = null;
    expect(await notes(store.file)).toEqual(['二']);
  });

  it('case 11: a backup failing for space after the commit: exit 0, the change saved, and she is told once that it has no backup', async () => {
    const store = await assignedStore();
    failing.code = 'ENOSPC';
    failing.target = /\.backups\//;
    const run = await runCli(
      [
        'log',
        '--cadre',
        '张三',
        '--type',
        '班级',
        '--target',
        '会计1班',
        '--date',
        '2026-11-11',
        '--note',
        '二',
        '--as-of',
        '2026-11-25',
      ],
      store.file,
    );
    failing.target = null;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已记录/);
    expect(run.stderr.match(/已保存，但备份未完成（磁盘已满）：下次保存时重做/g)).toHaveLength(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await notes(store.file)).toEqual(['二']);
    expect((await store.backups()).map((b) => b.revision)).toEqual([1]);
  });

  it('case 11: the same notice reaches the terminal UI through its operation runner, once', async () => {
    const store = await assignedStore();
    failing.code = 'ENOSPC';
    failing.target = /\.backups\//;
    const said: string[] = [];
    const runner = new OperationRunner(wholeSchool(store.file), {
      via: 'tui',
      context: ctx,
      notice: (line) => said.push(line),
    });
    const done = await runner.run(logContactOperation, {
      cadre: '张三',
      duty: '班级',
      target: '会计1班',
      date: '2026-11-11',
      note: '三',
      again: false,
    });
    failing.target = null;
    expect(done.message).toMatch(/已记录/);
    expect(done.notice).toBe('已保存，但备份未完成（磁盘已满）：下次保存时重做');
    expect(said).toEqual([done.notice]);
    expect(await notes(store.file)).toEqual(['三']);
  });

  it('case 11: EEXIST (a file where the month directory belongs) and EISDIR (a directory as the datastore) are user errors', async () => {
    const store = await assignedStore();
    // Read before the folder is replaced (the handle holds the roster it read), so the save gets as far as writing.
    await store.load();
    const parts = store.layout.partsDir;
    const moved = `${parts}.moved`;
    const { renameSync } = await import('node:fs');
    renameSync(parts, moved);
    writeFileSync(parts, 'not a directory');
    const error = await logNote(store, '2026-11-11', '二').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/已存在.*修改未保存/);
    // A new handle cannot even read the roster there: one line naming the path and the backup to restore.
    const reread = await new DatastoreFile(store.file).load().catch((e: unknown) => e);
    expect(reread).toBeInstanceOf(UserError);
    expect((reread as Error).message).toMatch(/roster\.r1\.json.*是文件而不是目录.*sanlianxi restore/);
    const dir = join(tempDir(), 'dir.json');
    mkdirSync(dir);
    const read = await new DatastoreFile(dir).load().catch((e: unknown) => e);
    expect(read).toBeInstanceOf(UserError);
    expect((read as Error).message).toMatch(/是一个目录/);
  });
});
