// The cross-process lock every change of a datastore runs under (proper-lockfile: a lock directory
// beside the main file, refreshed while held).
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../domain/errors.js';
import { ensurePrivateDir } from './private-files.js';

const LOCK_OPTIONS = {
  realpath: false,
  // A writer killed while holding the lock blocks others for this long; proper-lockfile refreshes it every stale/2.
  stale: 5_000,
  retries: { retries: 300, minTimeout: 10, maxTimeout: 100, randomize: true },
} as const;

/** Runs `work` holding the lock of the datastore whose main file is `mainFile`. */
export async function withStoreLock<T>(mainFile: string, shownFile: string, work: () => Promise<T>): Promise<T> {
  await ensurePrivateDir(dirname(mainFile));
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(mainFile, LOCK_OPTIONS);
  } catch {
    throw new UserError(`数据文件 ${shownFile} 正被其他进程写入，请稍后重试`);
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
