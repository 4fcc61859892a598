// The colleges' group robots (issue 25): one 企业微信/钉钉 robot address per college. The address (its key
// or access_token) and the 加签 secret let anyone post into the group, so they are shown masked everywhere
// but in the request itself: in lists, the journal, `history` and every message.
import { UserError } from './errors.js';
import type { Datastore, Robot, Settings } from './schema.js';

/** The 催办 messages a robot remembers having been sent: months of a large college's (about ten a month). */
export const SENT_KEPT = 100;

/** Hosts a robot may be reached on without TLS: this machine only (the tests' robots). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The hosts of 企业微信's and 钉钉's group robots: over SSH a robot may be set on these only (forced-command.ts). */
export const ROBOT_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'];

/** Whether `url` is an https address on a robot host's own port. */
export function isRobotHostUrl(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.port === '' && ROBOT_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

export function robotsOf(settings: Settings): Record<string, Robot> {
  return settings.robots ?? {};
}

/** The address with its secret part hidden: scheme, host and the last 4 characters. */
export function maskUrl(url: string): string {
  const tail = url.length > 12 ? url.slice(-4) : '';
  try {
    return `${new URL(url).origin}/…${tail}`;
  } catch {
    return `…${tail}`;
  }
}

export function maskRobot(robot: Robot): Robot {
  return { ...robot, url: maskUrl(robot.url), secret: robot.secret === null ? null : '******' };
}

/** The settings as the journal keeps them: robots masked. */
export function journalSettings(settings: Settings): Settings {
  if (settings.robots === undefined) return settings;
  return {
    ...settings,
    robots: Object.fromEntries(Object.entries(settings.robots).map(([id, r]) => [id, maskRobot(r)])),
  };
}

/** Refuses an address that is not https (but on this machine), without repeating it. */
export function checkRobotUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new UserError(
      `群机器人地址无效（${maskUrl(trimmed)}）：应为完整地址，如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…，未做任何改动`,
    );
  }
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return trimmed;
  throw new UserError(
    `群机器人地址应以 https:// 开头（${maskUrl(trimmed)}）：消息含学生和干部姓名，不能明文传输，未做任何改动`,
  );
}

function collegeOf(data: Datastore, collegeId: string): string {
  const college = data.colleges.find((c) => c.id === collegeId);
  if (!college) throw new UserError('找不到该学院，未做任何改动');
  return college.name;
}

/** Sets a college's robot; a new address starts with nothing sent (a new group has seen nothing). */
export function setRobot(
  data: Datastore,
  collegeId: string,
  url: string,
  secret: string | null,
): { college: string; robot: Robot } {
  const college = collegeOf(data, collegeId);
  const checked = checkRobotUrl(url);
  if (secret !== null && secret.trim() === '')
    throw new UserError('--secret 不能为空：不用加签时请不写 --secret，未做任何改动');
  const old = robotsOf(data.settings)[collegeId];
  const robot: Robot = { url: checked, secret: secret?.trim() ?? null, sent: old?.url === checked ? old.sent : [] };
  data.settings.robots = { ...robotsOf(data.settings), [collegeId]: robot };
  return { college, robot };
}

export function removeRobot(data: Datastore, collegeId: string): string {
  const college = collegeOf(data, collegeId);
  const robots = { ...robotsOf(data.settings) };
  if (!robots[collegeId]) throw new UserError(`${college}没有设置群机器人，未做任何改动`);
  delete robots[collegeId];
  data.settings.robots = robots;
  return college;
}

/** Records the 催办 messages accepted by each college's robot (one hash each), keeping the latest SENT_KEPT. */
export function recordSent(
  data: Datastore,
  sent: ReadonlyArray<{ collegeId: string; hash: string }>,
  date: string,
): number {
  const robots = { ...robotsOf(data.settings) };
  let n = 0;
  for (const { collegeId, hash } of sent) {
    const robot = robots[collegeId];
    if (!robot) continue;
    robots[collegeId] = { ...robot, sent: [...robot.sent, { date, hash }].slice(-SENT_KEPT) };
    n += 1;
  }
  data.settings.robots = robots;
  return n;
}

/** When the robot was last sent this message, or null. */
export function sentBefore(robot: Robot, hash: string): string | null {
  return [...robot.sent].reverse().find((s) => s.hash === hash)?.date ?? null;
}
