// The cross-process lock every change of a datastore runs under: proper-lockfile's lock directory
// `<main file>.lock` (created atomically by mkdir), keyed on the main file's real path, plus an owner
// file inside it (token, pid, host). Every writer takes a ticket in the queue (lock-queue.ts) first and
// keeps it until its owner file is written; it releases by moving the whole lock directory away in one
// rename. So a lock directory without an owner file, seen by the waiter whose turn it is, was left by a
// writer killed between mkdir and naming itself, and is taken over at once (after OWNERLESS_STALE_MS).
// A waiter sleeps until the lock or the queue changes (inotify through fs.watch) or POLL_MS passes, and
// takes over a lock only when its owner is gone: a process of this host that no longer exists (noticed
// within POLL_MS of a crash), or, for an owner it cannot check (another host), one not refreshed for a
// while. A live owner keeps its lock however long it works or stalls (SIGSTOP, a blocked event loop);
// waiters take turns in arrival order and give up after WAIT_MS saying who holds it. Just before its
// commit, the owner checks the lock is still its own.
import { randomUUID } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { shanghaiDateTime } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { osUserName } from '../files/os-user.js';
import { LockQueue } from './lock-queue.js';
import { ensurePrivateDir } from '../files/private-files.js';
import { storageProblem } from '../files/storage-errors.js';

/** How long a change waits for others before giving up. */
export const WAIT_MS = 30_000;
/** A lock whose owner cannot be checked is taken over when not refreshed for this long. */
const UNCHECKED_STALE_MS = 30_000;
/**
 * A lock directory without an owner file when it is a waiter's turn: its creator was killed before
 * naming itself (a live creator still holds the ticket ahead). The short wait covers a directory
 * created an instant ago by a writer of another host, whose ticket this host cannot check at once.
 */
const OWNERLESS_STALE_MS = 200;
/** proper-lockfile's refresh of the lock's mtime, for waiters that cannot check the owner. */
const REFRESH_MS = 5_000;
/** A waiter looks again at least this often: a crashed owner changes no file that would wake it. */
const POLL_MIN_MS = 30;
const POLL_MAX_MS = 60;

interface Owner {
  token: string;
  pid: number;
  host: string;
  user: string;
  since: string;
}

export interface HeldLock {
  /** Throws (nothing saved) if the lock is no longer this holder's: to be called right before the commit. */
  assertHeld(): Promise<void>;
}

const ownerFile = (lockDir: string) => join(lockDir, 'owner.json');
/** A released lock directory on its way out: `<main file>.lock.released-<token>`. */
const RELEASED = '.released-';

/** Released lock directories a writer killed while removing one left behind; only under the lock. */
export async function sweepReleasedLocks(mainFile: string): Promise<void> {
  const prefix = `${basename(mainFile)}.lock${RELEASED}`;
  for (const name of await readdir(dirname(mainFile)).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await rm(join(dirname(mainFile), name), { recursive: true, force: true });
  }
}

async function readOwner(lockDir: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(ownerFile(lockDir), 'utf8')) as Owner;
  } catch {
    return null;
  }
}

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

/**
 * Removes the lock of the datastore whose main file is `mainFile` if its owner is gone; true when it
 * did (or there was no lock).
 */
export async function takeOverAbandoned(mainFile: string): Promise<boolean> {
  const lockDir = `${mainFile}.lock`;
  const owner = await readOwner(lockDir);
  const info = await stat(lockDir).catch(() => null);
  if (!info) return true;
  const age = Date.now() - info.mtimeMs;
  const abandoned =
    owner === null
      ? age > OWNERLESS_STALE_MS
      : owner.host === hostname()
        ? !processAlive(owner.pid)
        : age > UNCHECKED_STALE_MS;
  if (!abandoned) return false;
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

/**
 * Wakes a waiter when an entry named `name` changes in `dir` (inotify through fs.watch), or at the
 * latest after the poll interval. Without notifications (some network filesystems) it only polls.
 */
class Wakeup {
  private readonly watchers: FSWatcher[] = [];
  private changed = false;
  private wake: (() => void) | null = null;

  /** `wanted`: whether a change of this entry concerns the waiter (an unnamed event always does). */
  watch(dir: string, wanted: (name: string) => boolean): void {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, changed) => {
        if (changed !== null && !wanted(changed)) return;
        this.changed = true;
        this.wake?.();
      });
      watcher.on('error', () => undefined);
      this.watchers.push(watcher);
    } catch {
      // No notifications here: the poll alone.
    }
  }

  async sleep(): Promise<void> {
    if (!this.changed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, POLL_MIN_MS + Math.random() * (POLL_MAX_MS - POLL_MIN_MS));
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
    }
    this.wake = null;
    this.changed = false;
  }

  close(): void {
    for (const watcher of this.watchers) watcher.close();
  }
}

/**
 * Runs `work` holding the lock of the datastore whose main file (real path) is `mainFile`. Errors of
 * the storage itself (read-only, full, no permission) are said at once, not after waiting.
 */
export async function withStoreLock<T>(
  mainFile: string,
  shownFile: string,
  work: (lock: HeldLock) => Promise<T>,
): Promise<T> {
  const lockDir = `${mainFile}.lock`;
  const cannotLock = (error: unknown): never => {
    const problem = storageProblem(error, lockDir);
    if (problem) throw new UserError(`无法锁定数据文件 ${shownFile}：${problem}。修改未保存`);
    throw error;
  };
  await ensurePrivateDir(dirname(mainFile)).catch(cannotLock);
  const deadline = Date.now() + WAIT_MS;
  const queue = new LockQueue(`${mainFile}.lock-queue`, processAlive, WAIT_MS + 5_000);
  let wakeup: Wakeup | null = null;
  let release: () => Promise<void>;
  const owner: Owner = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    user: osUserName(),
    since: new Date().toISOString(),
  };
  try {
    // The ticket first, even when nobody waits: until this writer's owner file is written, the
    // ticket is what tells waiters it is alive.
    await queue.join().catch(cannotLock);
    let first = false;
    for (;;) {
      first = await queue.myTurn();
      if (first) {
        try {
          release = await lockfile.lock(mainFile, {
            realpath: false,
            // proper-lockfile's own staleness rule would take the lock of a live owner that stalls:
            // disabled in effect (takeOverAbandoned decides); its refresh keeps the mtime fresh for
            // waiters that cannot check the owner.
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
      if (!wakeup) {
        wakeup = new Wakeup();
        // The lock concerns the first in the queue; the others, only a ticket ahead of their own leaving.
        wakeup.watch(dirname(mainFile), (name) => first && name === basename(lockDir));
        wakeup.watch(queue.dir, (name) => queue.ahead(name));
      }
      await wakeup.sleep();
    }
    try {
      await writeFile(ownerFile(lockDir), JSON.stringify(owner), { mode: 0o600 });
    } catch (error) {
      await rm(ownerFile(lockDir), { force: true });
      await release().catch(() => undefined);
      // Gone already: this process stalled past OWNERLESS_STALE_MS right after creating it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new UserError(`数据文件 ${shownFile} 的锁已被其他进程接管（本进程停顿过久）：修改未保存，请重试`);
      cannotLock(error);
    }
  } finally {
    wakeup?.close();
    await queue.leave();
  }
  const lock: HeldLock = {
    assertHeld: async () => {
      if ((await readOwner(lockDir))?.token !== owner.token) {
        throw new UserError(`数据文件 ${shownFile} 的锁已被其他进程接管（本进程停顿过久）：修改未保存，请重试`);
      }
    },
  };
  try {
    return await work(lock);
  } finally {
    // A lock taken over (an owner on another host silent for UNCHECKED_STALE_MS) is the new owner's.
    if ((await readOwner(lockDir))?.token === owner.token) {
      // proper-lockfile stops its refresh (its rmdir fails: the owner file is still inside); the
      // directory then leaves with its owner file in one rename, never seen without it.
      await release().catch(() => undefined);
      const gone = `${lockDir}${RELEASED}${owner.token}`;
      await rename(lockDir, gone)
        .then(() => rm(gone, { recursive: true, force: true }))
        .catch(() => rm(lockDir, { recursive: true, force: true }));
    }
  }
}
