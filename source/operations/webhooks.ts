// 群机器人 and 催办 (issue 25): a college's robot set or removed, and each 催办 message its robot accepted
// recorded, so the same message is not sent twice. The school sets any college's robot, a college secretary her own
// (scope-check.ts); the journal keeps the address masked (robots.ts).
import { buildIndexes } from '../domain/indexes.js';
import { findCollege } from '../domain/lookup.js';
import { maskUrl, recordSent, removeRobot, setRobot } from '../domain/robots.js';
import { changeOperation } from './operation.js';

export interface SetWebhookInput {
  college: string;
  url: string;
  secret: string | null;
}

export const setWebhookOperation = changeOperation<SetWebhookInput, { college: string; url: string; signed: boolean }>({
  name: '设置群机器人',
  hints: () => ({ contacts: 'none' }),
  apply: (data, input) => {
    const { college, robot } = setRobot(
      data,
      findCollege(buildIndexes(data), input.college).id,
      input.url,
      input.secret,
    );
    return { college, url: maskUrl(robot.url), signed: robot.secret !== null };
  },
  done: (r) => `已设置${r.college}的群机器人：${r.url}${r.signed ? '（加签）' : ''}`,
});

export const removeWebhookOperation = changeOperation<{ college: string }, string>({
  name: '删除群机器人',
  hints: () => ({ contacts: 'none' }),
  apply: (data, input) => removeRobot(data, findCollege(buildIndexes(data), input.college).id),
  done: (college) => `已删除${college}的群机器人`,
});

export interface RemindSentInput {
  date: string;
  sent: Array<{ collegeId: string; hash: string }>;
}

export const remindSentOperation = changeOperation<RemindSentInput, number>({
  name: '催办',
  hints: () => ({ contacts: 'none' }),
  apply: (data, input) => recordSent(data, input.sent, input.date),
  done: (n) => `已记录 ${n} 条催办消息`,
});
