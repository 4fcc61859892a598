// How a command line ends, for both programs (program.ts, fast.ts): its exit code and, for an error,
// the lines on stderr.
import { isUserError } from '../domain/errors.js';
import { safeLines, safeText } from '../domain/safe-text.js';
import { storageProblem } from '../files/storage-errors.js';
import { setIdentity } from './runtime.js';

/**
 * Runs a command line's work and returns its exit code: 0 done, 1 a user error (its lines on stderr,
 * each neutralised), 2 an internal error, or a command's own status (overdue --exit-code: 3).
 */
export async function outcome(work: () => Promise<void>): Promise<number> {
  // A command may set process.exitCode for a status that is no error (overdue --exit-code): it is
  // returned, and this process's own exit code is left as it was.
  const outer = process.exitCode;
  process.exitCode = undefined;
  // The OS account, unless the line turns out to be an SSH forced command's (program.ts).
  setIdentity(null);
  try {
    await work();
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${safeLines(error.message)}\n`);
      return 1;
    }
    // A file-system error no layer below turned into a message (the store's own say whether a change was saved).
    const storage = storageProblem(error, '');
    if (storage) {
      process.stderr.write(`${safeText(storage)}：操作未完成\n`);
      return 1;
    }
    process.stderr.write(`内部错误：${safeText((error as Error)?.message ?? String(error))}\n`);
    return 2;
  } finally {
    process.exitCode = outer;
  }
}
