// The datastore holds students' difficulties: its files must not be readable by other accounts.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatastoreLayout } from './layout.js';

/** One warning per file or directory under `path` that others can read, write or enter, with the fix. */
async function* warnings(path: string): AsyncGenerator<string> {
  const info = await stat(path).catch(() => null);
  if (!info) return;
  const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
  if ((info.mode & 0o077) !== 0)
    yield `${path} 的权限是 ${mode}，其他用户可以访问：请运行 chmod ${info.isDirectory() ? '700' : '600'} '${path}'`;
  if (info.isDirectory()) for (const name of await readdir(path)) yield* warnings(join(path, name));
}

export async function permissionWarnings(layout: DatastoreLayout): Promise<string[]> {
  const out: string[] = [];
  for (const path of [layout.main, layout.seal, layout.digest, layout.journal, layout.partsDir, layout.backupsDir])
    for await (const warning of warnings(path)) out.push(warning);
  return out;
}
