// The datastore holds students' difficulties: its files must not be readable by other accounts.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatastoreLayout } from './layout.js';

async function walk(path: string, out: { path: string; mode: number; dir: boolean }[]): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info) return;
  out.push({ path, mode: info.mode & 0o777, dir: info.isDirectory() });
  if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name), out);
}

/** One warning per file or directory that others can read, write or enter, with the command that fixes it. */
export async function permissionWarnings(layout: DatastoreLayout): Promise<string[]> {
  const entries: { path: string; mode: number; dir: boolean }[] = [];
  for (const path of [layout.main, layout.seal, layout.digest, layout.journal, layout.partsDir, layout.backupsDir])
    await walk(path, entries);
  return entries
    .filter((e) => (e.mode & 0o077) !== 0)
    .map(
      (e) =>
        `${e.path} 的权限是 ${e.mode.toString(8).padStart(3, '0')}，其他用户可以访问：请运行 chmod ${e.dir ? '700' : '600'} '${e.path}'`,
    );
}
