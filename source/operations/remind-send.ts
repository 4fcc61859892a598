// A college's 催办 to its robot, each message once (issue 25): the messages its robot already accepted
// are skipped (unless sent again on purpose), the others sent in order until one is refused, and those
// accepted recorded in one save even when a later one failed, so the next run sends only the rest.
// Run under the send lock (send-lock.ts), which keeps a second run from reading the records meanwhile.
import { sentBefore } from '../domain/robots.js';
import type { Robot } from '../domain/schema.js';
import { messageHash, type RobotSender } from '../io/robot-send.js';
import type { SendLock } from '../io/send-lock.js';

export interface CollegeSent {
  /** Numbers (from 1) of the messages accepted now. */
  delivered: number[];
  /** Numbers of the messages accepted before, and when: not sent again. */
  before: Array<{ n: number; date: string }>;
  /** The message refused (and those after it not sent), or null. */
  failure: { n: number; reason: string } | null;
}

export async function sendCollege(
  sender: RobotSender,
  lock: SendLock,
  robot: Robot,
  messages: readonly string[],
  again: boolean,
  record: (hashes: string[]) => Promise<unknown>,
): Promise<CollegeSent> {
  const sent: CollegeSent = { delivered: [], before: [], failure: null };
  const hashes: string[] = [];
  for (const [i, message] of messages.entries()) {
    const hash = messageHash(message);
    const date = again ? null : sentBefore(robot, hash);
    if (date !== null) {
      sent.before.push({ n: i + 1, date });
      continue;
    }
    const result = lock.held()
      ? await sender.sendOne(robot, message)
      : { ok: false as const, reason: '发送锁已被其他进程接管（本进程停顿过久）' };
    if (!result.ok) {
      sent.failure = { n: i + 1, reason: result.reason };
      break;
    }
    sent.delivered.push(i + 1);
    hashes.push(hash);
  }
  if (hashes.length > 0) await record(hashes);
  return sent;
}

/** `第 1–3 条`, `第 1、3 条`. */
export function messageNumbers(ns: readonly number[]): string {
  const contiguous = ns.every((n, i) => i === 0 || n === ns[i - 1]! + 1);
  return `第 ${contiguous && ns.length > 2 ? `${ns[0]}–${ns.at(-1)}` : ns.join('、')} 条`;
}
