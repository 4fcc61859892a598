// README: Locking. A writer keeps its ticket until its owner file is written, so a lock directory without one,
// seen by the waiter whose turn it is, was left by a writer killed in between.
import { randomUUID } from 'node:crypto';
import { readFileSync, watch } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { shanghaiDateTime } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { osUserName } from '../files/os-user.js';
import { LockQueue } from './lock-queue.js';
import { ensurePrivateDir, PRIVATE_MODE } from '../files/private-files.js';
import { storageProblem } from '../files/storage-errors.js';

/** How long a change waits for others before giving up. */
const WAIT_MS = 30_000;
/** A lock whose owner cannot be checked is taken over when not refreshed for this long. */
const UNCHECKED_STALE_MS = 30_000;
/** An ownerless lock directory may be one a writer of another host (its ticket unchecked) made an instant ago. */
const OWNERLESS_STALE_MS = 200;
/** proper-lockfile's refresh of the lock's mtime, for waiters that cannot check the owner. */
const REFRESH_MS = 5_000;
/** A waiter looks again within 1–2× this: a crashed owner changes no file that would wake it. */
const POLL_MS = 30;

type Owner = { token: string; pid: number; host: string; user: string; since: string };

/** `assertHeld` throws (nothing saved) if the lock is no longer this holder's: to be called right before the commit. */
export type HeldLock = { assertHeld(): Promise<void> };

const ownerFile = (lockDir: string) => join(lockDir, 'owner.json');
/** `<main file>.lock.released-<token>`: a lock leaves in one rename, never seen without its owner file. */
const RELEASED = '.released-';

/** Released lock directories a writer killed while removing one left behind; only under the lock. */
export async function sweepReleasedLocks(mainFile: string): Promise<void> {
  const prefix = `${basename(mainFile)}.lock${RELEASED}`;
  for (const name of await readdir(dirname(mainFile)).catch(() => [] as string[]))
    if (name.startsWith(prefix)) await rm(join(dirname(mainFile), name), { recursive: true, force: true });
}

const readOwner = (lockDir: string): Promise<Owner | null> =>
  readFile(ownerFile(lockDir), 'utf8')
    .then((text) => JSON.parse(text) as Owner)
    .catch(() => null);

/** Whether process `pid` of this host exists and is not a zombie (killed, not yet reaped). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Removes the lock if its owner is gone, never a live owner's however long it stalls; true when it did (or none). */
export async function takeOverAbandoned(mainFile: string): Promise<boolean> {
  const lockDir = `${mainFile}.lock`;
  const owner = await readOwner(lockDir);
  const info = await stat(lockDir).catch(() => null);
  if (!info) return true;
  const age = Date.now() - info.mtimeMs;
  // An owner of this host is judged by its process; one of another host, or none yet, by the refresh.
  const stale = owner ? UNCHECKED_STALE_MS : OWNERLESS_STALE_MS;
  if (owner?.host === hostname() ? processAlive(owner.pid) : age <= stale) return false;
  // Still the same owner (or still none): another waiter may have taken it over since.
  const again = await readOwner(lockDir);
  if (again?.token !== owner?.token) return false;
  await rm(lockDir, { recursive: true, force: true });
  return true;
}

function describeOwner(owner: Owner | null): string {
  if (!owner) return '其他进程';
  return `${owner.host === hostname() ? '' : `${owner.host} 上`}用户 ${owner.user} 的进程 ${owner.pid}（自 ${shanghaiDateTime(new Date(owner.since))} 起）`;
}

/** A waiter's sleep: until a `wanted` entry of a folder changes (inotify), at the latest the poll interval. */
function wakeups(folders: [dir: string, wanted: (name: string) => boolean][]) {
  let changes = new AbortController();
  const watchers = folders.flatMap(([dir, wanted]) => {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || wanted(name)) changes.abort();
      });
      return [watcher.on('error', () => undefined)];
    } catch {
      return [];
    }
  });
  return {
    sleep: async () => {
      await sleep(POLL_MS * (1 + Math.random()), undefined, { signal: changes.signal }).catch(() => undefined);
      if (changes.signal.aborted) changes = new AbortController();
    },
    close: () => watchers.forEach((watcher) => watcher.close()),
  };
}

/** Runs `work` holding the lock of `mainFile` (a real path); a storage error is said at once, not after waiting. */
export async function withStoreLock<T>(mainFile: string, shownFile: string, work: (lock: HeldLock) => Promise<T>) {
  const lockDir = `${mainFile}.lock`;
  const cannotLock = (error: unknown): never => {
    const problem = storageProblem(error, lockDir);
    if (problem) throw new UserError(`无法锁定数据文件 ${shownFile}：${problem}。修改未保存`);
    throw error;
  };
  const takenOver = () =>
    new UserError(`数据文件 ${shownFile} 的锁已被其他进程接管（本进程停顿过久）：修改未保存，请重试`);
  await ensurePrivateDir(dirname(mainFile)).catch(cannotLock);
  const deadline = Date.now() + WAIT_MS;
  const queue = new LockQueue(`${mainFile}.lock-queue`, processAlive, WAIT_MS + 5_000);
  let wakeup: ReturnType<typeof wakeups> | null = null;
  let release: () => Promise<void>;
  const owner: Owner = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    user: osUserName(),
    since: new Date().toISOString(),
  };
  const ours = async () => (await readOwner(lockDir))?.token === owner.token;
  try {
    // Even when nobody waits: until the owner file is written, the ticket tells waiters this writer is alive.
    await queue.join().catch(cannotLock);
    let first = false;
    for (;;) {
      first = await queue.myTurn();
      if (first) {
        try {
          release = await lockfile.lock(mainFile, {
            realpath: false,
            // Its staleness rule would take a stalled live owner's lock: takeOverAbandoned decides instead.
            stale: 24 * 3_600_000,
            update: REFRESH_MS,
            retries: 0,
            onCompromised: () => undefined,
          });
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') cannotLock(error);
          if (await takeOverAbandoned(mainFile)) continue;
        }
      }
      if (Date.now() > deadline) {
        throw new UserError(
          `数据文件 ${shownFile} 正被${describeOwner(await readOwner(lockDir))}写入，已等待 ${WAIT_MS / 1000} 秒：修改未保存，请稍后重试`,
        );
      }
      // The lock concerns the first in the queue; the others, only a ticket ahead of their own leaving.
      wakeup ??= wakeups([
        [dirname(mainFile), (name) => first && name === basename(lockDir)],
        [queue.dir, (name) => queue.ahead(name)],
      ]);
      await wakeup.sleep();
    }
    try {
      await writeFile(ownerFile(lockDir), JSON.stringify(owner), { mode: PRIVATE_MODE });
    } catch (error) {
      await rm(ownerFile(lockDir), { force: true });
      await release().catch(() => undefined);
      // Gone already: this process stalled past OWNERLESS_STALE_MS right after creating it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw takenOver();
      cannotLock(error);
    }
  } finally {
    wakeup?.close();
    await queue.leave();
  }
  try {
    return await work({
      assertHeld: async () => {
        if (!(await ours())) throw takenOver();
      },
    });
  } finally {
    // A lock taken over (an owner on another host silent for UNCHECKED_STALE_MS) is the new owner's.
    if (await ours()) {
      // Stops the refresh (its rmdir fails: the owner file is inside); the directory leaves in one rename.
      await release().catch(() => undefined);
      const gone = `${lockDir}${RELEASED}${owner.token}`;
      await rename(lockDir, gone)
        .then(() => rm(gone, { recursive: true, force: true }))
        .catch(() => rm(lockDir, { recursive: true, force: true }));
    }
  }
}
