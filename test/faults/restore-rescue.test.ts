// Issue 21, case 5: `restore` rescues a broken main file — truncated, emptied or deleted — in one run of
// the command its own error advises: the damaged file is kept aside as `*.corrupt-TIME`, never
// overwritten, and the backup comes back whole.
import { existsSync, readdirSync, readFileSync, rmSync, statfsSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { assignedStore, logNote, notes, smallDisk, unmount } from './fault-helpers.js';

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) unmount(dir);
});

const DAMAGE = {
  truncated: (file: string) => truncateSync(file, 100),
  emptied: (file: string) => writeFileSync(file, ''),
  deleted: (file: string) => rmSync(file),
};

describe('restore rescues a broken main file', () => {
  it.each(Object.entries(DAMAGE))(
    '%s: one `restore ID` brings the backup back and keeps the damaged file aside',
    async (_how, damage) => {
      const store = await assignedStore();
      await logNote(store, '2026-11-10', '一');
      await logNote(store, '2026-11-11', '二');
      const backup = (await store.backups()).at(-1)!;
      damage(store.file);
      const damaged = existsSync(store.file) ? readFileSync(store.file) : null;

      const broken = await runCli(['overdue', '--as-of', '2026-11-25'], store.file);
      expect(broken.code).toBe(1);
      if (damaged) expect(broken.stderr).toContain(`sanlianxi restore ${backup.id}`);

      const restored = await runCli(['restore', backup.id], store.file);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain(`已恢复到备份 ${backup.id}`);
      expect(await notes(store.file)).toEqual(['一', '二']);
      expect((await runCli(['check'], store.file)).code).toBe(0);

      const aside = readdirSync(dirname(store.file)).filter((n) => /^data\.json\.corrupt-\d+$/.test(n));
      expect(aside).toHaveLength(damaged ? 1 : 0);
      if (damaged) {
        expect(readFileSync(join(dirname(store.file), aside[0]!))).toEqual(damaged);
        expect(restored.stdout).toContain(aside[0]);
      }
    },
  );

  it('on a full disk the restore of a truncated main file is refused naming the disk, the damaged file left in place; with room it succeeds', async () => {
    const disk = smallDisk('1m');
    mounted.push(dirname(disk));
    const store = await assignedStore(join(disk, 'data.json'));
    await logNote(store, '2026-11-10', '一');
    const backup = (await store.backups()).at(-1)!;
    truncateSync(store.file, 100);
    const damaged = readFileSync(store.file);
    const listing = readdirSync(disk).sort();
    const { bavail, bsize } = statfsSync(disk);
    const filler = join(dirname(disk), 'filler');
    // Room for the lock's files, not for the restored files: the refusal comes after the damaged files were moved aside.
    writeFileSync(filler, Buffer.alloc(bavail * bsize - 8192));

    const refused = await runCli(['restore', backup.id], store.file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/磁盘已满/);
    expect(readFileSync(store.file)).toEqual(damaged);
    expect(readdirSync(disk).sort()).toEqual(listing);

    rmSync(filler);
    expect((await runCli(['restore', backup.id], store.file)).code).toBe(0);
    expect(await notes(store.file)).toEqual(['一']);
  });
});
