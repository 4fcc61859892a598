// One 催办 send at a time per datastore (issue 25): a send reads what each robot was already sent,
// delivers the rest and records it, all while holding `<main file>.remind.lock` (proper-lockfile's
// lock directory). Two runs started together (two cron lines, cron and the terminal UI) thus take
// turns, and the later one finds the messages recorded. The store's own lock is not held meanwhile:
// a send waits on robots for minutes, and every other change would wait with it.
import lockfile from 'proper-lockfile';
import { UserError } from '../domain/errors.js';
import { storageProblem } from '../files/storage-errors.js';

/** A send's lock not refreshed for this long was left by a killed run, and is taken over. */
export const SEND_LOCK_STALE_MS = 60_000;
/** How long a send waits for another to finish (its robots may rate-limit it for minutes). */
const SEND_WAIT_MS = 10 * 60_000;
const SEND_POLL_MS = 100;

export interface SendLock {
  /** False once the lock was taken over (this run stalled past SEND_LOCK_STALE_MS): send no more. */
  held(): boolean;
}

/** Runs `work` holding the send lock of the datastore whose main file is `mainFile`; `wait`: or refuse at once. */
export async function withSendLock<T>(
  mainFile: string,
  wait: boolean,
  work: (lock: SendLock) => Promise<T>,
): Promise<T> {
  const lockDir = `${mainFile}.remind.lock`;
  let held = true;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(`${mainFile}.remind`, {
      realpath: false,
      stale: SEND_LOCK_STALE_MS,
      retries: wait
        ? { retries: SEND_WAIT_MS / SEND_POLL_MS, factor: 1, minTimeout: SEND_POLL_MS, maxTimeout: SEND_POLL_MS }
        : 0,
      onCompromised: () => {
        held = false;
      },
    });
  } catch (error) {
    const problem = storageProblem(error, lockDir);
    if (problem) throw new UserError(`无法锁定催办的发送（${lockDir}）：${problem}。未发送`);
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new UserError(
      `另一次催办正在发送${wait ? `（已等待 ${SEND_WAIT_MS / 60_000} 分钟）` : ''}：本次未发送，请稍后重试`,
    );
  }
  try {
    return await work({ held: () => held });
  } finally {
    if (held) await release().catch(() => undefined);
  }
}
